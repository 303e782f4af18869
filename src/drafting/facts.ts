/**
 * Chart facts in words: the block the model reads, the slots templates fill, and the text the grounding
 * check compares drafts with. All three use the same formatters, so a date or dose a template writes
 * is always found again by the check.
 */
import { spanishMedicineName } from './spanish-medicines';
import { DateTime } from 'luxon';
import type {
  AppointmentFact,
  ChartContext,
  MedicationFact,
  ObservationFact,
  RelevantContext,
  ResultTrend,
} from '../context/types';
import type { DraftLanguage } from './types';

const FORM_WORDS =
  /\s+(oral\s+)?(tablets?|capsules?|pens?|inhalers?|cream|ointment|solution|suspension|injection|injectable|syrup|patch|drops)$/i;
// A product's strength per mL or per puff is not what the patient takes; it only lengthens the sentence.
const CONCENTRATION = /\s+\d+(?:\.\d+)?\s*(?:units?|mg|mcg)\s*\/\s*(?:ml|actuation|puff)\b/i;

/** "Lisinopril 10 mg tablet" → "lisinopril 10 mg"; a dose is added when the name has none. */
export function plainMedicine(m: Pick<MedicationFact, 'name' | 'dose'>, lang: DraftLanguage = 'en'): string {
  const plain = plainMedicineEn(m);
  // Dose words in the reader's language; the grounding check reads both.
  return lang === 'es'
    ? spanishMedicineName(plain)
        .replace(/\bunits?\b/g, 'unidades')
        .replace(/\bpuffs?\b/g, 'disparos')
    : plain;
}

function plainMedicineEn(m: Pick<MedicationFact, 'name' | 'dose'>): string {
  let name = m.name
    .trim()
    .replace(FORM_WORDS, '')
    .replace(CONCENTRATION, '')
    .replace(FORM_WORDS, '')
    .replace(/\bMG\b/g, 'mg')
    .replace(/\bMCG\b/g, 'mcg');
  // Generic names are common nouns mid-sentence ("your lisinopril"); mixed-case brands (ProAir) keep theirs.
  if (/^[A-Z][a-z]+\b/.test(name)) name = name[0].toLowerCase() + name.slice(1);
  if (m.dose && !/\d/.test(name)) return `${name} ${m.dose}`;
  return name;
}

/** The clinic's zone when none is configured (CLINIC_TIME_ZONE). */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

/**
 * A FHIR date or date-time as the clinic's wall clock shows it: a date-time with an offset (or in UTC)
 * is moved to the clinic's zone, so a 15:00Z visit reads "9:00 AM" in Chicago; a plain date stays that day.
 */
export function clinicDateTime(iso: string, zone: string): DateTime | undefined {
  const plainDate = !/T\d{2}:\d{2}/.test(iso);
  const d = plainDate
    ? DateTime.fromISO(iso, { zone })
    : DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return d.isValid ? d : undefined;
}

/** "March 14" (or "March 14, 2025" in another year) / "14 de marzo" (de 2025), in the clinic's zone. */
export function formatDate(
  iso: string | undefined,
  lang: DraftLanguage,
  now: Date,
  zone: string = DEFAULT_TIME_ZONE,
): string | undefined {
  if (!iso) return undefined;
  const d = clinicDateTime(iso, zone);
  if (!d) return undefined;
  const sameYear = d.year === DateTime.fromJSDate(now, { zone }).year;
  if (lang === 'es') return d.setLocale('es').toFormat(sameYear ? "d 'de' MMMM" : "d 'de' MMMM 'de' yyyy");
  return d.setLocale('en').toFormat(sameYear ? 'MMMM d' : 'MMMM d, yyyy');
}

/** Time of day of a date-time on the clinic's clock ("10:30 AM" / "10:30"); undefined for a plain date. */
export function formatTime(
  iso: string | undefined,
  lang: DraftLanguage,
  zone: string = DEFAULT_TIME_ZONE,
): string | undefined {
  if (!iso || !/T\d{2}:\d{2}/.test(iso)) return undefined;
  const d = clinicDateTime(iso, zone);
  if (!d) return undefined;
  return lang === 'es' ? d.toFormat('H:mm') : d.setLocale('en').toFormat('h:mm a');
}

