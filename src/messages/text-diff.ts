/**
 * How much a person changed the draft before sending, as numbers only: the audit event records who
 * edited how much, never the texts themselves (those stay in drafts and replies).
 */
export interface EditSummary {
  unchanged: boolean;
  draftWords: number;
  sentWords: number;
  /** Word-level edit distance: words inserted, deleted or replaced. */
  wordEdits: number;
  wordsAdded: number;
  wordsRemoved: number;
}

/** Beyond this many words a side, the exact distance costs too much; we report an upper bound. */
const MAX_WORDS = 3000;

/** Case and edge punctuation do not count as edits: "Daily." and "daily," are the same word. */
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);

export function summarizeEdit(draft: string | null, sent: string): EditSummary {
  const a = words(draft ?? '');
  const b = words(sent);
  const unchanged = draft !== null && draft.trim() === sent.trim();
  const common = a.length > MAX_WORDS || b.length > MAX_WORDS ? 0 : lcsLength(a, b);
  const removed = a.length - common;
  const added = b.length - common;
  return {
    unchanged,
    draftWords: a.length,
    sentWords: b.length,
    wordEdits:
      a.length > MAX_WORDS || b.length > MAX_WORDS ? Math.max(a.length, b.length) : levenshtein(a, b),
    wordsAdded: added,
    wordsRemoved: removed,
  };
}

/** Two-row dynamic programming: O(n·m) time, O(m) memory. */
function levenshtein(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return prev[b.length];
}
