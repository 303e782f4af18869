import type { IdentifierSpan } from '../types';
import { foldText } from '../text-folding';
import type { NameLexicon } from './name-lexicon';
import {
  CLOSING_LINE,
  COORDINATION,
  FIELD_LABELS,
  INTRO_CUE,
  KINSHIP_AND_TITLES,
  NAME_PARTICLES,
  NOT_A_PERSON,
  ORGANIZATION_CUE,
  PERSON_VERB_AFTER,
  PLACE_PREFIXES,
  SIGNATURE_DASH,
  STRONG_CUE,
  SURNAME_ENDING,
  WEAK_CUE,
} from './person-cues';

interface Token {
  start: number;
  end: number; // excludes a possessive "'s"
  folded: string;
  capitalized: boolean;
  initial: boolean; // "N." in "Ken N. Fukuda", or "N" in "Nikolaj N Møller"
  particle: boolean; // "van" in "Maika van de Noort"
  acronym: boolean; // "COPD", "STAVANGER" in text that is not all capitals
}

interface Scan {
  text: string;
  folded: string;
  lex: NameLexicon;
}

const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
]);
const TOKEN = /[\p{L}\p{M}](?:[\p{L}\p{M}]|['’-](?=[\p{L}\p{M}]))*/gu;
const MAX_RUN = 5;

function tokenize(text: string, folded: string, lex: NameLexicon): Token[] {
  const tokens: Token[] = [];
  // In a message typed all in capitals, a capitalized word is not an acronym.
  const shouting = !/\p{Ll}/u.test(text);
  for (const m of folded.matchAll(TOKEN)) {
    let end = m.index + m[0].length;
    let word = m[0];
    if (word.length > 2 && word.endsWith("'s")) {
      word = word.slice(0, -2);
      end -= 2;
    }
    const first = text[m.index];
    const upper = first !== first.toLowerCase();
    const original = text.slice(m.index, end);
    // In mixed-case text a word in capitals is an acronym ("COPD") or a heading or place ("STAVANGER"),
    // unless the name list knows it.
    const acronym =
      !shouting &&
      original.length >= 2 &&
      original === original.toUpperCase() &&
      (original.length <= 6 || !lex.isName(word));
    tokens.push({
      start: m.index,
      end,
      folded: word,
      capitalized: upper,
      initial: word.length === 1 && upper && word !== 'i' && word !== 'a',
      particle: !upper && NAME_PARTICLES.has(word),
      acronym,
    });
  }
  for (const [k, t] of tokens.entries()) {
    // A one-letter capital is an initial when it is followed by a period or sits inside a name.
    if (t.initial) t.initial = text[t.end] === '.' || (tokens[k + 1]?.capitalized === true && k > 0);
    else if (t.folded.length === 1 && text[t.end] === '.' && t.capitalized) t.initial = true;
  }
  return tokens;
}

/** Only one space (or ". " after an initial) may sit between the words of one name. */
function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || (a.initial && (gap === '. ' || gap === '.'));
}

function isSignatureLine(scan: Scan, first: Token, last: Token): boolean {
  const { text, folded, lex } = scan;
  // Only short stretches are looked at, so that many runs on one long line stay linear.
  const back = text.slice(Math.max(0, first.start - 9), first.start);
  const newline = back.lastIndexOf('\n');
  if (newline === -1 && first.start > 8) return false;
  const lineStart = newline === -1 ? 0 : first.start - back.length + newline + 1;
  if (!SIGNATURE_DASH.test(text.slice(lineStart, first.start))) return false;
  if (!/^[ \t.,!]*(?:\n|$)/.test(text.slice(last.end, last.end + 8))) return false;
  const dashed = /[-–—~]/.test(text.slice(lineStart, first.start));
  const previousLine =
    folded
      .slice(Math.max(0, lineStart - 40), lineStart)
      .trimEnd()
      .split('\n')
      .pop() ?? '';
  const afterClosing = CLOSING_LINE.test(previousLine);
  if (CLOSING_LINE.test(folded.slice(first.start, last.end))) return false;
  return (dashed || afterClosing) && (lex.isListedName(first.folded) || !lex.isVocabularyWord(first.folded));
}

/** Runs of words that could form one name: capitalized words, initials and particles between them. */
function candidateRuns(scan: Scan, tokens: Token[], caseless: boolean): Token[][] {
  const { text, lex } = scan;
  const runs: Token[][] = [];
  // Text written all in lower case has no capitals to go by: the name list decides there.
  const lowerName = (t: Token, intro: boolean) =>
    !t.capitalized &&
    (intro || caseless) &&
    (lex.isName(t.folded) || (!lex.isVocabularyWord(t.folded) && SURNAME_ENDING.test(t.folded)));
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    const intro =
      !first.capitalized && INTRO_CUE.test(scan.folded.slice(Math.max(0, first.start - 40), first.start));
    const can = (t: Token) =>
      (t.capitalized || lowerName(t, intro)) &&
      !t.acronym &&
      !NOT_A_PERSON.has(t.folded) &&
      !KINSHIP_AND_TITLES.has(t.folded) &&
      (!lex.isMedicalTerm(t.folded) ||
        STRONG_CUE.test(scan.folded.slice(Math.max(0, t.start - 40), t.start)));
    if (!can(first)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && j - i + 1 < MAX_RUN && joined(text, tokens[j], tokens[j + 1])) {
      const next = tokens[j + 1];
      if (can(next) || (intro && !next.capitalized && !lex.isVocabularyWord(next.folded))) j++;
      else {
        // Up to two particles, then a capitalized word: "van de Noort", "de la Cruz".
        let p = j + 1;
        while (p < j + 3 && tokens[p]?.particle && tokens[p + 1] && joined(text, tokens[p], tokens[p + 1]))
          p++;
        if (p > j + 1 && tokens[p]?.capitalized && can(tokens[p])) j = p;
        else break;
      }
    }
    const run = tokens.slice(i, j + 1);
    const after = tokens[j + 1];
    const orgFollows =
      after !== undefined && joined(text, tokens[j], after) && NOT_A_PERSON.has(after.folded);
    if (!orgFollows) runs.push(run);
    i = j + 1;
  }
  return runs;
}

