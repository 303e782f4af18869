/**
 * What a text states that can be checked against the chart: dates, times, doses, clinical values and
 * other numbers, and medicine names. Draft and sources go through the same extraction, so "March 14",
 * "14 de marzo" and "2026-03-14" are one fact.
 */
import { foldText, isMedicineWord } from './lexicon';

export interface Claims {
  dates: Map<string, string>; // normalized → as written
  times: Map<string, string>;
  doses: Map<string, string>;
  /** Decimals, measurements and blood pressures: must come from the chart or the message. */
  values: Map<string, string>;
  /** Plain integers: may also come from the clinic's own texts (hours, business days, 911). */
  counts: Map<string, string>;
  medicines: Map<string, string>;
  /** Medicine key → the doses written right after that medicine ("lisinopril 20 mg" → "20 mg"). */
  medicineDoses: Map<string, Map<string, string>>;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  enero: 1,
  february: 2,
  feb: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  abril: 4,
  may: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  junio: 6,
  july: 7,
  jul: 7,
  julio: 7,
  august: 8,
  aug: 8,
  agosto: 8,
  september: 9,
  sept: 9,
  sep: 9,
  septiembre: 9,
  setiembre: 9,
  october: 10,
  oct: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  diciembre: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const DATE_PATTERNS: { re: RegExp; key: (m: RegExpExecArray) => string | undefined }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.+\-Z]*)?/g, key: (m) => md(+m[2], +m[3]) },
  // Spaces only, never a line break: "diciembre\n10:30" is a date and a time, not "diciembre 10".
  {
    re: new RegExp(`\\b(${MONTH_NAMES})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?\\b`, 'gi'),
    key: (m) => md(MONTHS[m[1].toLowerCase()], +m[2]),
  },
  {
    re: new RegExp(
      `\\b(\\d{1,2})[ \\t]+de[ \\t]+(${MONTH_NAMES})(?:[ \\t]+de(?:l)?[ \\t]+(\\d{4}))?\\b`,
      'gi',
    ),
    key: (m) => md(MONTHS[m[2].toLowerCase()], +m[1]),
  },
  { re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b(?!\s*(?:mm|mmhg))/gi, key: (m) => md(+m[1], +m[2]) },
];

function md(month: number | undefined, day: number): string | undefined {
  if (!month || month > 12 || day < 1 || day > 31) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TIME = /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![\p{L}])|\b(\d{1,2}):(\d{2})\b/giu;
const UNIT =
  'applications?|aplicaciones?|drops?|gotas?|sprays?|mg\\/dl|mmol\\/l|miu\\/l|mui\\/l|meq\\/l|ng\\/ml|pg\\/ml|u\\/l|g\\/dl|mcg|µg|mg|ml|g|kg|lbs?|pounds?|libras?|units?|unidades?|iu|ui|puffs?|inhalaciones|disparos?|tablets?|tabletas?|pills?|pastillas?|capsules?|cápsulas?|capsulas?|%|percent|por ciento|°f|°c|degrees|grados|bpm|mmhg';
const DOSE_UNITS =
  /^(applications?|aplicaciones?|drops?|gotas?|sprays?|mcg|µg|mg|ml|g|units?|unidades?|iu|ui|puffs?|inhalaciones|disparos?|tablets?|tabletas?|pills?|pastillas?|capsules?|cápsulas?|capsulas?)$/i;
