import type { IdentifierSpan, PatientIdentifiers } from './types';
import { digitsOnly, escapeRegExp, foldKey, foldText } from './text-folding';
import { dateMatchesIso, detectDates } from './detectors/dates';
import { STREET_ABBREVIATIONS } from './detectors/addresses';
import { normalizeForScan } from './scan-text';
import type { NameLexicon } from './detectors/name-lexicon';

/** One of the patient's chart identifiers found in a text; `key` says which chart value it is. */
export interface KnownSpan extends IdentifierSpan {
  key: string;
}

export type NameRole = 'PATIENT' | 'PATIENT_FIRST' | 'PATIENT_MIDDLE' | 'PATIENT_LAST' | 'PATIENT_NICKNAME';

export interface KnownValue {
  key: string;
  type: IdentifierSpan['type'];
  /** The chart's own spelling, used when the text never showed the value. */
  chartValue: string;
  role?: NameRole;
}

interface Matcher {
  value: KnownValue;
  pattern: RegExp;
  /**
   * Names that are among the most everyday words ("Rose", "Will", "Hope") only count when written
   * with a capital; rarer ones ("Maria", also a plural of "mare") count in any case.
   */
  capitalOnly?: boolean;
}

const EDGE_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
const SEP = String.raw`[\s.\-()/]{0,3}`;

// Hyphens split a name into parts ("López-García"): either part alone, or both, may be written.
const NAME_PART = /[\p{L}\p{M}](?:[\p{L}\p{M}]|['’](?=[\p{L}\p{M}]))*/gu;

// Titles and suffixes in a chart name ("Dr.", "Jr.") are not the patient's name.
const NAME_AFFIXES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'md',
  'phd',
]);

function nameTokens(name: string): string[] {
  return (foldText(name).match(NAME_PART) ?? []).filter((t) => !NAME_AFFIXES.has(t));
}

function nameMatchers(names: string[], related: string[], lex: NameLexicon): Matcher[] {
  const matchers: Matcher[] = [];
  const seen = new Set<string>();
  const add = (tokens: string[], role: NameRole | undefined, chartValue: string) => {
    const key = `name:${tokens.join(' ')}`;
    if (seen.has(key) || tokens.join('').length < 2) return;
    seen.add(key);
    const body = tokens.map(escapeRegExp).join(String.raw`[\s.\-]{1,3}`);
    const capitalOnly = tokens.length === 1 && lex.isCommonWord(tokens[0]);
    matchers.push({
      value: role ? { key, type: 'PATIENT_NAME', chartValue, role } : { key, type: 'PERSON', chartValue },
      pattern: new RegExp(`${EDGE_BEFORE}${body}${EDGE_AFTER}`, 'gu'),
      capitalOnly,
    });
  };
  const multi = names
    .map((n) => ({ raw: n.trim(), tokens: nameTokens(n) }))
    .filter((n) => n.tokens.length > 1);
  for (const n of multi) add(n.tokens, 'PATIENT', n.raw);
  for (const n of multi) {
    n.tokens.forEach((t, k) => {
      const role = k === 0 ? 'PATIENT_FIRST' : k === n.tokens.length - 1 ? 'PATIENT_LAST' : 'PATIENT_MIDDLE';
      add([t], role, originalToken(n.raw, k));
    });
  }
  for (const n of names) {
    const tokens = nameTokens(n);
    if (tokens.length === 1) add(tokens, 'PATIENT_NICKNAME', n.trim());
  }
  // People around the patient (a parent who writes for a child): [PERSON_n], never [PATIENT].
  const relatedTokens = related.map((n) => ({ raw: n.trim(), tokens: nameTokens(n) }));
  for (const n of relatedTokens) add(n.tokens, undefined, n.raw);
  for (const n of relatedTokens) n.tokens.forEach((t, k) => add([t], undefined, originalToken(n.raw, k)));
  return matchers;
}

/** The chart's own spelling of the index-th name part (affixes skipped, as in nameTokens). */
function originalToken(raw: string, index: number): string {
  const parts = (raw.match(NAME_PART) ?? []).filter((t) => !NAME_AFFIXES.has(foldText(t)));
  return parts[index] ?? raw;
}

/** Digits (or letters) in order, each separated by optional punctuation or spaces. */
function looseSequence(chars: string): string {
  return [...chars].map(escapeRegExp).join(SEP);
}

function phoneMatchers(phones: string[]): Matcher[] {
  return phones.flatMap((phone) => {
    const digits = digitsOnly(phone);
    if (digits.length < 7) return [];
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    const variants = [`(?:\\+?\\d{1,3}${SEP})?\\(?${looseSequence(national)}`];
    if (national.length === 10) variants.push(looseSequence(national.slice(3)));
    const value: KnownValue = { key: `phone:${national}`, type: 'PHONE', chartValue: phone.trim() };
    return [{ value, pattern: new RegExp(`(?<![\\d+])(?:${variants.join('|')})(?!\\d)`, 'g') }];
  });
}

