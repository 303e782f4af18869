/** The reply editor (or the approved reply), the actions that move a message on, and draft feedback. */
import {
  CLOSE_REASONS,
  FEEDBACK_REASONS,
  MAX_NOTE_CHARS,
  MAX_REPLY_CHARS,
  URGENCY_LEVELS,
} from '../actions/input';
import { CLOSE_REASON_LABELS, clinicTime, FEEDBACK_REASON_LABELS, isoTime, levelLabel } from './format';
import {
  errorFor,
  isOpen,
  isReplyable,
  kept,
  keptList,
  messagePath,
  type MessagePageInput,
} from './page-model';
import { isRefusal, sendErrorText } from './send-errors';
import { Csrf, TextBlock } from './text';

function FormError({ id, text }: { id: string; text?: string }) {
  return text ? (
    // Announced once, by the summary at the top of the page; this copy sits beside the form.
    <p id={id} class="form-error">
      {text}
    </p>
  ) : null;
}

function SentReply({ input }: { input: MessagePageInput }) {
  const r = input.view.reply!;
  const unsentAndClosed = !r.sentAt && input.view.message.status === 'closed';
  return (
    <>
      <p id="reply-state">
        Approved by {r.authorName ?? 'someone'}
        {r.approvedAt ? (
          <>
            {' '}
            at <time dateTime={isoTime(r.approvedAt)}>{clinicTime(r.approvedAt, input.zone)}</time>
          </>
        ) : null}
        .{' '}
        {r.sentAt ? (
          <>
            Sent to the portal at <time dateTime={isoTime(r.sentAt)}>{clinicTime(r.sentAt, input.zone)}</time>
            .
          </>
        ) : unsentAndClosed ? (
          'Never sent: sending it failed and the message was closed without it.'
        ) : (
          `Sending${r.sendAttempts > 0 ? ` (attempt ${r.sendAttempts}${r.lastError ? ', the last one failed' : ''})` : ''}.`
        )}
      </p>
      <TextBlock
        text={r.body}
        label={r.sentAt ? 'Reply sent to the patient' : 'Approved reply, not sent yet'}
      />
    </>
  );
}

