/**
 * Chart facts in words: the block the model reads, the slots templates fill, and the text the grounding
 * check compares drafts with. All three use the same formatters, so a date or dose a template writes
 * is always found again by the check.
 */
import { DateTime } from 'luxon';
import type {
  AppointmentFact,
  ChartContext,
  MedicationFact,
  ObservationFact,
  RelevantContext,
  ResultTrend,
} from '../context/types';
import type { TemplateView } from './template-slots';
import type { DraftLanguage } from './types';
import type { VoiceSettings } from './prompts';

const FORM_WORDS =
  /\s+(oral\s+)?(tablets?|capsules?|pens?|inhalers?|cream|ointment|solution|suspension|injection|injectable|syrup|patch|drops)$/i;
// A product's strength per mL or per puff is not what the patient takes; it only lengthens the sentence.
const CONCENTRATION = /\s+\d+(?:\.\d+)?\s*(?:units?|mg|mcg)\s*\/\s*(?:ml|actuation|puff)\b/i;

/** "Lisinopril 10 mg tablet" → "lisinopril 10 mg"; a dose is added when the name has none. */
export function plainMedicine(m: Pick<MedicationFact, 'name' | 'dose'>): string {
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

function parse(iso: string): DateTime | undefined {
  const d = DateTime.fromISO(iso, { setZone: true });
  return d.isValid ? d : undefined;
}

/** "March 14" (or "March 14, 2025" in another year) / "14 de marzo" (de 2025). */
export function formatDate(iso: string | undefined, lang: DraftLanguage, now: Date): string | undefined {
  if (!iso) return undefined;
  const d = parse(iso);
  if (!d) return undefined;
  const sameYear = d.year === now.getUTCFullYear();
  if (lang === 'es') return d.setLocale('es').toFormat(sameYear ? "d 'de' MMMM" : "d 'de' MMMM 'de' yyyy");
  return d.setLocale('en').toFormat(sameYear ? 'MMMM d' : 'MMMM d, yyyy');
}

/** Time of day of a date-time in its own offset ("10:30 AM" / "10:30"); undefined for a plain date. */
export function formatTime(iso: string | undefined, lang: DraftLanguage): string | undefined {
  if (!iso || !/T\d{2}:\d{2}/.test(iso)) return undefined;
  const d = parse(iso);
  if (!d) return undefined;
  return lang === 'es' ? d.toFormat('H:mm') : d.setLocale('en').toFormat('h:mm a');
}

function numberText(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

export function resultValue(o: ObservationFact): string | undefined {
  if (o.valueText && o.value === undefined) return o.valueText;
  if (o.value === undefined) return o.valueText;
  if (!o.unit) return numberText(o.value);
  return o.unit === '%' ? `${numberText(o.value)}%` : `${numberText(o.value)} ${o.unit}`;
}

function rangeText(o: ObservationFact, lang: DraftLanguage): string | undefined {
  const to = lang === 'es' ? 'a' : 'to';
  if (o.low !== undefined && o.high !== undefined) return `${numberText(o.low)} ${to} ${numberText(o.high)}`;
  if (o.high !== undefined)
    return lang === 'es' ? `menos de ${numberText(o.high)}` : `below ${numberText(o.high)}`;
  if (o.low !== undefined)
    return lang === 'es' ? `más de ${numberText(o.low)}` : `above ${numberText(o.low)}`;
  return undefined;
}

type Meaning = 'normal' | 'high' | 'low' | 'very_high' | 'very_low' | 'outside' | undefined;

function meaningOf(o: ObservationFact): Meaning {
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

function resultSlots(trend: ResultTrend | undefined, lang: DraftLanguage, now: Date): Partial<TemplateView> {
  const meaning = trend ? meaningOf(trend.latest) : undefined;
  const flags = {
    result_high: meaning === 'high',
    result_low: meaning === 'low',
    result_normal: meaning === 'normal',
    result_very_high: meaning === 'very_high',
    result_very_low: meaning === 'very_low',
    result_outside: meaning === 'outside',
  };
  const value = trend && resultValue(trend.latest);
  if (!trend || !value) return flags;
  const before = trend.previous[trend.previous.length - 1];
  return {
    ...flags,
    result_name: trend.latest.name,
    result_value: value,
    result_range: rangeText(trend.latest, lang),
    result_date: formatDate(trend.latest.date, lang, now),
    result_before: before ? resultValue(before) : undefined,
  };
}

function appointmentSlots(
  a: AppointmentFact | undefined,
  lang: DraftLanguage,
  now: Date,
): Partial<TemplateView> {
  if (!a) return {};
  return {
    appointment_date: formatDate(a.start, lang, now),
    appointment_time: formatTime(a.start, lang),
    appointment_with: a.practitioner,
  };
}

export function templateView(
  context: RelevantContext | undefined,
  urgent: boolean,
  voice: VoiceSettings,
  lang: DraftLanguage,
  now: Date,
): TemplateView {
  const meds = context?.medications ?? [];
  const single = meds.length === 1 ? meds[0] : undefined;
  const joiner = lang === 'es' ? ' y ' : ' and ';
  return {
    clinic_name: voice.clinic_name,
    clinic_phone: voice.clinic_phone,
    follow_up: followUp(context, lang),
    urgent,
    medicine: meds.length > 0 && meds.length <= 3 ? meds.map(plainMedicine).join(joiner) : undefined,
    refills_left: single?.refillsLeft,
    has_refills: single?.refillsLeft !== undefined && single.refillsLeft > 0,
    no_refills: single?.refillsLeft === 0,
    result_high: false,
    result_low: false,
    result_normal: false,
    result_very_high: false,
    result_very_low: false,
    result_outside: false,
    ...resultSlots(context?.results[0], lang, now),
    ...appointmentSlots(context?.appointments[0], lang, now),
  };
}

function medicationLine(m: MedicationFact, now: Date): string {
  const parts = [plainMedicine(m)];
  if (m.directions) parts.push(`directions: ${m.directions}`);
  if (m.refillsLeft !== undefined) parts.push(`refills left: ${m.refillsLeft}`);
  if (m.lastFill) parts.push(`last filled: ${formatDate(m.lastFill, 'en', now)}`);
  if (m.daysSupply !== undefined) parts.push(`days supply: ${m.daysSupply}`);
  if (m.prescriber) parts.push(`prescriber: ${m.prescriber}`);
  if (m.indication) parts.push(`for: ${m.indication}`);
  return `- ${parts.join('; ')}`;
}

function observationLine(o: ObservationFact, lang: DraftLanguage, now: Date): string {
  const meaning = meaningOf(o);
  const range = rangeText(o, lang);
  const parts = [`${o.name} ${resultValue(o) ?? 'no value'}`];
  if (o.date) parts.push(`on ${formatDate(o.date, lang, now)}`);
  if (range) parts.push(`normal range ${range}`);
  if (meaning) parts.push(meaning.replace('_', ' '));
  return parts.join(', ');
}

function resultLine(t: ResultTrend, now: Date): string {
  const earlier = t.previous.map((p) => observationLine(p, 'en', now)).join('; ');
  const trend = t.direction ? `; trend: ${t.direction}` : '';
  return `- ${observationLine(t.latest, 'en', now)}${earlier ? `; earlier: ${earlier}` : ''}${trend}`;
}

function appointmentLine(a: AppointmentFact, now: Date): string {
  const time = formatTime(a.start, 'en');
  const parts = [`${formatDate(a.start, 'en', now)}${time ? ` at ${time}` : ''}`];
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
export function factsText(context: RelevantContext | undefined, now: Date): string {
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
    context.medications.map((m) => medicationLine(m, now)),
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
    context.results.map((t) => resultLine(t, now)),
  );
  group(
    'Upcoming visits',
    context.appointments.map((a) => appointmentLine(a, now)),
  );
  group(
    'Care team',
    context.careTeam.map((c) => `- ${c.name}${c.role ? ` (${c.role})` : ''}`),
  );
  return lines.join('\n');
}

/** Every fact of the whole chart, in both draft languages' formats: what a draft may state. */
export function chartText(chart: ChartContext | undefined, now: Date): string {
  if (!chart) return '';
  const out: string[] = [];
  for (const m of chart.medications) {
    out.push(medicationLine(m, now), m.name, m.dose ?? '', m.indication ?? '');
    if (m.lastFill) out.push(formatDate(m.lastFill, 'es', now) ?? '');
  }
  for (const a of chart.allergies) out.push(`${a.substance} ${a.reaction ?? ''}`);
  for (const p of chart.problems) out.push(p.name);
  for (const o of chart.observations) {
    out.push(observationLine(o, 'en', now), observationLine(o, 'es', now), o.valueText ?? '');
    for (const c of o.components ?? [])
      out.push(`${c.name} ${c.value ?? ''} ${c.unit ?? ''} ${c.low ?? ''} ${c.high ?? ''}`);
  }
  for (const a of chart.appointments) {
    out.push(appointmentLine(a, now), formatDate(a.start, 'es', now) ?? '', formatTime(a.start, 'es') ?? '');
  }
  for (const c of chart.careTeam) out.push(c.name);
  if (chart.patient.ageYears !== undefined) out.push(`${chart.patient.ageYears} years`);
  return out.filter(Boolean).join('\n');
}
