/**
 * Patient portal messages for the synthetic clinic, as FHIR Communications from the patient, each with
 * the urgency and category it was written to have. Same seed, clinic and `now` → same messages.
 */
import { DateTime } from 'luxon';
import type { Category, Urgency } from '../../../triage/types';
import type { SyntheticClinic, SyntheticPatient } from './clinic';
import type { FhirCommunication } from './fhir-types';
import { SCENARIOS, type Scenario, type ScenarioFacts } from './message-scenarios';
import { buildSlots, type MessageLanguage } from './message-slots';
import { EN, EN_CLOSINGS, EN_GREETINGS } from './message-text-en';
import { ES, ES_CLOSINGS, ES_GREETINGS, OTHER_LANGUAGE_REFILL } from './message-text-es';
import { roughen } from './message-typos';
import { Rng } from './prng';
import { ORGANIZATION_ID, staffRef } from './staff';

export interface IntendedTriage {
  urgency: Urgency;
  category: Category;
  /** ISO 639-1 language the message is written in. */
  language: string;
  scenario: string;
}

export interface SyntheticMessage {
  communication: FhirCommunication;
  intended: IntendedTriage;
  patientId: string;
  /** FHIR references of the chart facts the message is about (e.g. the medicine to refill). */
  chartRefs: string[];
  /** Identifiers of the patient copied into the text (phone, birth date, record number, name). */
  identifiersInText: string[];
}

export interface MessageOptions {
  seed: number;
  count: number;
  clinic: SyntheticClinic;
  /** Messages are sent during the week before this; default the clinic's reference date. */
  now?: Date;
}

export const MAX_SYNTHETIC_MESSAGES = 100_000;
const FALLBACK = SCENARIOS.find((s) => s.id === 'book_visit')!;

function eligible(clinic: SyntheticClinic, scenario: Scenario, rng: Rng, language?: MessageLanguage) {
  const start = rng.int(0, Math.max(0, clinic.patients.length - 1));
  for (let k = 0; k < clinic.patients.length; k++) {
    const p = clinic.patients[(start + k) % clinic.patients.length]!;
    if (language && (p.demographics.language === 'es') !== (language === 'es')) continue;
    const facts = scenario.fit(p, rng);
    if (facts) return { patient: p, facts };
  }
  return undefined;
}

function chartRefs(facts: ScenarioFacts): string[] {
  const refs: string[] = [];
  if (facts.med) refs.push(`MedicationRequest/${facts.med.id}`);
  if (facts.result) refs.push(`Observation/${facts.result.id}`);
  if (facts.previous) refs.push(`Observation/${facts.previous.id}`);
  if (facts.visit) refs.push(`Appointment/${facts.visit.id}`);
  return refs;
}

function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/** Sometimes patients add who they are, exactly the identifiers the privacy layer must catch. */
function addIdentifiers(
  text: string,
  p: SyntheticPatient,
  lang: MessageLanguage,
  rng: Rng,
  found: string[],
): string {
  const d = p.demographics;
  let out = text;
  if (rng.chance(0.12)) {
    found.push(usDate(d.birthDate));
    out += lang === 'es' ? `\nFecha de nacimiento ${usDate(d.birthDate)}` : `\nDOB ${usDate(d.birthDate)}`;
  }
  if (rng.chance(0.1)) {
    found.push(d.phone);
    out += lang === 'es' ? `\nMi número es ${d.phone}` : `\nYou can call me at ${d.phone}`;
  }
  if (rng.chance(0.05)) {
    found.push(d.mrn);
    out += `\nMRN ${d.mrn}`;
  }
  return out;
}

function compose(
  scenario: Scenario,
  p: SyntheticPatient,
  facts: ScenarioFacts,
  lang: MessageLanguage,
  rng: Rng,
) {
  const identifiers: string[] = [];
  const other = p.demographics.language;
  // Patients who prefer a language other than English or Spanish sometimes write a refill in it.
  if (scenario.id === 'refill' && OTHER_LANGUAGE_REFILL[other] && facts.med && rng.chance(0.5)) {
    return { text: OTHER_LANGUAGE_REFILL[other]!(facts.med.def.generic), language: other, identifiers };
  }
  const slots = buildSlots(p, facts, lang, rng);
  const templates = (lang === 'es' ? ES : EN)[scenario.id] ?? EN[scenario.id]!;
  let body = rng
    .pick(templates)(slots, rng)
    .replace(/\s+/g, ' ')
    .replace(/ ([,.?!])/g, '$1')
    .trim();
  if (rng.chance(0.3))
    body = roughen(body, rng, lang, scenario.urgency !== 'emergent', [slots.med, slots.result]);
  const greeting = rng.pick(lang === 'es' ? ES_GREETINGS : EN_GREETINGS);
  const closing = rng.pick(lang === 'es' ? ES_CLOSINGS : EN_CLOSINGS);
  // Portal messages often put the greeting on its own line.
  let text = greeting && !/^(hi|hola|buen)/i.test(body) ? `${greeting}\n${body}` : body;
  if (scenario.id !== 'contact_update') text = addIdentifiers(text, p, lang, rng, identifiers);
  if (closing && !/(thank you|thanks|gracias)[!.]?$/i.test(body)) {
    const signed = rng.chance(0.5);
    if (signed) identifiers.push(slots.me);
    text += `\n${closing}${signed ? `, ${slots.me}` : ''}`;
  }
  return { text, language: lang, identifiers };
}