function recordMatchers(records: string[]): Matcher[] {
  return records.flatMap((record) => {
    const compact = foldText(record).replace(/[^a-z0-9]/g, '');
    if (compact.length < 3) return [];
    const prefix = /^[a-z]*/.exec(compact)?.[0] ?? '';
    // Leading zeros and a letter prefix ("MRN") are often left out when a number is written from memory.
    const significant = compact.slice(prefix.length).replace(/^0+(?=.)/, '');
    const body = `(?:0${SEP})*${looseSequence(significant)}`;
    const optionalPrefix = prefix && significant.length >= 5;
    const head = prefix ? `(?:${looseSequence(prefix)}${SEP})${optionalPrefix ? '?' : ''}` : '';
    return [
      {
        value: { key: `record:${compact}`, type: 'RECORD_ID', chartValue: record.trim() },
        pattern: new RegExp(`(?<![a-z0-9])${head}${body}(?![a-z0-9])`, 'g'),
      },
    ];
  });
}

function emailMatchers(emails: string[]): Matcher[] {
  return emails
    .filter((e) => e.includes('@'))
    .map((email) => ({
      value: { key: `email:${foldKey(email)}`, type: 'EMAIL' as const, chartValue: email.trim() },
      pattern: new RegExp(`(?<![\\w.+-])${escapeRegExp(foldKey(email))}(?![\\w-])`, 'g'),
    }));
}

function addressWord(word: string): string {
  const canonical = STREET_ABBREVIATIONS[word] ?? word;
  const spellings = [canonical];
  for (const [abbr, full] of Object.entries(STREET_ABBREVIATIONS))
    if (full === canonical) spellings.push(`${abbr}\\.?`);
  if (!spellings.includes(word) && word !== canonical) spellings.push(`${escapeRegExp(word)}\\.?`);
  return `(?:${spellings.sort((a, b) => b.length - a.length).join('|')})`;
}

function addressMatchers(addresses: string[]): Matcher[] {
  return addresses.flatMap((address) => {
    const segments = foldText(address)
      .split(/[,\n]+/)
      .map((s) => s.match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((s) => s.length > 0);
    if (segments.length === 0 || segments[0].length < 2) return [];
    const segment = (words: string[]) => words.map(addressWord).join(String.raw`[\s.,#]{1,4}`);
    let tail = '';
    for (const words of segments.slice(1).reverse()) tail = `(?:[\\s,]{1,4}${segment(words)}${tail})?`;
    return [
      {
        value: { key: `address:${foldKey(address)}`, type: 'ADDRESS' as const, chartValue: address.trim() },
        pattern: new RegExp(`${EDGE_BEFORE}${segment(segments[0])}${tail}${EDGE_AFTER}`, 'gu'),
      },
    ];
  });
}

/** A birth date written as digits only: 03141980, 14031980, 19800314, 031480. */
function compactDatePattern(iso: string): RegExp {
  const [y, m, d] = iso.split('-');
  const yy = y.slice(2);
  const forms = [`${m}${d}${y}`, `${d}${m}${y}`, `${y}${m}${d}`, `${m}${d}${yy}`, `${d}${m}${yy}`];
  return new RegExp(`(?<!\\d)(?:${[...new Set(forms)].join('|')})(?!\\d)`, 'g');
}

export interface KnownIdentifierFinder {
  values: KnownValue[];
  find(text: string): KnownSpan[];
}

export function compileKnownIdentifiers(known: PatientIdentifiers, lex: NameLexicon): KnownIdentifierFinder {
  const matchers = [
    ...nameMatchers(known.names ?? [], known.relatedNames ?? [], lex),
    ...phoneMatchers(known.phones ?? []),
    ...recordMatchers(known.recordNumbers ?? []),
    ...emailMatchers(known.emails ?? []),
    ...addressMatchers(known.addresses ?? []),
  ];
  const birthDate =
    known.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(known.birthDate) ? known.birthDate : undefined;
  const dobValue: KnownValue | undefined = birthDate
    ? { key: 'dob', type: 'DOB', chartValue: birthDate }
    : undefined;
  const compactBirthDate = birthDate ? compactDatePattern(birthDate) : undefined;
  return {
    values: [...matchers.map((m) => m.value), ...(dobValue ? [dobValue] : [])],
    find(original: string): KnownSpan[] {
      const scan = normalizeForScan(original);
      return findIn(scan.text).map((span) => {
        const { start, end } = scan.toOriginal(span.start, span.end);
        return { ...span, start, end, value: original.slice(start, end) };
      });
    },
  };

  function findIn(text: string): KnownSpan[] {
    const folded = foldText(text);
    const spans: KnownSpan[] = [];
    for (const { value, pattern, capitalOnly } of matchers) {
      for (const m of folded.matchAll(pattern)) {
        const first = text[m.index];
        if (capitalOnly && first === first.toLowerCase()) continue;
        const end = m.index + m[0].length;
        spans.push({
          type: value.type,
          key: value.key,
          start: m.index,
          end,
          value: text.slice(m.index, end),
        });
      }
    }
    if (dobValue && compactBirthDate) {
      for (const m of text.matchAll(compactBirthDate)) {
        spans.push({
          type: 'DOB',
          key: dobValue.key,
          start: m.index,
          end: m.index + m[0].length,
          value: m[0],
        });
      }
    }
    if (dobValue && birthDate) {
      for (const d of detectDates(text)) {
        if (dateMatchesIso(d.value, birthDate)) spans.push({ ...d, type: 'DOB', key: dobValue.key });
      }
    }
    return spans;
  }
}
