/**
 * The message page: what the patient wrote and everything known about it on the left, the work
 * (draft, reply, actions) on the right. Server-rendered TSX; /inbox/assets/message.js adds autosave,
 * presence, live notices and keyboard shortcuts, and every action also works as a plain form.
 */
import { renderPage } from '../../http/page-layout';
import { RedisDegradedNotice } from '../degraded-notice';
import { levelLabel } from './format';
import { AlertSection, ChartSection, MessageSection, ThreadSection, TriageSection } from './info-sections';
import { AssignmentSection, DraftSection } from './draft-sections';
import { listHref } from '../list/filters';
import { presenceText, queuePath, type MessagePageInput } from './page-model';
import { FeedbackSection, OtherActionsSection, ReplySection } from './reply-sections';

const SHORTCUTS: [string, string][] = [
  ['e', 'Put the cursor in the reply (it holds the draft from the start)'],
  ['a', 'Approve and send (asks to confirm)'],
  ['Shift+A', 'Approve and go to the next message of this view (asks to confirm)'],
  ['Ctrl+Enter or ⌘+Enter', 'Approve and send from the reply box (asks to confirm)'],
  ['Ctrl+Shift+Enter', 'Approve and next from the reply box (asks to confirm)'],
  ['c', 'Close without reply'],
  ['n', 'Next message'],
  ['p', 'Previous message'],
  ['u', 'Back to the list'],
  ['?', 'Show this help'],
  ['Escape', 'Close a dialog'],
];

function Navigation({ input }: { input: MessagePageInput }) {
  const id = input.view.message.id;
  return (
    <nav aria-label="Messages" class="message-nav">
      <a href={listHref({ view: input.queue })} id="back-link">
        Back to the list
      </a>
      <a href={queuePath(id, input.queue, 'prev')} id="prev-link">
        Previous message
      </a>
      <a href={queuePath(id, input.queue, 'next')} id="next-link">
        Next message
      </a>
      {/* Shown by the script: without it there are no shortcuts to explain. */}
      <button type="button" id="help-button" hidden>
        Keyboard shortcuts
      </button>
    </nav>
  );
}

function Notices({ input }: { input: MessagePageInput }) {
  const { flash, others, feedback } = input;
  return (
    <div class="notices">
      {feedback ? (
        <div class="flash flash-error" role="alert" id="form-problem">
          <p>Nothing was changed: {feedback.error}</p>
        </div>
      ) : null}
      {flash ? (
        <p class={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'} id="flash">
          {flash.text}
        </p>
      ) : null}
      {input.presenceAvailable === false ? <RedisDegradedNotice /> : null}
      {/* The same spans window.inboxLive.renderPresence writes when the live stream updates it. */}
      <p id="presence" class="presence" role="status" aria-live="polite">
        {others.map((p, i) => (
          <span key={i} class={`presence-person presence-${p.mode}`}>
            {presenceText(p)}
          </span>
        ))}
      </p>
      <div id="change-notice" role="alert" class="change-notice"></div>
    </div>
  );
}

function Dialogs() {
  return (
    <>
      <dialog id="help-dialog" aria-labelledby="help-heading">
        <h2 id="help-heading">Keyboard shortcuts</h2>
        <p>Letters work when you are not typing in a field.</p>
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit">Close help</button>
        </form>
      </dialog>
      <dialog id="approve-dialog" aria-labelledby="approve-heading">
        <h2 id="approve-heading">Send this reply to the patient?</h2>
        <p>The text in the reply box goes to the patient’s portal as it is.</p>
        <div class="actions-row">
          <button type="button" class="primary" id="approve-confirm">
            Send reply now
          </button>
          <button type="button" id="approve-cancel">
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}

export function renderMessagePage(input: MessagePageInput): string {
  const m = input.view.message;
  return renderPage({
    // A level, not the subject: titles end up in browser history.
    title: `${levelLabel(m.urgency)} message`,
    user: input.ctx.user,
    csrfToken: input.ctx.csrfToken,
    active: 'inbox',
    styles: ['/inbox/assets/message.css'],
    scripts: ['/inbox/assets/live.js', '/inbox/assets/message.js'],
    data: {
      'message-id': m.id,
      version: String(m.version),
      revision: String(input.view.replyDraft?.revision ?? 0),
      status: m.status,
      'user-id': input.ctx.user.id,
    },
    body: (
      <>
        <Navigation input={input} />
        <h1 id="page-heading">
          <span class={`level level-${m.urgency ?? 'none'}`}>{levelLabel(m.urgency)}</span> message
        </h1>
        <Notices input={input} />
        <div class="message-layout">
          <div class="message-column">
            <MessageSection input={input} />
            <TriageSection input={input} />
            <AlertSection input={input} />
            <ChartSection input={input} />
            <ThreadSection input={input} />
          </div>
          <div class="work-column">
            <AssignmentSection input={input} />
            <DraftSection input={input} />
            <ReplySection input={input} />
            <OtherActionsSection input={input} />
            <FeedbackSection input={input} />
          </div>
        </div>
        <Dialogs />
      </>
    ),
  });
}
