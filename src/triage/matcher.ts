import { CONCEPTS, type ConceptId } from './concepts';
import { LANGUAGE_PACKS, type LanguagePack } from './lexicon';
import { PREFIX_LENGTH, prefixes } from './first-chars';
import { foldChars } from './normalize';

/**
 * Compiles every lexicon at module load (pure data) into regexes with one capturing group per
 * (language, concept), so one left-to-right pass finds every concept.
 */

/**
 * A gap of a few whole words inside one clause that never steps over a negation or a contrast
 * ("chest really tight" matches, "chest x-ray normal, no pain" does not). Word-wise, not
 * character-wise, so a gap costs a handful of steps.
 */
const NEG_STOP =
  "no|not|never|without|but|nor|sin|ni|pero|nao|sem|pas|khong|hindi|walang|denies|isnt|dont|doesnt|didnt|wasnt|havent|hasnt|cant|wont|arent|werent|\\w+n't";
// Each skipped token is a whole word: without the lookahead a gap could end inside "through" and let
// "rough" match after it.
const gapOf = (words: number, separators: string): string =>
  `(?:[${separators}]+(?!(?:${NEG_STOP})\\b)[^\\s.!?;,\\n]+(?=[\\s.!?;,\\n"'-]|$)){0,${words}}?[${separators}]*`;
const GAP = gapOf(5, `\\s"'-`);
// The long gap may cross commas, for lists such as "red, warm and draining".
const LONG_GAP = gapOf(14, `\\s"',-`);
const CJK_GAP = '[^。！？!?.\\n]{0,12}?';

export interface ConceptMatch {
  concept: ConceptId;
  /** Index into LANGUAGE_PACKS of the lexicon that matched. */
  pack: number;
  start: number;
  end: number;
}

interface Group {
  concept: ConceptId;
  pack: number;
}