const times = (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`);

/**
 * A reply the portal would not take: the text as approved, why it failed in plain words, how often it
 * was tried, and "Retry sending" (the same text, a new send round). Closing stays in Other actions.
 */
function FailedReply({ input }: { input: MessagePageInput }) {
  const r = input.view.reply!;
  const m = input.view.message;
  const error = errorFor(input, 'retry');
  return (
    <>
      <div class="send-failed" id="send-failed">
        <h3>Sending failed</h3>
        <p id="send-failed-reason">{sendErrorText(r.lastError)}</p>
        <p class="muted" id="send-failed-attempts">
          {times(r.sendAttempts)} to reach the portal
          {r.sendRound > 1 ? `, over ${r.sendRound} rounds (it was retried before)` : ''}
          {r.lastError ? (
            <>
              ; error code <code>{r.lastError}</code>
            </>
          ) : null}
          .
        </p>
        {isRefusal(r.lastError) ? (
          <p>
            The portal turned this reply down, so sending the same text again will probably fail again. If the
            patient was answered another way (by phone), close the message instead.
          </p>
        ) : null}
      </div>
      <p id="reply-state">
        Approved by {r.authorName ?? 'someone'}
        {r.approvedAt ? (
          <>
            {' '}
            at <time dateTime={isoTime(r.approvedAt)}>{clinicTime(r.approvedAt, input.zone)}</time>
          </>
        ) : null}
        . Not sent to the patient.
      </p>
      <TextBlock text={r.body} label="Approved reply, not sent" id="approved-reply" />
      {input.can.approve ? (
        <form method="post" action={messagePath(m.id, 'retry-send')} id="retry-form">
          <Csrf token={input.ctx.csrfToken} />
          <input type="hidden" name="expectedVersion" value={String(m.version)} />
          <FormError id="retry-error" text={error} />
          <p class="hint" id="retry-hint">
            Sends the text above again, unchanged. The portal never keeps the same reply twice.
          </p>
          <button type="submit" class="primary" id="retry-button" aria-describedby="retry-hint">
            Retry sending
          </button>
        </form>
      ) : (
        <p class="muted">Someone who may approve replies can retry sending it.</p>
      )}
    </>
  );
}

/**
 * The reply box, there at once: before anyone has started it holds the suggested draft (revision 0);
 * the first focus (message.js) or the first save starts the reply, which records reply.started and
 * claims the message as the start buttons did. Approving revision 0 sends the draft text as shown.
 */
function Editor({ input }: { input: MessagePageInput }) {
  const { message: m, replyDraft, draft } = input.view;
  const typed = kept(input, 'reply', 'body');
  const body = typed ?? replyDraft?.body ?? draft?.body ?? '';
  const revision = kept(input, 'reply', 'revision') ?? String(replyDraft?.revision ?? 0);
  const startMode = draft ? 'draft' : 'blank';
  const draftId = replyDraft ? (replyDraft.based_on_draft_id ?? '') : (draft?.id ?? '');
  const error = errorFor(input, 'reply');
  const describedBy = ['reply-hint', error ? 'reply-error' : ''].filter(Boolean).join(' ');
  return (
    <form method="post" action={messagePath(m.id, 'reply')} id="reply-form">
      <Csrf token={input.ctx.csrfToken} />
      <input type="hidden" name="revision" value={revision} id="reply-revision" />
      <input type="hidden" name="expectedVersion" value={String(m.version)} />
      <input type="hidden" name="draftId" value={draftId} />
      {replyDraft ? null : <input type="hidden" name="startMode" value={startMode} id="reply-start-mode" />}
      {input.queue ? <input type="hidden" name="view" value={input.queue} /> : null}
      <label for="reply-body" class="field-label">
        Reply to patient
      </label>
      <p id="reply-hint" class="hint">
        {replyDraft
          ? `Started ${replyDraft.mode === 'draft' ? 'from the draft' : 'blank'}; revision ${replyDraft.revision} saved by ${
              replyDraft.authorName ?? 'someone'
            } at ${clinicTime(replyDraft.created_at, input.zone)}. `
          : draft
            ? 'The suggested draft, ready to edit or approve as it is. '
            : 'No draft: write the reply here. '}
        Saved automatically while you type (with JavaScript), or with Save. At most{' '}
        {MAX_REPLY_CHARS.toLocaleString('en-US')} characters.
      </p>
      <FormError id="reply-error" text={error} />
      <textarea
        id="reply-body"
        name="body"
        rows={14}
        dir="auto"
        spellcheck
        aria-describedby={describedBy}
        value={body}
      />
      <p id="reply-status" class="hint" role="status" aria-live="polite"></p>
      <div class="actions-row">
        {input.can.edit ? (
          <button type="submit" id="save-button">
            Save
          </button>
        ) : null}
        {input.can.approve ? (
          <>
            <button
              type="submit"
              class="primary"
              formaction={messagePath(m.id, 'approve')}
              id="approve-button"
            >
              Approve and send
            </button>
            <button
              type="submit"
              class="primary"
              formaction={messagePath(m.id, 'approve')}
              name="then"
              value="next"
              id="approve-next-button"
              aria-keyshortcuts="Shift+A"
            >
              Approve and next
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}

export function ReplySection({ input }: { input: MessagePageInput }) {
  const { reply, replyDraft, draft, message: m } = input.view;
  // No start step: the box is there as soon as the message can be answered (issue 16).
  const editing =
    !reply &&
    isReplyable(input) &&
    (input.can.edit || replyDraft || draft || input.feedback?.form === 'reply');
  return (
    <section class="panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Reply</h2>
      {reply && m.status === 'send_failed' ? (
        <FailedReply input={input} />
      ) : reply ? (
        <SentReply input={input} />
      ) : editing && (input.can.edit || input.can.approve) ? (
        <Editor input={input} />
      ) : replyDraft ? (
        <TextBlock text={replyDraft.body} label="Reply being written" />
      ) : (
        <p class="muted">
          {!isReplyable(input)
            ? m.status === 'closed'
              ? 'Closed without a reply.'
              : 'No reply.'
            : input.can.edit
              ? 'Nobody has started a reply. Start with the draft or blank.'
              : 'Nobody has started a reply.'}
        </p>
      )}
    </section>
  );
}

function RouteForm({ input }: { input: MessagePageInput }) {
  const m = input.view.message;
  if (m.routed_to === 'nurse' && !m.assigned_to) return <p>This message is in the nurse queue.</p>;
  return (
    <form method="post" action={messagePath(m.id, 'route')}>
      <Csrf token={input.ctx.csrfToken} />
      <FormError id="route-error" text={errorFor(input, 'route')} />
      <button type="submit">Route to nurse</button>
    </form>
  );
}

function CloseForm({ input }: { input: MessagePageInput }) {
  const m = input.view.message;
  const error = errorFor(input, 'close');
  const reason = kept(input, 'close', 'reason') ?? '';
  return (
    <form method="post" action={messagePath(m.id, 'close')} id="close-form">
      <Csrf token={input.ctx.csrfToken} />
      <h3 id="close-heading">Close without a reply</h3>
      <FormError id="close-error" text={error} />
      <p>
        <label for="close-reason">Reason</label>
        <br />
        <select id="close-reason" name="reason" required aria-describedby={error ? 'close-error' : undefined}>
          <option value="" selected={reason === ''}>
            Choose a reason
          </option>
          {CLOSE_REASONS.map((r) => (
            <option key={r} value={r} selected={reason === r}>
              {CLOSE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="close-note">Note (optional, up to {MAX_NOTE_CHARS} characters)</label>
        <br />
        <textarea id="close-note" name="note" rows={2} value={kept(input, 'close', 'note') ?? ''} />
      </p>
      <button type="submit" class="danger">
        Close without reply
      </button>
    </form>
  );
}

function UrgencyForm({ input }: { input: MessagePageInput }) {
  const m = input.view.message;
  const error = errorFor(input, 'urgency');
  const level = kept(input, 'urgency', 'urgency') ?? m.urgency ?? '';
  return (
    <form method="post" action={messagePath(m.id, 'urgency')} id="urgency-form">
      <Csrf token={input.ctx.csrfToken} />
      <h3>Change the urgency</h3>
      <FormError id="urgency-error" text={error} />
      <p>
        <label for="urgency-level">New level</label>
        <br />
        <select id="urgency-level" name="urgency" required>
          {URGENCY_LEVELS.map((u) => (
            <option key={u} value={u} selected={level === u}>
              {levelLabel(u)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="urgency-reason">Reason (required, up to {MAX_NOTE_CHARS} characters)</label>
        <br />
        <textarea
          id="urgency-reason"
          name="reason"
          rows={2}
          required
          value={kept(input, 'urgency', 'reason') ?? ''}
        />
      </p>
      <button type="submit">Change urgency</button>
    </form>
  );
}

export function OtherActionsSection({ input }: { input: MessagePageInput }) {
  if (!isOpen(input)) return null;
  const { edit, close, changeUrgency } = input.can;
  if (!edit && !close && !changeUrgency) return null;
  return (
    <section class="panel" aria-labelledby="other-heading">
      <h2 id="other-heading">Other actions</h2>
      {edit ? <RouteForm input={input} /> : null}
      {close ? <CloseForm input={input} /> : null}
      {changeUrgency ? <UrgencyForm input={input} /> : null}
    </section>
  );
}

export function FeedbackSection({ input }: { input: MessagePageInput }) {
  const { draft, message: m, feedbackGiven } = input.view;
  if (!draft || !input.can.edit) return null;
  const error = errorFor(input, 'feedback');
  const useful = kept(input, 'feedback', 'useful');
  const reasons = keptList(input, 'feedback', 'reasons');
  return (
    <section class="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Feedback on the draft</h2>
      {feedbackGiven ? <p class="muted">You already sent feedback on this draft; more is welcome.</p> : null}
      <form method="post" action={messagePath(m.id, 'feedback')} id="feedback-form">
        <Csrf token={input.ctx.csrfToken} />
        <input type="hidden" name="draftId" value={draft.id} />
        <FormError id="feedback-error" text={error} />
        <fieldset>
          <legend>Was the draft useful?</legend>
          <input
            type="radio"
            id="useful-yes"
            name="useful"
            value="yes"
            required
            checked={useful === 'yes'}
          />{' '}
          <label for="useful-yes">Yes</label>{' '}
          <input type="radio" id="useful-no" name="useful" value="no" checked={useful === 'no'} />{' '}
          <label for="useful-no">No</label>
        </fieldset>
        <fieldset>
          <legend>What was wrong with it? (optional)</legend>
          {FEEDBACK_REASONS.map((r) => (
            <span key={r} class="choice">
              <input type="checkbox" id={`fb-${r}`} name="reasons" value={r} checked={reasons.includes(r)} />{' '}
              <label for={`fb-${r}`}>{FEEDBACK_REASON_LABELS[r]}</label>
            </span>
          ))}
        </fieldset>
        <p>
          <label for="feedback-note">Note (optional)</label>
          <br />
          <textarea id="feedback-note" name="note" rows={2} value={kept(input, 'feedback', 'note') ?? ''} />
        </p>
        <button type="submit">Send feedback</button>
      </form>
    </section>
  );
}
