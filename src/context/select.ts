/**
 * Picks the part of the chart a message needs, and says why: the medicine a refill names, the test a
 * result question asks about (with its trend), upcoming visits for scheduling, related problems for a
 * symptom. Allergies come with every medicine or symptom question.
 */
import type { Category } from '../triage/types';
import { KNOWN_GENERICS, MEDICINE_KINDS, namesForMedicine, OTHER_NAMES_TO_GENERIC } from './medicine-names';
import { pickResults } from './select-results';
import { findPhrase, normalizeText, PhraseScanner, tokenize } from './text-match';
import type { ChartContext, MedicationFact, ProblemFact, RelevantContext } from './types';

export { knownIdentifiers, toTriageFacts, type KnownIdentifiers } from './facts';

/**
 * Body systems a symptom points to: stems found in the normalized text → problems (by name) worth
 * showing. A leading or trailing space anchors a short stem to a word edge (' pee' is not 'speed').
 */
const SYMPTOM_LINKS: { stems: string[]; problems: RegExp }[] = [
  {
    stems: [
      'chest',
      'pecho',
      'heart',
      'corazon',
      'palpitat',
      'racing',
      'dizz',
      'mareo',
      'mareado',
      'lightheaded',
      'faint',
      'desmay',
      'swell',
      'hinch',
    ],
    problems: /hypertens|fibrillation|heart|coronary|arrhythm/i,
  },
  {
    stems: [
      'wheez',
      'cough',
      'tos ',
      'breath',
      'respir',
      'asthma',
      'asma',
      'inhaler',
      'inhalador',
      'silbido',
    ],
    problems: /asthma|copd|bronch|pulmon/i,
  },
  {
    stems: ['sugar', 'azucar', 'glucose', 'thirst', 'shaky', 'sweaty', 'sudando', 'confus'],
    problems: /diabet/i,
  },
  {
    stems: [
      'bleed',
      'sangr',
      'black stool',
      'tarry',
      'heces negras',
      'bruis',
      'coffee ground',
      'vomiting blood',
    ],
    problems: /fibrillation|thromb|embol|pregnan|ulcer|reflux/i,
  },
  {
    stems: ['fever', 'fiebre', 'infection', 'infeccion', 'chills', 'escalofrio', 'urin', 'orin', 'pus'],
    problems: /transplant|diabet|kidney|pregnan|immun/i,
  },
  {
    stems: ['tired', 'fatigue', 'cansad', 'cold all the time', ' hair', 'weight'],
    problems: /thyroid|anemia|depress/i,
  },
  {
    stems: [
      ' sad',
      'depress',
      'triste',
      'anxious',
      'ansie',
      'hopeless',
      'suicid',
      'ending my life',
      'wake up',
      'despertar',
      'better off without',
    ],
    problems: /depress|anxiety|bipolar/i,
  },
  { stems: ['seizure', 'convulsi'], problems: /epilep|seizure/i },
  {
    stems: ['pregnan', 'embaraz', 'spotting', 'manch', 'cramp', 'colico', 'baby move', 'bebe se mueva'],
    problems: /pregnan/i,
  },
  {
    stems: ['heartburn', 'reflux', 'acidez', 'stomach', 'estomago', 'swallow'],
    problems: /reflux|gerd|ulcer/i,
  },
  { stems: ['kidney', 'rinon', 'swollen', ' pee', 'urinat'], problems: /kidney|renal|transplant/i },
];
/** A reaction may be caused by any medicine: show them all. */
const REACTION_STEMS = [
  'rash',
  'itch',
  'hives',
  'ronchas',
  'comezon',
  'pican',
  'lips',
  'labios',
  'throat',
  'garganta',
  'tongue',
  'lengua',
];
const MAX_FALLBACK_ITEMS = 15;

function medicinesNamed(text: string, meds: MedicationFact[]): { med: MedicationFact; phrase: string }[] {
  const found: { med: MedicationFact; phrase: string }[] = [];
  for (const med of meds) {
    const scanner = new PhraseScanner(text);
    const names = namesForMedicine(med.name).sort((a, b) => b.length - a.length);
    for (const name of names) {
      const phrase = scanner.take(name);
      if (phrase) {
        found.push({ med, phrase });
        break;
      }
    }
  }
  return found;
}

/** Well-known medicines the text names that are not on the chart, by generic name. */
function medicinesMissingFromChart(text: string, meds: MedicationFact[]): string[] {
  const onChart = new Set(meds.flatMap((m) => namesForMedicine(m.name)));
  const tokens = tokenize(text);
  const missing = new Set<string>();
  for (const name of [...KNOWN_GENERICS, ...Object.keys(OTHER_NAMES_TO_GENERIC)]) {
    const generic = OTHER_NAMES_TO_GENERIC[name] ?? name;
    if (onChart.has(name) || onChart.has(generic)) continue;
    if (findPhrase(tokens, name) >= 0) missing.add(generic);
  }
  return [...missing];
}

