/**
 * Text folding that keeps every offset: the folded text has exactly the original's length, so a match
 * found in folded text can be cited from the original. Lower-cases, strips Latin/Greek/Cyrillic
 * diacritics (patients type "dolor de pecho" and "dólor" alike), turns control characters, lone
 * surrogates and HTML markup into spaces.
 */

const FOLD_TABLE: Uint16Array = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = foldCodeUnit(code);
  return table;
}

function foldCodeUnit(code: number): number {
  // Surrogates pass through here; unpaired ones are blanked in foldText.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (code === 0x0a) return 0x0a;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 0x20;
  if (code === 0x00a0 || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200b))
    return 0x20;
  if (code === 0xfeff || code === 0xfffd) return 0x20;
  if (code === 0x2018 || code === 0x2019 || code === 0x02bc || code === 0x00b4 || code === 0x0060)
    return 0x27;
  if (code === 0x201c || code === 0x201d) return 0x22;
  if (code === 0x2013 || code === 0x2014) return 0x2d;
  if (code === 0x0111 || code === 0x0110) return 0x64; // Vietnamese đ has no decomposition
  // Arabic-Indic, Persian and full-width digits read as ASCII digits so numbers are understood.
  if (code >= 0x0660 && code <= 0x0669) return 0x30 + code - 0x0660;
  if (code >= 0x06f0 && code <= 0x06f9) return 0x30 + code - 0x06f0;
  if (code >= 0xff10 && code <= 0xff19) return 0x30 + code - 0xff10;
  if (code === 0x066b) return 0x2e;
  const ch = String.fromCharCode(code);
  let lower = ch.toLowerCase();
  if (lower.length !== 1) lower = ch;
  // Hangul must stay composed (NFD would split syllables into jamo); Latin, Greek, Cyrillic, Arabic
  // (hamza forms) and Vietnamese letters fold to their base letter.
  const isDecomposable =
    code < 0x0530 || (code >= 0x0600 && code <= 0x06ff) || (code >= 0x1e00 && code <= 0x1eff);
  if (isDecomposable) {
    const base = lower.normalize('NFD');
    if (base.length > 0) return base.charCodeAt(0);
  }
  return lower.charCodeAt(0);
}

/** Folds one string without HTML handling; used for lexicon patterns too, so both sides agree. */
export function foldChars(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // Emoji and other astral characters carry no words; lone surrogates are invalid text.
      out[i] = 0x20;
      continue;
    }
    out[i] = FOLD_TABLE[code];
  }
  return UTF16.decode(out);
}

const UTF16 = new TextDecoder('utf-16le');

const ABBREVIATION_DOT =
  /\b(?:dr|mr|mrs|ms|st|jr|sr|vs|etc|approx|appt|apt|ave|dept|pt|no|nurse|prof|sra|sr)\.(?= )/g;
const HTML_TAG = /<\/?[a-z!][^<>]{0,300}>/g;
const HTML_ENTITY = /&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[0-9a-f]{1,5});/g;

/**
 * Folds and blanks markup (tags, entities) with spaces of the same length. Script bodies stay as
 * plain words: they are data like any other text, and skipping them would need unbounded look-ahead.
 */
export function foldText(text: string): string {
  let folded = foldChars(text);
  if (folded.indexOf('<') !== -1) folded = folded.replace(HTML_TAG, blank);
  if (folded.indexOf('&') !== -1) folded = folded.replace(HTML_ENTITY, entityBlank);
  // "Dr. Sato" is not a sentence end: the dot becomes a space so clauses stay whole.
  if (folded.indexOf('.') !== -1) folded = folded.replace(ABBREVIATION_DOT, (m) => m.slice(0, -1) + ' ');
  return folded;
}

function blank(match: string): string {
  return ' '.repeat(match.length);
}

function entityBlank(match: string): string {
  const keep = match === '&amp;' ? '&' : match === '&apos;' ? "'" : ' ';
  return keep + ' '.repeat(match.length - 1);
}

/** Replace [start, end) of a folded string with spaces (used to drop injections and idioms). */
export function blankSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const span of sorted) {
    if (span.end <= pos) continue;
    const start = Math.max(span.start, pos);
    out += text.slice(pos, start) + ' '.repeat(span.end - start);
    pos = span.end;
  }
  return out + text.slice(pos);
}

function isSentenceBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // . ! ? ; newline, and the CJK and Arabic full stops and question marks.
  const isEnd =
    c === 0x2e ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x3b ||
    c === 0x0a ||
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0x061f;
  if (!isEnd) return false;
  // "101.3" and "7.2" are numbers, not sentence ends.
  if (c === 0x2e && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The sentence around [start, end), bounded to `reach` characters each side to stay linear. */
export function sentenceBounds(text: string, start: number, end: number, reach = 220): [number, number] {
  let s = start;
  const minS = Math.max(0, start - reach);
  while (s > minS && !isSentenceBreak(text, s - 1)) s--;
  let e = end;
  const maxE = Math.min(text.length, end + reach);
  while (e < maxE && !isSentenceBreak(text, e)) e++;
  return [s, e];
}

/** A short, single-line excerpt of the original text for a reason. */
export function excerpt(original: string, start: number, end: number, max = 80): string {
  let s = stripControls(original.slice(start, Math.min(end, start + max))).replace(/\s+/g, ' ');
  // Lone surrogates would make invalid JSON downstream.
  s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ');
  return s.trim() + (end - start > max ? '…' : '');
}

function stripControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? ' ' : text[i];
  }
  return out;
}
