import type { ConceptId } from './concepts';
import type { ConceptMatch } from './matcher';
import { excerpt } from './normalize';
import type { Vitals } from './numbers';
import type { Category, PatientFacts, Urgency } from './types';

/** One reason to give a level; the message's level is the most urgent finding. */
export interface Finding {
  level: Urgency;
  category: Category;
  reason: string;
}

export interface Evidence {
  original: string;
  folded: string;
  /** Affirmed concept matches (the patient's current state or request). */
  affirmed: ConceptMatch[];
  vitals: Vitals;
  facts: PatientFacts;
}

const ANTICOAGULANT_FACT =
  /warfarin|coumadin|jantoven|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|savaysa|enoxaparin|lovenox|heparin|clopidogrel|plavix|ticagrelor|brilinta|prasugrel/;

/** Age, pregnancy and blood thinner, from the message's words and numbers first, then the chart. */
export function patientFacts(
  ev: Evidence,
  has: (id: ConceptId) => boolean,
): Pick<RuleContext, 'youngestDays' | 'pregnant' | 'onThinner'> {
  const facts = ev.facts;
  const chartAge = facts.ageDays ?? (facts.ageYears !== undefined ? facts.ageYears * 365 : undefined);
  return {
    youngestDays: ev.vitals.youngestAgeDays?.value ?? chartAge,
    pregnant: has('pregnant') || ev.vitals.pregnancyWeeks !== undefined || facts.pregnant === true,
    onThinner: has('blood_thinner') || (facts.medications ?? []).some((m) => ANTICOAGULANT_FACT.test(m)),
  };
}

/** What every rule file reads: the evidence, lookups by concept, and the findings being collected. */
export interface RuleContext {
  ev: Evidence;
  by: Map<ConceptId, ConceptMatch[]>;
  has(...ids: ConceptId[]): boolean;
  /** The first occurrence of a concept, quoted from the original text. */
  quote(id: ConceptId): string;
  /** The first present concept among `ids`, quoted. */
  quoteAny(...ids: ConceptId[]): string;
  add(level: Urgency, label: string, evidence: string, category?: Category): void;
  pregnant: boolean;
  onThinner: boolean;
  fever: boolean;
  /** A fever known only from a temperature reading (no fever word to cite). */
  feverFromNumberOnly: boolean;
  feverQuote: string;
  /** Youngest age mentioned in the text, else from the chart, in days. */
  youngestDays?: number;
}

export function buildContext(
  ev: Evidence,
  findings: Finding[],
  derive: (
    has: (...ids: ConceptId[]) => boolean,
  ) => Pick<
    RuleContext,
    'pregnant' | 'onThinner' | 'fever' | 'feverFromNumberOnly' | 'feverQuote' | 'youngestDays'
  >,
): RuleContext {
  const by = new Map<ConceptId, ConceptMatch[]>();
  for (const m of ev.affirmed) {
    const list = by.get(m.concept) ?? [];
    list.push(m);
    by.set(m.concept, list);
  }
  const has = (...ids: ConceptId[]): boolean => ids.some((id) => by.has(id));
  // A rule may run on a chart fact alone (pregnant, on a blood thinner) with no words to quote.
  const quote = (id: ConceptId): string => {
    const m = by.get(id)?.[0];
    return m ? `"${excerpt(ev.original, m.start, m.end)}"` : `${id.replace(/_/g, ' ')} (from the chart)`;
  };
  return {
    ev,
    by,
    has,
    quote,
    quoteAny: (...ids) => quote(ids.find((id) => by.has(id)) ?? ids[0]),
    add: (level, label, evidence, category = 'symptom') => {
      findings.push({ level, category, reason: `${level}: ${label} — ${evidence}` });
    },
    ...derive(has),
  };
}
