/** The read-only parts of the message page: the message itself, its triage, alert, chart facts and thread. */
import { explainMessageFlag } from './flags';
import {
  ageYears,
  clinicTime,
  CLOSE_REASON_LABELS,
  duration,
  isoTime,
  levelLabel,
  STATUS_LABELS,
  words,
} from './format';
import { OriginalEscaped, UnreadableNotice } from './original-sections';
import { isOpen, messagePath, type MessagePageInput } from './page-model';
import { BidiSafe, Csrf, TextBlock } from './text';

function Time({ at, zone }: { at: Date; zone: string }) {
  return <time dateTime={isoTime(at)}>{clinicTime(at, zone)}</time>;
}

function closeReasonText(raw: string | null): string {
  if (!raw) return 'no reason given';
  const colon = raw.indexOf(': ');
  const code = colon > 0 ? raw.slice(0, colon) : raw;
  const label = CLOSE_REASON_LABELS[code] ?? words(code);
  return colon > 0 ? `${label}: ${raw.slice(colon + 2)}` : label;
}

export function MessageSection({ input }: { input: MessagePageInput }) {
  const { message: m, patient, closedBy } = input.view;
  const age = patient ? ageYears(patient.birthDate, input.now, input.zone) : undefined;
  const open = isOpen(input);
  const unreadable = m.flags.includes('unreadable');
  return (
    <section class="panel" aria-labelledby="message-heading">
      <h2 id="message-heading">Patient’s message</h2>
      <UnreadableNotice message={m} />
      <dl class="facts">
        <dt>Patient</dt>
        <dd>
          {patient ? (
            <BidiSafe text={patient.name} />
          ) : (
            <span class="muted">Not in the inbox’s patient list</span>
          )}
          {age !== undefined ? `, ${age} years` : ''}
          {patient?.sex && patient.sex !== 'unknown' ? `, ${patient.sex}` : ''}
        </dd>
        <dt>Subject</dt>
        <dd>{m.subject ? <BidiSafe text={m.subject} /> : <span class="muted">No subject</span>}</dd>
        <dt>Received</dt>
        <dd>
          <Time at={m.received_at} zone={input.zone} />
        </dd>
        <dt>{open ? 'Waiting' : 'Waited'}</dt>
        <dd>{duration(m.received_at.getTime(), (m.closed_at ?? input.now).getTime())}</dd>
        <dt>Status</dt>
        <dd id="message-status">
          {STATUS_LABELS[m.status] ?? m.status}
          {m.status === 'closed' && m.closed_at ? (
            <>
              {' '}
              by {closedBy ?? 'someone'} at <Time at={m.closed_at} zone={input.zone} /> (
              {closeReasonText(m.close_reason)})
            </>
          ) : null}
        </dd>
        {m.language ? (
          <>
            <dt>Language</dt>
            <dd>{m.language}</dd>
          </>
        ) : null}
      </dl>
      {unreadable && !m.body ? null : (
        <TextBlock text={m.body} label="Patient’s message text" id="patient-text" />
      )}
      <OriginalEscaped message={m} />
    </section>
  );
}

