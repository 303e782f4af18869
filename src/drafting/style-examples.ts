/** Approved replies as style examples: the most similar ones by word overlap (cosine of term counts). */
import { foldText } from './lexicon';

export interface StyleCandidate {
  /** The approved reply as sent. */
  reply: string;
  /** The patient message it answered; similarity is measured on it when present, else on the reply. */
  message?: string;
  /** Triage category of that message; when given, only replies of the new message's category count. */
  category?: string;
}

// Words that carry no topic; without this, every pair of messages looks alike.
const STOP = new Set(
  `a an and are as at be but by can do for from have i if in is it me my of on or our so that the this to
  was we with you your y el la los las un una de del que en es por para con mi su se lo le no me al`.split(
    /\s+/,
  ),
);

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 || STOP.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [w, n] of a) dot += n * (b.get(w) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

/**
 * The k replies whose messages are most like `text` (of `category`, when given); ties keep the given
 * order, unrelated ones are dropped.
 */
export function pickStyleExamples(
  candidates: (StyleCandidate | string)[],
  text: string,
  k = 2,
  category?: string,
): string[] {
  const target = termCounts(text);
  return candidates
    .map((c, i) => (typeof c === 'string' ? { reply: c, i } : { ...c, i }))
    .filter((c: StyleCandidate) => !category || !c.category || c.category === category)
    .map((c) => ({ reply: c.reply, i: c.i, score: cosine(target, termCounts(c.message ?? c.reply)) }))
    .filter((s) => s.score > 0 && s.reply.trim() !== '')
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, Math.max(0, k))
    .map((s) => s.reply);
}
