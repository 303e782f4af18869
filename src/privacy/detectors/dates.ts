import type { IdentifierSpan } from '../types';

const EN_MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const ES_MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
};
const MONTH_NUMBER: Record<string, number> = { ...EN_MONTHS, ...ES_MONTHS };

const EN_MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`;
const ES_MONTH = String.raw`(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:\s?[AaPp]\.?[Mm]\.?|Z|[+-]\d{2}:?\d{2})?)?`;

// Ordered from most to least specific; overlapping matches are resolved by the caller.
const DATE_PATTERNS: RegExp[] = [
  // 14-Mar-1980, 14Mar80
  new RegExp(String.raw`\b\d{1,2}[-\s]?${EN_MONTH}[-\s]?(?:${YEAR}|\d{2})(?![\d\p{L}])`, 'giu'),
  new RegExp(String.raw`(?<![\d/.\-])${YEAR}([-/.])\d{1,2}\1\d{1,2}${TIME}(?![\d/]|[.\-]\d)`, 'g'),
  new RegExp(String.raw`(?<![\d/.\-])\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})${TIME}(?![\d/]|[.\-]\d)`, 'g'),
  new RegExp(String.raw`(?<![\d/.\-])(?:0?[1-9]|1[0-2])/${YEAR}(?![\d/]|[.\-]\d)`, 'g'),
  new RegExp(String.raw`\b${EN_MONTH}\s{1,3}\d{1,2}${ORD}(?:,?\s{1,3}${YEAR})?(?!\d)`, 'gi'),
  new RegExp(String.raw`\b\d{1,2}${ORD}\s{1,3}(?:of\s{1,3})?${EN_MONTH}(?:,?\s{1,3}${YEAR})?(?!\w)`, 'gi'),
  new RegExp(String.raw`\b${EN_MONTH},?\s{1,3}${YEAR}(?!\d)`, 'gi'),
  new RegExp(
    String.raw`\b\d{1,2}\s{1,3}de\s{1,3}${ES_MONTH}(?:,?\s{1,3}(?:de|del)\s{1,3}(?:${YEAR}|'?\d{2}(?!\d)))?(?!\w)`,
    'gi',
  ),
  new RegExp(String.raw`\b${ES_MONTH}\s{1,3}(?:de|del)\s{1,3}${YEAR}(?!\d)`, 'gi'),
  new RegExp(String.raw`\b${ES_MONTH}\s{1,3}\d{1,2},?\s{1,3}${YEAR}(?!\d)`, 'gi'),
];
// Month/day without a year ("on 12/3") only after a word that introduces a date: "120/80" is a
// blood pressure and "1/2" a half.
const MONTH_DAY =
  /(?<=\b(?:on|by|until|till|since|from|before|after|el|del|appointment|appt|cita|due|dated?)\s{1,3}(?:the\s{1,3})?)(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?![\d/]|[.,]\d)/giu;
const WEEKDAY =
  /(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)s?(?![\p{L}])/giu;
// A bare year counts as a date only after a word that introduces one ("in 1977", "desde 2004").
const BARE_YEAR =
  /(?<=\b(?:a|an|the|in|since|of|during|from|until|till|by|year|circa|around|born|before|after|en|desde|de|del|año|hasta|durante|antes|después)\s{1,3}(?:the\s{1,3}|early\s{1,3}|late\s{1,3})?)(?:1[89]\d\d|20\d\d)(?![\w/-]|[.,]\d|\s{0,2}(?:mg|mcg|ml|units?|kcal|calories|steps|ft|feet|m)\b)/giu;
const DOB_CONTEXT =
  /(?:\bdob|\bd\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthdate|\bborn|birthday|fecha\s+de\s+nacimiento|f\.\s?nac\.?|\bnac[ií]|nacid[oa]|cumplea[nñ]os)[^.\n!?]{0,24}$/i;

export function detectDates(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  const add = (start: number, value: string) => {
    const before = text.slice(Math.max(0, start - 45), start);
    const type = DOB_CONTEXT.test(before) ? 'DOB' : 'DATE';
    spans.push({ type, start, end: start + value.length, value });
  };
  for (const pattern of DATE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (parseDateValue(m[0]).length > 0) add(m.index, m[0]);
    }
  }
  for (const m of text.matchAll(BARE_YEAR)) add(m.index, m[0]);
  for (const m of text.matchAll(MONTH_DAY)) add(m.index, m[0]);
  for (const m of text.matchAll(WEEKDAY)) {
    spans.push({ type: 'DATE', start: m.index, end: m.index + m[0].length, value: m[0] });
  }
  return spans;
}

/** A weekday or a lone year: detected, but not an identifier of a person by itself. */
export function isCoarseDate(value: string): boolean {
  return /^\s*(?:\d{4}|\p{L}+)\s*$/u.test(value);
}

export interface DateParts {
  year?: number; // four digits, or two when written so
  month: number;
  day?: number;
}

function valid(parts: DateParts): boolean {
  return (
    parts.month >= 1 && parts.month <= 12 && (parts.day === undefined || (parts.day >= 1 && parts.day <= 31))
  );
}

/** Every reading of a written date (3/4/1980 may be March 4 or 3 April). Empty when it is no date. */
export function parseDateValue(value: string): DateParts[] {
  const v = value
    .trim()
    .replace(/[T ]\d{1,2}:\d{2}.*$/, '')
    .toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) return [{ year: +m[1], month: +m[2], day: +m[3] }].filter(valid);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(v);
  if (m) {
    const year = +m[3];
    return [
      { year, month: +m[1], day: +m[2] },
      { year, month: +m[2], day: +m[1] },
    ].filter(valid);
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(v);
  if (m) {
    return [
      { month: +m[1], day: +m[2] },
      { month: +m[2], day: +m[1] },
    ].filter(valid);
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return [{ year: +m[2], month: +m[1] }].filter(valid);
  const words = v.match(/\p{L}+/gu) ?? [];
  const monthWord = words.find((w) => MONTH_NUMBER[w] !== undefined);
  if (!monthWord) return [];
  const numbers = (v.match(/\d+/g) ?? []).map(Number);
  const fullYear = numbers.find((n) => n >= 1800);
  const day = numbers.find((n) => n >= 1 && n <= 31);
  // "14 Mar 80": with no four-digit year, the number after the day is a two-digit year.
  const year = fullYear ?? (numbers.length === 2 && numbers[0] === day ? numbers[1] : undefined);
  return [{ year, month: MONTH_NUMBER[monthWord], day }].filter(valid);
}

/** Whether a written date is the given ISO date (YYYY-MM-DD) in any of its readings. */
export function dateMatchesIso(value: string, iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  return parseDateValue(value).some(
    (p) =>
      p.month === month &&
      p.day === day &&
      p.year !== undefined &&
      (p.year === year || (p.year < 100 && p.year === year % 100)),
  );
}
