import { prefixes } from '../first-chars';
import type { Hit } from '../matcher';

/**
 * A scanner for the protocol catalogue's thousands of term alternatives. Like the lexicon's, it tries
 * only the entries that can start at a position, but it indexes them by up to KEY_LENGTH leading
 * characters rather than three: "no puede caminar" and "no wet diapers" then share no candidates, so
 * a common opening word ("no", "my", "can") costs a handful of regex tests instead of hundreds.
 */
const KEY_LENGTH = 5;

interface Entry<T> {
  tag: T;
  regex: RegExp;
  /** The tick of its last test, so an entry listed under two matching prefixes is tried once. */
  testedAt: number;
}

export function buildPrefixScanner<T>(items: { tag: T; source: string }[]): (text: string) => Hit<T>[] {
  const byPrefix = new Map<string, Entry<T>[]>();
  const anyStart: Entry<T>[] = [];
  for (const item of items) {
    const entry: Entry<T> = { tag: item.tag, regex: new RegExp(item.source, 'y'), testedAt: -1 };
    const set = prefixes(item.source, KEY_LENGTH);
    if (set === 'any' || set.has('')) {
      anyStart.push(entry);
      continue;
    }
    for (const p of set) {
      const list = byPrefix.get(p) ?? [];
      list.push(entry);
      byPrefix.set(p, list);
    }
  }
  const lengths = [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  // One tick per position tried, never reset: no per-message pass over every entry.
  let tick = 0;
  return (text) => {
    const hits: Hit<T>[] = [];
    const test = (entry: Entry<T>, at: number): void => {
      if (entry.testedAt === tick) return;
      entry.testedAt = tick;
      entry.regex.lastIndex = at;
      if (entry.regex.test(text) && entry.regex.lastIndex > at)
        hits.push({ tag: entry.tag, start: at, end: entry.regex.lastIndex });
    };
    let prevWord = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const word =
        (code >= 97 && code <= 122) ||
        (code >= 48 && code <= 57) ||
        code === 95 ||
        (code >= 65 && code <= 90);
      const inside = word && prevWord;
      prevWord = word;
      // Patterns are wrapped in word boundaries and begin with a letter or digit.
      if (inside || (!word && code < 0x80)) continue;
      tick += 1;
      for (const length of lengths) {
        if (i + length > text.length) break;
        const list = byPrefix.get(text.slice(i, i + length));
        if (list) for (const entry of list) test(entry, i);
      }
      for (const entry of anyStart) test(entry, i);
    }
    return hits;
  };
}