const SUBJECTS: Record<Category, { en: string; es: string }> = {
  symptom: { en: 'Question for my doctor', es: 'Pregunta para mi doctor' },
  medication: { en: 'Medication question', es: 'Pregunta sobre medicina' },
  results: { en: 'Test results', es: 'Resultados' },
  scheduling: { en: 'Appointment', es: 'Cita' },
  billing: { en: 'Billing', es: 'Factura' },
  forms_records: { en: 'Forms and records', es: 'Formularios' },
  portal_technical: { en: 'Portal help', es: 'Ayuda con el portal' },
  other: { en: 'Message', es: 'Mensaje' },
};

/** Every scenario once in English and once in Spanish first, then a realistic mix. */
function plan(options: MessageOptions, rng: Rng): { scenario: Scenario; language?: MessageLanguage }[] {
  const planned: { scenario: Scenario; language?: MessageLanguage }[] = [];
  for (const scenario of rng.shuffle(SCENARIOS)) {
    planned.push({ scenario, language: 'en' }, { scenario, language: 'es' });
  }
  const mix = SCENARIOS.map((s) => [s, s.weight] as const);
  while (planned.length < options.count) planned.push({ scenario: rng.weighted(mix) });
  return planned.slice(0, options.count);
}

export function generateMessages(options: MessageOptions): SyntheticMessage[] {
  const { clinic, count } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_MESSAGES) {
    throw new RangeError(`count must be an integer from 0 to ${MAX_SYNTHETIC_MESSAGES}`);
  }
  if (!clinic.patients.length) return [];
  const rng = Rng.derive(options.seed, 'messages');
  const now = DateTime.fromJSDate(options.now ?? new Date(clinic.now), { zone: 'utc' });
  const drafts: Omit<SyntheticMessage, 'communication'>[] = [];
  const bodies: { text: string; sent: string; subject?: string; patient: SyntheticPatient }[] = [];

  for (const item of plan(options, rng)) {
    // A small clinic may have nobody who fits (no pregnant patient, no Spanish speaker): any fitting patient, else a booking.
    let scenario = item.scenario;
    let match = eligible(clinic, scenario, rng, item.language) ?? eligible(clinic, scenario, rng);
    if (!match) {
      scenario = FALLBACK;
      match = eligible(clinic, scenario, rng)!;
    }
    const patient = match.patient;
    const lang: MessageLanguage = patient.demographics.language === 'es' && rng.chance(0.92) ? 'es' : 'en';
    const composed = compose(scenario, patient, match.facts, lang, rng);
    const sent = now.minus({ minutes: rng.int(5, 7 * 24 * 60) }).toISO()!;
    const subjectWords = SUBJECTS[scenario.category][lang];
    drafts.push({
      intended: {
        urgency: scenario.urgency,
        category: scenario.category,
        language: composed.language,
        scenario: scenario.id,
      },
      patientId: patient.id,
      chartRefs: chartRefs(match.facts),
      identifiersInText: composed.identifiers,
    });
    bodies.push({ text: composed.text, sent, subject: rng.chance(0.7) ? subjectWords : undefined, patient });
  }

  const order = bodies.map((_, i) => i).sort((a, b) => bodies[a]!.sent.localeCompare(bodies[b]!.sent));
  return order.map((i, n) => {
    const b = bodies[i]!;
    const toDoctor = rng.chance(0.7);
    const communication: FhirCommunication = {
      resourceType: 'Communication',
      id: `msg-${String(n + 1).padStart(5, '0')}`,
      status: 'completed',
      subject: { reference: `Patient/${b.patient.id}` },
      sender: { reference: `Patient/${b.patient.id}` },
      recipient: [
        toDoctor ? staffRef(b.patient.demographics.pcp) : { reference: `Organization/${ORGANIZATION_ID}` },
      ],
      sent: b.sent,
      payload: [{ contentString: b.text }],
      ...(b.subject ? { topic: { text: b.subject } } : {}),
    };
    return { communication, ...drafts[i]! };
  });
}
