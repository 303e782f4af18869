/**
 * What the portal really sent, when the inbox could not show it as it was: an unreadable
 * Communication (no text here; the portal id says where to read it) and text that had to be
 * normalised or shortened (the original kept escaped in messages.original_escaped). The escaped
 * original is shown as text inside <details>, never as markup: preact escapes it like any patient text.
 */
import type { Message } from '../../db';
import { TextBlock } from './text';

const hasFlag = (m: Message, flag: string) => m.flags.includes(flag);

/** An unreadable item: the portal id first and large, with what to do. */
export function UnreadableNotice({ message: m }: { message: Message }) {
  if (!hasFlag(m, 'unreadable')) return null;
  return (
    <div class="unreadable-notice" id="unreadable-notice">
      <h3>This message could not be read here</h3>
      <p>
        The portal sent something this system could not read, so its text is not shown here. Open it in the
        portal and read it there now:
      </p>
      <p class="portal-id">
        Portal id <code id="unreadable-portal-id">{m.portal_id}</code> (Communication/{m.portal_id})
      </p>
      <p>Answer the patient in the portal or by phone, then close this message here with the reason.</p>
    </div>
  );
}

function summaryOf(m: Message): { summary: string; hint: string } {
  if (hasFlag(m, 'unreadable'))
    return {
      summary: 'Show what the portal sent (escaped)',
      hint:
        'The resource as the portal sent it, written as a JSON string: special characters appear as ' +
        'escapes such as \\u0000. It may be cut short when very large.',
    };
  if (hasFlag(m, 'text_normalised'))
    return {
      summary: 'Show the original text (escaped)',
      hint:
        'Some characters could not be stored as sent (a null character or a broken character code) and ' +
        'show as � in the message above. Here is the original subject and text as a JSON string, with ' +
        'those characters written as escapes such as \\u0000.',
    };
  return {
    summary: 'Show the beginning of the original text (escaped)',
    hint:
      'The original subject and text as a JSON string, cut after its first 100,000 characters. Read the ' +
      'whole message in the portal.',
  };
}

export function OriginalEscaped({ message: m }: { message: Message }) {
  if (m.original_escaped === null) return null;
  const { summary, hint } = summaryOf(m);
  return (
    <details class="original-escaped" id="original-escaped">
      <summary>{summary}</summary>
      <p class="hint">{hint}</p>
      <TextBlock text={m.original_escaped} label="Original as received, escaped" id="original-escaped-text" />
    </details>
  );
}