export function detectPersonNames(text: string, lex: NameLexicon): IdentifierSpan[] {
  const scan: Scan = { text, folded: foldText(text), lex };
  const tokens = tokenize(text, scan.folded, lex);
  const runs = candidateRuns(scan, tokens, !/\p{Lu}/u.test(text));
  const accepted = runs.map((run) => acceptRun(scan, run));
  acceptCoordinated(scan, runs, accepted);
  return accepted
    .filter((kept) => kept.length > 0)
    .map((kept) => {
      const first = kept[0];
      const last = kept[kept.length - 1];
      return { type: 'PERSON', start: first.start, end: last.end, value: text.slice(first.start, last.end) };
    });
}

/** "Usamov and Bowers", "Gaetane, Hannah, Anthony": a word listed beside a found name is one too. */
function acceptCoordinated(scan: Scan, runs: Token[][], accepted: Token[][]): void {
  const { text, lex } = scan;
  const eligible = (run: Token[]) =>
    run.every(
      (t) =>
        t.initial ||
        t.particle ||
        lex.isName(t.folded) ||
        (!lex.isVocabularyWord(t.folded) && !lex.isMedicalTerm(t.folded)),
    ) && !run.every((t) => lex.isPlaceWord(t.folded));
  const linked = (a: Token[], b: Token[]) => COORDINATION.test(text.slice(a[a.length - 1].end, b[0].start));
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < runs.length; k++) {
      if (accepted[k].length > 0 || !eligible(runs[k])) continue;
      const before = k > 0 && accepted[k - 1].length > 0 && linked(runs[k - 1], runs[k]);
      const after = k + 1 < runs.length && accepted[k + 1].length > 0 && linked(runs[k], runs[k + 1]);
      if (before || after) accepted[k] = runs[k];
    }
  }
}