export function TriageSection({ input }: { input: MessagePageInput }) {
  const m = input.view.message;
  const flags = m.flags.map(explainMessageFlag);
  return (
    <section class="panel" aria-labelledby="triage-heading">
      <h2 id="triage-heading">Triage</h2>
      <p>
        <span class={`level level-${m.urgency ?? 'none'}`}>{levelLabel(m.urgency)}</span>
        {m.category ? ` · ${words(m.category)}` : ''}
        {m.routed_to === 'nurse' ? ' · routed to the nurse queue' : ''}
      </p>
      {m.triage_reasons.length > 0 ? (
        <>
          <h3>Why</h3>
          <ul class="reasons">
            {m.triage_reasons.map((r, i) => (
              <li key={i}>
                <BidiSafe text={r} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">No reasons recorded.</p>
      )}
      {flags.length > 0 ? (
        <>
          <h3>Flags on the message</h3>
          <ul class="flags">
            {flags.map((f) => (
              <li key={f.code}>
                <strong>{words(f.code)}</strong>: {f.explanation}
                {f.detail ? (
                  <>
                    {' '}
                    (<BidiSafe text={f.detail} />)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const ALERT_STATE_TEXT: Record<string, string> = {
  pending: 'Waiting to be posted to Slack.',
  posting: 'Being posted to Slack.',
  posted: 'Posted to Slack.',
  retrying: 'Posting to Slack failed; retrying.',
  not_configured: 'Not posted: Slack is not set up.',
};

export function AlertSection({ input }: { input: MessagePageInput }) {
  const a = input.view.alert;
  const m = input.view.message;
  if (!a && m.urgency !== 'emergent' && m.urgency !== 'urgent') return null;
  const canAck = input.can.acknowledge && a && !a.acknowledgedAt && !a.resolvedAt && a.state === 'posted';
  return (
    <section class="panel" aria-labelledby="alert-heading">
      <h2 id="alert-heading">Urgent alert</h2>
      {!a ? (
        <p>No alert yet: it is created right after triage.</p>
      ) : (
        <ul class="alert-state" id="alert-state">
          <li class={a.state === 'retrying' ? 'error' : undefined}>
            {ALERT_STATE_TEXT[a.state] ?? a.state}
            {a.postedAt ? (
              <>
                {' '}
                At <Time at={new Date(a.postedAt)} zone={input.zone} />.
              </>
            ) : null}
          </li>
          {a.state === 'retrying' || (a.attempts > 1 && !a.postedAt) ? (
            <li class="error">
              {a.attempts} attempt{a.attempts === 1 ? '' : 's'} so far
              {a.lastError ? `; last error: ${a.lastError}` : ''}.
            </li>
          ) : null}
          <li>
            {a.acknowledgedAt ? (
              <>
                Acknowledged by{' '}
                {a.acknowledgedBy?.name ?? (a.acknowledgedBy?.slackUser ? 'a Slack user' : 'someone')} at{' '}
                <Time at={new Date(a.acknowledgedAt)} zone={input.zone} />.
              </>
            ) : (
              'Not acknowledged yet.'
            )}
          </li>
          {a.escalationLevel > 0 ? <li>Escalation level {a.escalationLevel}: reminders were sent.</li> : null}
          {a.resolvedAt ? (
            <li>
              Resolved at <Time at={new Date(a.resolvedAt)} zone={input.zone} />.
            </li>
          ) : null}
        </ul>
      )}
      {canAck ? (
        <form method="post" action={messagePath(m.id, 'acknowledge')}>
          <Csrf token={input.ctx.csrfToken} />
          <button type="submit">Acknowledge alert</button>
        </form>
      ) : null}
    </section>
  );
}

export function ChartSection({ input }: { input: MessagePageInput }) {
  const s = input.view.snapshot;
  if (!input.view.draft) return null;
  return (
    <section class="panel" aria-labelledby="chart-heading">
      <h2 id="chart-heading">Chart facts the draft used</h2>
      {!s || (!s.facts && s.sources.length === 0) ? (
        <p class="muted">The draft used no chart facts.</p>
      ) : (
        <>
          {s.facts ? <TextBlock text={s.facts} label="Chart facts given to the drafter" /> : null}
          {s.reasons.length > 0 ? (
            <>
              <h3>Why these facts</h3>
              <ul>
                {s.reasons.map((r, i) => (
                  <li key={i}>
                    <BidiSafe text={r} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>FHIR sources</h3>
          <ul class="sources">
            {s.sources.map((src, i) => (
              <li key={i}>
                <code>{src}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {s?.templateKinds.length ? (
        <p class="muted">Templates: {s.templateKinds.map(words).join(', ')}.</p>
      ) : null}
    </section>
  );
}

export function ThreadSection({ input }: { input: MessagePageInput }) {
  const thread = input.view.thread;
  return (
    <section class="panel" aria-labelledby="thread-heading">
      <h2 id="thread-heading">Conversation</h2>
      {thread.length === 0 ? (
        <p class="muted">No other messages from this patient in this conversation.</p>
      ) : (
        <ol class="thread">
          {thread.map((e, i) => (
            <li key={i} class={`thread-${e.kind}`}>
              <h3>
                {e.kind === 'patient' ? 'Patient' : `Clinic reply${e.author ? ` by ${e.author}` : ''}`},{' '}
                <Time at={e.at} zone={input.zone} />
                {e.later ? ' (after this message)' : ''}
              </h3>
              {e.subject ? (
                <p>
                  Subject: <BidiSafe text={e.subject} />
                </p>
              ) : null}
              <TextBlock
                text={e.body}
                label={e.kind === 'patient' ? 'Earlier patient message' : 'Clinic reply'}
              />
              {e.kind === 'patient' ? <a href={messagePath(e.messageId)}>Open that message</a> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
