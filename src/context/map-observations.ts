/** Observation (laboratory and vital signs) → ObservationFact, with flags and blood-pressure parts. */
import type { CodeableConcept, FhirObservation } from './fhir-schemas';
import { conceptCodes, conceptText, preferredCode } from './fhir-values';
import type { ObservationComponentFact, ObservationFact, ObservationFlag } from './types';

const USABLE_STATUS = new Set(['final', 'amended', 'corrected', 'preliminary', 'registered']);
const INTERPRETATION: Record<string, ObservationFlag> = {
  hh: 'critical_high',
  hu: 'critical_high',
  '>': 'critical_high',
  ll: 'critical_low',
  lu: 'critical_low',
  '<': 'critical_low',
  h: 'high',
  l: 'low',
  a: 'abnormal',
  aa: 'abnormal',
  n: 'normal',
};
const FLAG_WEIGHT: Record<ObservationFlag, number> = {
  normal: 0,
  abnormal: 1,
  low: 2,
  high: 2,
  critical_low: 3,
  critical_high: 3,
};
/** LOINC codes whose pregnancy-status answer sets the patient's pregnant flag. */
export const PREGNANCY_STATUS_LOINC = '82810-3';

type ValueParts = Pick<FhirObservation, 'valueQuantity' | 'interpretation' | 'referenceRange'>;

function flagOf(
  v: ValueParts,
  value: number | undefined,
  low?: number,
  high?: number,
): ObservationFlag | undefined {
  for (const concept of v.interpretation ?? []) {
    for (const code of conceptCodes(concept)) if (INTERPRETATION[code]) return INTERPRETATION[code];
  }
  // No interpretation sent: derive one from the range so an out-of-range value is never shown as plain.
  if (value === undefined || (low === undefined && high === undefined)) return undefined;
  if (high !== undefined && value > high) return 'high';
  if (low !== undefined && value < low) return 'low';
  return 'normal';
}

function valueParts(v: ValueParts) {
  const range = v.referenceRange?.[0];
  const value = v.valueQuantity?.value;
  const low = range?.low?.value;
  const high = range?.high?.value;
  return {
    value,
    unit: v.valueQuantity?.unit ?? v.valueQuantity?.code,
    low,
    high,
    flag: flagOf(v, value, low, high),
  };
}

function categoryOf(categories: CodeableConcept[] | undefined): ObservationFact['category'] {
  const codes = (categories ?? []).flatMap(conceptCodes);
  if (codes.includes('laboratory')) return 'laboratory';
  if (codes.includes('vital-signs')) return 'vital-signs';
  return 'other';
}

function worstFlag(flags: (ObservationFlag | undefined)[]): ObservationFlag | undefined {
  let worst: ObservationFlag | undefined;
  for (const f of flags) if (f && (!worst || FLAG_WEIGHT[f] > FLAG_WEIGHT[worst])) worst = f;
  return worst;
}

function mapComponents(o: FhirObservation): ObservationComponentFact[] {
  return (o.component ?? []).map((c) => ({
    name: conceptText(c.code) ?? preferredCode(c.code, 'loinc') ?? 'component',
    code: preferredCode(c.code, 'loinc'),
    ...valueParts(c),
  }));
}

export function isPregnantAnswer(o: FhirObservation): boolean | undefined {
  if (preferredCode(o.code, 'loinc') !== PREGNANCY_STATUS_LOINC) return undefined;
  const answer = o.valueCodeableConcept;
  const codes = conceptCodes(answer);
  if (codes.includes('77386006')) return true;
  if (codes.includes('60001007')) return false;
  const text = conceptText(answer)?.toLowerCase();
  return text ? /\bpregnant\b/.test(text) && !/\bnot\b/.test(text) : undefined;
}

/** Lab results and vitals only: social history, surveys and the like are not facts a reply cites. */
export function mapObservation(o: FhirObservation, warnings: string[]): ObservationFact | undefined {
  const source = `Observation/${o.id}`;
  if (o.status && !USABLE_STATUS.has(o.status)) return undefined;
  const category = categoryOf(o.category);
  if (category === 'other') return undefined;
  const name = conceptText(o.code);
  if (!name) {
    warnings.push(`${source}: skipped, no code text or display`);
    return undefined;
  }
  const fact: ObservationFact = {
    source,
    name,
    code: preferredCode(o.code, 'loinc'),
    category,
    date: o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued,
  };
  Object.assign(fact, stripUndefined(valueParts(o)));
  const valueText = o.valueString?.trim() || conceptText(o.valueCodeableConcept);
  if (valueText) fact.valueText = valueText;

  const components = mapComponents(o);
  if (components.length) {
    fact.components = components;
    const values = components.map((c) => c.value);
    if (fact.value === undefined && values.every((v) => v !== undefined)) fact.valueText = values.join('/');
    fact.unit ??= components.find((c) => c.unit)?.unit;
    fact.flag = worstFlag([fact.flag, ...components.map((c) => c.flag)]);
  }
  if (fact.value === undefined && !fact.valueText) {
    warnings.push(`${source}: skipped, no value`);
    return undefined;
  }
  return stripUndefined(fact);
}

function stripUndefined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}