function numberText(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** A UCUM unit as lab reports print it: "{INR}" is no unit, "10*3/uL" is "K/µL", "mm[Hg]" is "mmHg". */
export function unitText(unit: string | undefined, lang: DraftLanguage = 'en'): string {
  const u = (unit ?? '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/^10\*3\//, 'K/')
    .replace(/^10\*6\//, 'M/')
    .replace(/\[([^\]]*)\]/g, '$1')
    // "µL", as printed on lab reports (and "uL. ... 4" reads to the identifier detector as an address).
    .replace(/\buL\b/g, 'µL')
    .trim();
  if (u === '/min') return lang === 'es' ? 'por minuto' : 'per minute';
  return u;
}

export function resultValue(o: ObservationFact, lang: DraftLanguage = 'en'): string | undefined {
  if (o.valueText && o.value === undefined) return o.valueText;
  if (o.value === undefined) return o.valueText;
  const unit = unitText(o.unit, lang);
  if (!unit) return numberText(o.value);
  return unit === '%' ? `${numberText(o.value)}%` : `${numberText(o.value)} ${unit}`;
}

export function rangeText(o: ObservationFact, lang: DraftLanguage): string | undefined {
  const to = lang === 'es' ? 'a' : 'to';
  if (o.low !== undefined && o.high !== undefined) return `${numberText(o.low)} ${to} ${numberText(o.high)}`;
  if (o.high !== undefined)
    return lang === 'es' ? `menos de ${numberText(o.high)}` : `below ${numberText(o.high)}`;
  if (o.low !== undefined)
    return lang === 'es' ? `más de ${numberText(o.low)}` : `above ${numberText(o.low)}`;
  return undefined;
}

export type Meaning = 'normal' | 'high' | 'low' | 'very_high' | 'very_low' | 'outside' | undefined;

export function meaningOf(o: ObservationFact): Meaning {
  switch (o.flag) {
    case 'critical_high':
      return 'very_high';
    case 'critical_low':
      return 'very_low';
    case 'high':
    case 'low':
    case 'normal':
      return o.flag;
    case 'abnormal':
      return 'outside';
  }
  if (o.value === undefined) return undefined;
  if (o.high !== undefined && o.value > o.high) return 'high';
  if (o.low !== undefined && o.value < o.low) return 'low';
  if (o.low !== undefined || o.high !== undefined) return 'normal';
  return undefined;
}

function careTeamLead(context: Pick<RelevantContext, 'careTeam'>): string | undefined {
  const primary = context.careTeam.find((c) => /primary/i.test(c.role ?? '')) ?? context.careTeam[0];
  return primary?.name;
}

/** Who follows up, written to start a sentence: the prescriber, else the primary doctor, else the team. */
export function followUp(context: RelevantContext | undefined, lang: DraftLanguage): string {
  const name =
    context?.medications.find((m) => m.prescriber)?.prescriber ?? (context && careTeamLead(context));
  if (lang === 'es') return name ?? 'Su equipo de salud';
  return name ?? 'Your care team';
}

function medicationLine(m: MedicationFact, now: Date, zone: string): string {
  const parts = [plainMedicine(m)];
  if (m.directions) parts.push(`directions: ${m.directions}`);
  if (m.refillsLeft !== undefined) parts.push(`refills left: ${m.refillsLeft}`);
  if (m.lastFill) parts.push(`last filled: ${formatDate(m.lastFill, 'en', now, zone)}`);
  if (m.daysSupply !== undefined) parts.push(`days supply: ${m.daysSupply}`);
  if (m.prescriber) parts.push(`prescriber: ${m.prescriber}`);
  if (m.indication) parts.push(`for: ${m.indication}`);
  return `- ${parts.join('; ')}`;
}

function observationLine(o: ObservationFact, lang: DraftLanguage, now: Date, zone: string): string {
  const meaning = meaningOf(o);
  const range = rangeText(o, lang);
  const parts = [`${o.name} ${resultValue(o, lang) ?? 'no value'}`];
  if (o.date) parts.push(`on ${formatDate(o.date, lang, now, zone)}`);
  if (range) parts.push(`normal range ${range}`);
  if (meaning) parts.push(meaning.replace('_', ' '));
  return parts.join(', ');
}

function resultLine(t: ResultTrend, now: Date, zone: string): string {
  const earlier = t.previous.map((p) => observationLine(p, 'en', now, zone)).join('; ');
  const trend = t.direction ? `; trend: ${t.direction}` : '';
  return `- ${observationLine(t.latest, 'en', now, zone)}${earlier ? `; earlier: ${earlier}` : ''}${trend}`;
}

function appointmentLine(a: AppointmentFact, now: Date, zone: string): string {
  const time = formatTime(a.start, 'en', zone);
  const parts = [`${formatDate(a.start, 'en', now, zone)}${time ? ` at ${time}` : ''}`];
  if (a.practitioner) parts.push(`with ${a.practitioner}`);
  if (a.description) parts.push(a.description);
  return `- ${parts.join(', ')}`;
}

function ageText(context: RelevantContext): string | undefined {
  const p = context.patient;
  // Ages over 89 identify people (HIPAA Safe Harbor); they are grouped.
  if (p.ageYears !== undefined) return p.ageYears > 89 ? '90 or older' : `${p.ageYears} years`;
  if (p.ageDays !== undefined) return `${p.ageDays} days`;
  return undefined;
}

/** The facts block the model reads (no names, birth date, record numbers or contact details of the patient). */
export function factsText(
  context: RelevantContext | undefined,
  now: Date,
  zone: string = DEFAULT_TIME_ZONE,
): string {
  if (!context) return 'No chart was found for this patient.';
  const lines: string[] = [];
  const about = [
    ageText(context) && `age ${ageText(context)}`,
    context.patient.sex && `sex ${context.patient.sex}`,
  ];
  if (context.patient.pregnant) about.push('pregnant');
  if (about.some(Boolean)) lines.push(`Patient: ${about.filter(Boolean).join(', ')}`);
  const group = (title: string, items: string[]) => {
    lines.push(`${title}:${items.length ? `\n${items.join('\n')}` : ' none on file'}`);
  };
  group(
    'Medicines',
    context.medications.map((m) => medicationLine(m, now, zone)),
  );
  group(
    'Allergies',
    context.allergies.map((a) => `- ${a.substance}${a.reaction ? ` (${a.reaction})` : ''}`),
  );
  group(
    'Problems',
    context.problems.map((p) => `- ${p.name}`),
  );
  group(
    'Results',
    context.results.map((t) => resultLine(t, now, zone)),
  );
  group(
    'Upcoming visits',
    context.appointments.map((a) => appointmentLine(a, now, zone)),
  );
  group(
    'Care team',
    context.careTeam.map((c) => `- ${c.name}${c.role ? ` (${c.role})` : ''}`),
  );
  return lines.join('\n');
}

/** Every fact of the whole chart, in both draft languages' formats: what a draft may state. */
export function chartText(
  chart: ChartContext | undefined,
  now: Date,
  zone: string = DEFAULT_TIME_ZONE,
): string {
  if (!chart) return '';
  const out: string[] = [];
  for (const m of chart.medications) {
    out.push(medicationLine(m, now, zone), m.name, m.dose ?? '', m.indication ?? '');
    if (m.lastFill) out.push(formatDate(m.lastFill, 'es', now, zone) ?? '');
  }
  for (const a of chart.allergies) out.push(`${a.substance} ${a.reaction ?? ''}`);
  for (const p of chart.problems) out.push(p.name);
  for (const o of chart.observations) {
    out.push(observationLine(o, 'en', now, zone), observationLine(o, 'es', now, zone), o.valueText ?? '');
    for (const c of o.components ?? [])
      out.push(`${c.name} ${c.value ?? ''} ${c.unit ?? ''} ${c.low ?? ''} ${c.high ?? ''}`);
  }
  for (const a of chart.appointments) {
    out.push(
      appointmentLine(a, now, zone),
      formatDate(a.start, 'es', now, zone) ?? '',
      formatTime(a.start, 'es', zone) ?? '',
    );
  }
  for (const c of chart.careTeam) out.push(c.name);
  if (chart.patient.ageYears !== undefined) out.push(`${chart.patient.ageYears} years`);
  return out.filter(Boolean).join('\n');
}