function medicinesOfKind(text: string, chart: ChartContext): { meds: MedicationFact[]; phrase?: string } {
  const tokens = tokenize(text);
  for (const kind of MEDICINE_KINDS) {
    const word = kind.words.find((w) => findPhrase(tokens, w) >= 0);
    if (!word) continue;
    const meds = chart.medications.filter(
      (m) =>
        (m.indication && kind.indication.test(m.indication)) ||
        kind.generics.some((g) => normalizeText(m.name).includes(g)),
    );
    if (meds.length) return { meds, phrase: word };
  }
  return { meds: [] };
}

function problemsForSymptoms(
  text: string,
  problems: ProblemFact[],
): { problems: ProblemFact[]; stems: string[] } {
  const normalized = ` ${normalizeText(text)} `;
  const stems: string[] = [];
  const picked = new Set<ProblemFact>();
  for (const link of SYMPTOM_LINKS) {
    const stem = link.stems.find((s) => normalized.includes(s));
    if (!stem) continue;
    const related = problems.filter((p) => link.problems.test(p.name));
    if (related.length) stems.push(stem.trim());
    related.forEach((p) => picked.add(p));
  }
  return { problems: [...picked], stems };
}

function addAll<T>(target: T[], items: T[]): void {
  for (const item of items) if (!target.includes(item)) target.push(item);
}

export function selectRelevant(chart: ChartContext, text: string, categories: Category[]): RelevantContext {
  const cats = new Set(categories);
  const out: RelevantContext = {
    patient: chart.patient,
    medications: [],
    allergies: [],
    problems: [],
    results: [],
    appointments: [],
    careTeam: chart.careTeam,
    reasons: [],
  };
  const body = text.slice(0, 20_000); // a 100 KB message does not make matching quadratic

  for (const { med, phrase } of medicinesNamed(body, chart.medications)) {
    out.medications.push(med);
    out.reasons.push(`medicine named in message: "${phrase}" → ${med.name}`);
  }
  const notOnChart = medicinesMissingFromChart(body, chart.medications);
  if (notOnChart.length) {
    out.medicinesNotOnChart = notOnChart;
    out.reasons.push(`medicine named in message but not on the chart: ${notOnChart.join(', ')}`);
  }
  if (cats.has('medication') && !out.medications.length) {
    const kind = medicinesOfKind(body, chart);
    if (kind.meds.length) {
      addAll(out.medications, kind.meds);
      out.reasons.push(`kind of medicine named in message: "${kind.phrase}"`);
    } else if (chart.medications.length) {
      addAll(out.medications, chart.medications.slice(0, MAX_FALLBACK_ITEMS));
      out.reasons.push('medication question naming no medicine on the chart: all active medicines');
    } else {
      out.reasons.push('medication question, but the chart lists no active medicines');
    }
  }

  const results = pickResults(body, chart.observations, cats.has('results'));
  out.results = results.trends;
  out.reasons.push(...results.reasons);

  if (cats.has('scheduling')) {
    out.appointments = chart.appointments.slice(0, 5);
    out.reasons.push(
      out.appointments.length
        ? 'scheduling message: upcoming appointments'
        : 'scheduling message: no upcoming appointments on the chart',
    );
  }

  if (cats.has('symptom')) {
    const linked = problemsForSymptoms(body, chart.problems);
    const normalized = normalizeText(body);
    if (linked.problems.length) {
      addAll(out.problems, linked.problems);
      addAll(
        out.medications,
        chart.medications.filter((m) => linked.problems.some((p) => p.name === m.indication)),
      );
      out.reasons.push(`symptom words (${linked.stems.join(', ')}) → related problems and their medicines`);
    } else {
      addAll(out.problems, chart.problems.slice(0, MAX_FALLBACK_ITEMS));
      out.reasons.push('symptom not linked to a listed problem: all active problems');
    }
    if (REACTION_STEMS.some((s) => normalized.includes(s))) {
      addAll(out.medications, chart.medications.slice(0, MAX_FALLBACK_ITEMS));
      out.reasons.push('possible reaction: all active medicines');
    }
  }

  if (cats.has('medication') || cats.has('symptom') || out.medications.length) {
    out.allergies = chart.allergies;
    out.reasons.push(
      chart.allergies.length
        ? 'allergies: always shown with medicines and symptoms'
        : 'no allergies recorded',
    );
  }
  if (!out.reasons.length)
    out.reasons.push(`no chart facts needed for: ${categories.join(', ') || 'uncategorised message'}`);
  return out;
}