const NUMBER_UNIT = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*(${UNIT})(?![\\p{L}])`, 'giu');
const PRESSURE = /\b(\d{2,3})\/(\d{2,3})\b/g;
const NUMBER = /(?<![\p{L}\d])(\d+(?:[.,]\d+)?)(?![\d])/gu;

function num(text: string): string {
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? String(n) : text;
}

function unitFamily(unit: string): string {
  const u = unit.toLowerCase();
  if (/^(mcg|µg)$/.test(u)) return 'mcg';
  if (/^(units?|unidades?|iu|ui)$/.test(u)) return 'unit';
  if (/^(puffs?|inhalaciones|disparos?)$/.test(u)) return 'puff';
  if (/^(applications?|aplicaciones?)$/.test(u)) return 'application';
  if (/^(drops?|gotas?)$/.test(u)) return 'drop';
  if (/^sprays?$/.test(u)) return 'spray';
  if (/^(tablets?|tabletas?|pills?|pastillas?|capsules?|cápsulas?|capsulas?)$/.test(u)) return 'tab';
  return u;
}

function cut(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Runs `re` over `text`, records each match and blanks it out so later patterns do not see it again. */
function take(text: string, re: RegExp, record: (m: RegExpExecArray) => void): string {
  let out = text;
  for (const m of text.matchAll(re)) {
    record(m as RegExpExecArray);
    out = cut(out, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  return out;
}

export function extractClaims(text: string): Claims {
  const claims: Claims = {
    dates: new Map(),
    times: new Map(),
    doses: new Map(),
    values: new Map(),
    counts: new Map(),
    medicines: new Map(),
    medicineDoses: new Map(),
  };
  let rest = text;
  for (const p of DATE_PATTERNS) {
    rest = take(rest, p.re, (m) => {
      const key = p.key(m);
      if (key) claims.dates.set(key, m[0]);
      if (m[3] && /^\d{4}$/.test(m[3])) claims.counts.set(m[3], m[3]);
      if (/^\d{4}-/.test(m[0])) claims.counts.set(m[1], m[1]);
    });
  }
  rest = take(rest, TIME, (m) => {
    const hour = Number(m[1] ?? m[4]) % 12 || 12;
    claims.times.set(`${hour}:${m[2] ?? m[5] ?? '00'}`, m[0]);
  });
  rest = take(rest, PRESSURE, (m) => claims.values.set(`${m[1]}/${m[2]}`, m[0]));
  rest = take(rest, NUMBER_UNIT, (m) => {
    const unit = unitFamily(m[2]);
    if (DOSE_UNITS.test(m[2])) claims.doses.set(`${num(m[1])} ${unit}`, m[0]);
    else claims.values.set(num(m[1]), m[0]);
  });
  take(rest, NUMBER, (m) => {
    if (/[.,]\d/.test(m[1])) claims.values.set(num(m[1]), m[0]);
    else claims.counts.set(num(m[1]), m[0]);
  });
  for (const word of text.match(/[\p{L}][\p{L}-]*/gu) ?? []) {
    if (isMedicineWord(word)) claims.medicines.set(medicineKey(word), word);
  }
  // A number right after a medicine's name is its strength or dose, whatever unit follows (or none).
  for (const m of text.matchAll(/([\p{L}][\p{L}-]*)\s+(\d+(?:[.,]\d+)?)(?![\d/:])/gu)) {
    const asDose = [...claims.doses.keys()].some((k) => k.split(' ')[0] === num(m[2]));
    if (isMedicineWord(m[1]) && !asDose) claims.values.set(num(m[2]), `${m[1]} ${m[2]}`);
  }
  // The dose written right after a medicine, allowing two words between ("metoprolol succinate ER 25 mg").
  const doseAfter = new RegExp(
    `^(?:\\s+[\\p{L}]+){0,2}?\\s+(\\d+(?:[.,]\\d+)?)\\s*(${UNIT})(?![\\p{L}])`,
    'iu',
  );
  for (const w of text.matchAll(/(?<![\p{L}-])[\p{L}][\p{L}-]*/gu)) {
    if (!isMedicineWord(w[0])) continue;
    const m = doseAfter.exec(text.slice((w.index ?? 0) + w[0].length, (w.index ?? 0) + w[0].length + 60));
    if (!m || !DOSE_UNITS.test(m[2])) continue;
    const key = medicineKey(w[0]);
    const doses = claims.medicineDoses.get(key) ?? new Map<string, string>();
    doses.set(`${num(m[1])} ${unitFamily(m[2])}`, `${w[0]}${m[0]}`);
    claims.medicineDoses.set(key, doses);
  }
  return claims;
}

/** A medicine's spelling reduced so English and Spanish forms meet: levothyroxine ↔ levotiroxina, amoxicillin ↔ amoxicilina. */
export function medicineKey(word: string): string {
  return foldText(word)
    .replace(/th/g, 't')
    .replace(/ph/g, 'f')
    .replace(/ch/g, 'c')
    .replace(/y/g, 'i')
    .replace(/ll/g, 'l')
    .replace(/[aeo]$/, '');
}

/** Words of the sources as medicine keys, for medicine lookups. */
export function sourceWords(text: string): Set<string> {
  return new Set((foldText(text).match(/[\p{L}][\p{L}-]*/gu) ?? []).map(medicineKey));
}
