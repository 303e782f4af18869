/** The assignment and the assistant's draft, with the actions that act on them. */
import { REGENERATE_INSTRUCTIONS } from '../actions/input';
import { explainDraftFlag } from './flags';
import { clinicTime, INSTRUCTION_LABELS, isoTime, SOURCE_LABELS, words } from './format';
import { errorFor, isOpen, isReplyable, kept, messagePath, type MessagePageInput } from './page-model';
import { BidiSafe, Csrf, TextBlock } from './text';

function FormError({ id, text }: { id: string; text?: string }) {
  return text ? (
    // Announced once, by the summary at the top of the page; this copy sits beside the form.
    <p id={id} class="form-error">
      {text}
    </p>
  ) : null;
}

export function AssignmentSection({ input }: { input: MessagePageInput }) {
  const { message: m, assignee } = input.view;
  const me = input.ctx.user.id;
  const mine = assignee?.id === me;
  const error = errorFor(input, 'claim') ?? errorFor(input, 'release');
  return (
    <section class="panel" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">Who is answering</h2>
      <p id="assignment">
        {assignee
          ? mine
            ? 'You have claimed this message'
            : `Claimed by ${assignee.name}`
          : 'Nobody has claimed this message'}
        {m.assigned_at && assignee ? (
          <>
            {' '}
            since <time dateTime={isoTime(m.assigned_at)}>{clinicTime(m.assigned_at, input.zone)}</time>
          </>
        ) : null}
        .{m.routed_to === 'nurse' ? ' It is in the nurse queue.' : ''}
      </p>
      <FormError id="claim-error" text={error} />
      {input.can.edit && isOpen(input) ? (
        mine ? (
          <form method="post" action={messagePath(m.id, 'release')}>
            <Csrf token={input.ctx.csrfToken} />
            <button type="submit">Release</button>
          </form>
        ) : (
          <form method="post" action={messagePath(m.id, 'claim')} class="inline-form">
            <Csrf token={input.ctx.csrfToken} />
            {assignee ? (
              <p>
                <input type="checkbox" id="take-over" name="takeOver" value="yes" required />{' '}
                <label for="take-over">Take over from {assignee.name}</label>
              </p>
            ) : null}
            <button type="submit">Claim</button>
          </form>
        )
      ) : null}
    </section>
  );
}

function DraftMeta({ input }: { input: MessagePageInput }) {
  const d = input.view.draft!;
  const above = d.reading_grade !== null && d.target_grade !== null && d.reading_grade > d.target_grade + 0.5;
  return (
    <dl class="facts">
      <dt>Source</dt>
      <dd>
        {SOURCE_LABELS[d.source] ?? d.source}
        {d.model ? ` (${d.model})` : ''}
      </dd>
      <dt>Reading grade</dt>
      <dd class={above ? 'warn' : undefined}>
        {d.reading_grade === null ? 'not measured' : d.reading_grade.toFixed(1)}
        {d.target_grade !== null ? ` (target ${d.target_grade.toFixed(1)})` : ''}
        {above
          ? ': harder to read than the target'
          : d.reading_grade !== null
            ? ': at or below the target'
            : ''}
      </dd>
      <dt>Made</dt>
      <dd>
        <time dateTime={isoTime(d.created_at)}>{clinicTime(d.created_at, input.zone)}</time>
        {input.view.draftCount > 1 ? ` (draft ${input.view.draftCount}; earlier ones were regenerated)` : ''}
      </dd>
    </dl>
  );
}

function StartForms({ input }: { input: MessagePageInput }) {
  const { message: m, draft, replyDraft } = input.view;
  const error = errorFor(input, 'start');
  const form = (mode: 'draft' | 'blank', label: string, primary = false) => (
    <form method="post" action={messagePath(m.id, 'start')} class="inline-form">
      <Csrf token={input.ctx.csrfToken} />
      <input type="hidden" name="mode" value={mode} />
      {mode === 'draft' && draft ? <input type="hidden" name="draftId" value={draft.id} /> : null}
      <input type="hidden" name="revision" value={String(replyDraft?.revision ?? 0)} />
      <button type="submit" class={primary ? 'primary' : undefined} id={`start-${mode}`}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="actions-row">
      <FormError id="start-error" text={error} />
      {replyDraft
        ? draft && replyDraft.based_on_draft_id !== draft.id
          ? form('draft', 'Replace reply with this draft')
          : null
        : // Nothing started: the reply box already holds the draft; starting blank empties it.
          draft
          ? form('blank', 'Start blank instead')
          : null}
    </div>
  );
}

function RegenerateForm({ input }: { input: MessagePageInput }) {
  const m = input.view.message;
  const chosen = kept(input, 'regenerate', 'instruction') ?? '';
  return (
    <form method="post" action={messagePath(m.id, 'regenerate')} class="inline-form" id="regenerate-form">
      <Csrf token={input.ctx.csrfToken} />
      <label for="instruction">Instruction (optional)</label>{' '}
      <select id="instruction" name="instruction">
        <option value="" selected={chosen === ''}>
          None
        </option>
        {REGENERATE_INSTRUCTIONS.map((i) => (
          <option key={i} value={i} selected={chosen === i}>
            {INSTRUCTION_LABELS[i]}
          </option>
        ))}
      </select>{' '}
      <button type="submit">Regenerate</button>
      <FormError id="regenerate-error" text={errorFor(input, 'regenerate')} />
    </form>
  );
}

export function DraftSection({ input }: { input: MessagePageInput }) {
  const { draft } = input.view;
  const replyable = isReplyable(input);
  const flags = draft ? draft.flags.map(explainDraftFlag) : [];
  return (
    <section class="panel" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Suggested draft</h2>
      {draft ? (
        <>
          <DraftMeta input={input} />
          {flags.length > 0 ? (
            <>
              <h3>Safety flags</h3>
              <ul class="flags" id="draft-flags">
                {flags.map((f, i) => (
                  <li key={i}>
                    <strong>{words(f.code)}</strong>: {f.explanation}
                    {f.detail ? (
                      <>
                        {' '}
                        <span class="muted">
                          (<BidiSafe text={f.detail} />)
                        </span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="ok">No safety flags.</p>
          )}
          <TextBlock text={draft.body} label="Draft text" id="draft-text" />
        </>
      ) : (
        <p class="muted">
          {input.view.message.status === 'new' || input.view.message.status === 'triaged'
            ? 'The draft is still being written.'
            : 'There is no draft for this message.'}
        </p>
      )}
      {input.can.edit && replyable ? <StartForms input={input} /> : null}
      {input.can.edit && replyable && input.modelConfigured ? <RegenerateForm input={input} /> : null}
    </section>
  );
}