/** The tokens of a candidate run that make up a person's name, or none. */
function acceptRun(scan: Scan, run: Token[]): Token[] {
  const { text, folded, lex } = scan;
  const cueBefore = (t: Token) => folded.slice(Math.max(0, t.start - 40), t.start);
  let cued = STRONG_CUE.test(cueBefore(run[0]));
  // "Call Maria" at the start of a sentence: "Call" is capitalized because it starts the sentence.
  const atSentenceStart = /(?:^|[.!?:;\n]["'”)]?)\s*$/.test(
    text.slice(Math.max(0, run[0].start - 3), run[0].start),
  );
  const named = run.map((t) => lex.isName(t.folded));
  // Trim everyday words at the edges ("Thanks Maria", "Maria Monday"), unless a listed name sits beside them.
  let lo = 0;
  let hi = run.length - 1;
  const keepEdge = (k: number, neighbour: number) =>
    named[k] ||
    run[k].initial ||
    (!lex.isCommonWord(run[k].folded) && !run[k].particle) ||
    (lex.isListedName(run[k].folded) &&
      (run[neighbour]?.initial === true || (named[neighbour] === true && !(k === 0 && atSentenceStart))));
  while (lo <= hi && !keepEdge(lo, lo + 1)) lo++;
  while (hi >= lo && !keepEdge(hi, hi - 1)) hi--;
  if (lo > hi) {
    // Only everyday words: a name only on a strong cue ("my wife Grace") or as a signature.
    if (cued && lex.isListedName(run[0].folded)) return [run[0]];
    return isSignatureLine(scan, run[0], run[run.length - 1]) ? run : [];
  }
  const kept = run.slice(lo, hi + 1);
  if (kept.every((t) => t.initial || t.particle)) return [];
  // "Hi Vinicio": the greeting was trimmed off the run but still announces the name.
  if (lo > 0) cued = cued || STRONG_CUE.test(cueBefore(kept[0]));
  const single = kept.length === 1 ? kept[0] : undefined;
  const lineLabel = single !== undefined && text[single.end] === ':';
  // "Canada", or "Fax:" and "Billing:" as line labels, are not people unless a cue says so.
  if (single !== undefined && !cued) {
    if (lex.isPlaceWord(single.folded)) return [];
    if (
      lineLabel &&
      (FIELD_LABELS.has(single.folded) || (lex.isVocabularyWord(single.folded) && !lex.isName(single.folded)))
    ) {
      return [];
    }
  }
  if (kept.every((t) => lex.isPlaceWord(t.folded))) return [];
  // "Czech Republic", "Southern Poland"
  const phrase = kept.map((t) => t.folded);
  const core = DIRECTIONS.has(phrase[0]) ? phrase.slice(1) : phrase;
  if (lex.isCountryName(core.join(' ')) || (core.length === 1 && lex.isPlaceWord(core[0]))) return [];
  if (!cued && kept.length > 1 && PLACE_PREFIXES.has(kept[0].folded)) return [];
  // Without capitals, an everyday word that is also a name ("fox", "riff") needs a cue, or a name
  // beside it in a list (see acceptCoordinated).
  const lowerEveryday = kept.every((t) => !t.capitalized && (t.particle || lex.isVocabularyWord(t.folded)));
  if (lowerEveryday && !cued && !INTRO_CUE.test(cueBefore(kept[0]))) return [];
  if (kept.some((t, k) => named[lo + k])) return kept;
  if (!cued && ORGANIZATION_CUE.test(cueBefore(kept[0]))) return [];
  const words = kept.filter((t) => !t.initial && !t.particle);
  const unfamiliar = words.filter((t) => !lex.isVocabularyWord(t.folded));
  if (unfamiliar.length > 0 && (cued || WEAK_CUE.test(cueBefore(kept[0])))) return kept;
  // Two or more capitalized words none of which is an everyday word: "Krisztián Szöllösy".
  if (unfamiliar.length >= 2 && unfamiliar.length === words.length) return kept;
  if (unfamiliar.some((t) => SURNAME_ENDING.test(t.folded) && t.folded.length >= 5)) return kept;
  const after = text.slice(kept[kept.length - 1].end, kept[kept.length - 1].end + 30);
  if (unfamiliar.length === words.length && PERSON_VERB_AFTER.test(after)) {
    return kept;
  }
  // A speaker label at the start of a line: "Koppány: Who are you?"
  const lineBefore = text.slice(Math.max(0, kept[0].start - 8), kept[0].start);
  if (lineLabel && unfamiliar.length === 1 && (kept[0].start < 8 ? /^\s*$/ : /\n\s*$/).test(lineBefore))
    return kept;
  if (isSignatureLine(scan, kept[0], kept[kept.length - 1])) return kept;
  return [];
}