/** Turns lexicon shorthand into a plain regex source (see LanguagePack). */
export function expandPattern(source: string, latin: boolean): string {
  let out = source.replace(/(?<!\\)\((?!\?)/g, '(?:');
  out = out.replace(/~~/g, latin ? LONG_GAP : CJK_GAP).replace(/~/g, latin ? GAP : CJK_GAP);
  // "head ?ache": an optional space may be absent or repeated; any other space is one or more.
  if (latin) out = out.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
  // Fold only non-ASCII letters: ASCII escapes such as \S or \W must keep their case.
  out = out.replace(/[\u0080-\uffff]+/g, (run) => foldChars(run));
  return latin ? `\\b(?:${out})\\b` : `(?:${out})`;
}

interface Entry<T> {
  tag: T;
  /** Sticky: tried only at one position. */
  regex: RegExp;
}

/**
 * Patterns indexed by the prefixes they can start with: byLength[L - 1] maps the first L characters
 * at a position to every entry that can start there, for prefixes of exactly that length or shorter.
 */
interface PrefixIndex<T> {
  byLength: Map<number, Entry<T>[]>[];
  anyStart: Entry<T>[];
}

export interface Hit<T> {
  tag: T;
  start: number;
  end: number;
}

function keyOf(text: string, at: number, length: number): number {
  let key = 0;
  for (let k = 0; k < length; k++) key = key * 0x10000 + (text.charCodeAt(at + k) || 0);
  return key;
}

/**
 * Builds a scanner that finds, at each position, the first (in list order) pattern matching there.
 * One small sticky regex per entry, indexed by the prefixes it can start with, so each position
 * tries only the few patterns that can begin there: far faster than one giant alternation.
 */
export function buildScanner<T>(items: { tag: T; source: string }[]): (text: string) => Hit<T>[] {
  const all = items.map((item) => ({
    entry: { tag: item.tag, regex: new RegExp(item.source, 'y') },
    set: prefixes(item.source),
  }));
  const keysByLength: Set<string>[] = Array.from({ length: PREFIX_LENGTH }, () => new Set<string>());
  // Entries listed by each exact prefix they can start with, in list order (their index).
  const byPrefix = new Map<string, number[]>();
  all.forEach(({ set }, index) => {
    if (set === 'any') return;
    for (const p of set) {
      for (let l = 1; l <= p.length; l++) keysByLength[l - 1].add(p.slice(0, l));
      const list = byPrefix.get(p) ?? [];
      if (list.at(-1) !== index) list.push(index);
      byPrefix.set(p, list);
    }
  });
  // A key's entries are those with any prefix of the key as one of their prefixes: a union over the
  // key's few leading slices, not a scan of every entry per key (thousands of protocol terms).
  const entriesFor = (key: string): Entry<T>[] => {
    const indexes = new Set<number>();
    for (let l = 1; l <= key.length; l++) for (const i of byPrefix.get(key.slice(0, l)) ?? []) indexes.add(i);
    return [...indexes].sort((a, b) => a - b).map((i) => all[i].entry);
  };
  const index: PrefixIndex<T> = {
    byLength: keysByLength.map((keys) => {
      const map = new Map<number, Entry<T>[]>();
      for (const key of keys) map.set(keyOf(key, 0, key.length), entriesFor(key));
      return map;
    }),
    anyStart: all.filter((a) => a.set === 'any').map((a) => a.entry),
  };
  return (text) => scan(index, text);
}

function scan<T>(index: PrefixIndex<T>, text: string): Hit<T>[] {
  const hits: Hit<T>[] = [];
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const word = isAsciiWord(code);
    // Latin patterns start at a word boundary: never inside an ASCII word.
    const insideWord = word && prevWord;
    prevWord = word;
    // Nor at ASCII spaces or punctuation: Latin patterns begin with a letter or digit, and the others
    // with a letter of their own script.
    if (insideWord || (!word && code < 0x80)) continue;
    // The longest listed prefix decides: a missing longer key means no pattern needs it. Keys are
    // built incrementally (same encoding as keyOf) to keep this hot loop cheap.
    const k2 = code * 0x10000 + (text.charCodeAt(i + 1) || 0);
    const entries =
      (i + 3 <= text.length ? index.byLength[2].get(k2 * 0x10000 + text.charCodeAt(i + 2)) : undefined) ??
      (i + 2 <= text.length ? index.byLength[1].get(k2) : undefined) ??
      index.byLength[0].get(code) ??
      index.anyStart;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      // test() rather than exec(): no match array is built; a sticky match ends at lastIndex.
      // Sticky regexes are reused (compiling costs far more than matching); lastIndex is set before
      // every use, so no state carries between calls.
      entry.regex.lastIndex = i;
      if (entry.regex.test(text) && entry.regex.lastIndex > i) {
        hits.push({ tag: entry.tag, start: i, end: entry.regex.lastIndex });
        break;
      }
    }
  }
  return hits;
}

function buildConceptScanner(modifiers: boolean): (text: string) => Hit<Group>[] {
  const items: { tag: Group; source: string }[] = [];
  // Concept order (CONCEPTS) decides ties at one position; language order only within a concept.
  for (const concept of Object.keys(CONCEPTS) as ConceptId[]) {
    if ((CONCEPTS[concept].kind === 'modifier') !== modifiers) continue;
    LANGUAGE_PACKS.forEach((pack: LanguagePack, packIndex: number) => {
      const patterns = pack.concepts[concept];
      if (!patterns || patterns.length === 0) return;
      const source = patterns.map((p) => expandPattern(p, pack.latin)).join('|');
      assertNoCaptures(source, `${pack.code}.${concept}`);
      items.push({ tag: { concept, pack: packIndex }, source });
    });
  }
  return buildScanner(items);
}

function assertNoCaptures(source: string, where: string): void {
  const count = new RegExp(`${source}|`).exec('')!.length - 1;
  if (count !== 0) throw new Error(`lexicon pattern ${where} has ${count} capturing groups`);
}

// Modifiers ("spreading", "started the new pill") get their own pass so they never lose a position to
// a symptom that starts at the same word.
const scanFindings = buildConceptScanner(false);
const scanModifiers = buildConceptScanner(true);

/**
 * Every concept occurrence, at most one per starting position. Positions inside an earlier match are
 * still tried, so a long phrase cannot hide a shorter concept that starts inside it.
 */
export function findConcepts(folded: string): ConceptMatch[] {
  return [...scanFindings(folded), ...scanModifiers(folded)].map((h) => ({
    concept: h.tag.concept,
    pack: h.tag.pack,
    start: h.start,
    end: h.end,
  }));
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}
