/** Condition, MedicationRequest and AllergyIntolerance → chart facts. */
import { DateTime } from 'luxon';
import type {
  FhirAllergy,
  FhirCondition,
  FhirMedication,
  FhirMedicationDispense,
  FhirMedicationRequest,
} from './fhir-schemas';
import { LAST_FILL_EXTENSION_URL, REFILLS_USED_EXTENSION_URL } from './extensions';
import { conceptCodes, conceptText, datePart, parseFhirDate, preferredCode } from './fhir-values';
import type { AllergyFact, MedicationFact, ProblemFact } from './types';

/** What a mapper may look up elsewhere in the chart (names of linked resources, dispenses). */
export interface ChartLookup {
  displayOf(ref: string | undefined): string | undefined;
  medication(ref: string | undefined): FhirMedication | undefined;
  conditionName(ref: string | undefined): string | undefined;
  dispensesFor(requestRef: string): FhirMedicationDispense[];
}

const ACTIVE_CLINICAL = new Set(['active', 'recurrence', 'relapse']);
// Unconfirmed, provisional and differential diagnoses are not stated to a patient as facts.
const EXCLUDED_VERIFICATION = new Set([
  'refuted',
  'entered-in-error',
  'unconfirmed',
  'provisional',
  'differential',
]);
/** SNOMED CT pregnancy findings and ICD-10 supervision-of-pregnancy codes. */
const PREGNANCY_CODES = new Set(['77386006', '72892002', '47200007', 'z33.1', 'z34.00', 'z34.80', 'z34.90']);

function hasActiveStatus(clinical: string[], verification: string[]): boolean {
  if (verification.some((v) => EXCLUDED_VERIFICATION.has(v))) return false;
  // A missing clinical status is taken as active: R4 only allows that for entered-in-error records.
  return clinical.length === 0 || clinical.some((c) => ACTIVE_CLINICAL.has(c));
}

export function isPregnancyProblem(problem: ProblemFact): boolean {
  if (problem.code && PREGNANCY_CODES.has(problem.code.toLowerCase())) return true;
  if (problem.code && /^z34/i.test(problem.code)) return true;
  return (
    /\bpregnan(t|cy)\b/i.test(problem.name) && !/\b(history|not|no|ectopic|loss|prior)\b/i.test(problem.name)
  );
}

export function mapCondition(c: FhirCondition, warnings: string[]): ProblemFact | undefined {
  const source = `Condition/${c.id}`;
  if (!hasActiveStatus(conceptCodes(c.clinicalStatus), conceptCodes(c.verificationStatus))) return undefined;
  const name = conceptText(c.code);
  if (!name) {
    warnings.push(`${source}: skipped, no code text or display`);
    return undefined;
  }
  return {
    source,
    name,
    code: preferredCode(c.code, 'snomed') ?? preferredCode(c.code, 'icd'),
    onset: datePart(c.onsetDateTime) ?? c.onsetString?.trim(),
  };
}

function formatQuantity(value: number | undefined, unit: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return unit ? `${value} ${unit}` : String(value);
}

function doseOf(m: FhirMedicationRequest): string | undefined {
  for (const d of m.dosageInstruction ?? []) {
    for (const dr of d.doseAndRate ?? []) {
      const q = dr.doseQuantity;
      const single = formatQuantity(q?.value, q?.unit ?? q?.code);
      if (single) return single;
      const low = dr.doseRange?.low;
      const high = dr.doseRange?.high;
      if (low?.value !== undefined && high?.value !== undefined) {
        return `${low.value}-${high.value} ${high.unit ?? low.unit ?? ''}`.trim();
      }
    }
  }
  return undefined;
}

function daysOf(q: { value?: number; unit?: string; code?: string } | undefined): number | undefined {
  if (q?.value === undefined) return undefined;
  const unit = (q.code ?? q.unit ?? 'd').toLowerCase();
  const perUnit = unit.startsWith('w')
    ? 7
    : unit.startsWith('mo')
      ? 30
      : unit === 'a' || unit.startsWith('y')
        ? 365
        : 1;
  return Math.round(q.value * perUnit);
}

function extensionValue(m: FhirMedicationRequest, url: string) {
  return m.extension?.find((e) => e.url === url);
}

/**
 * Refills left = allowed repeats minus repeats used. Used repeats come from our refills-used extension,
 * else from completed MedicationDispense records (the first dispense is the original fill, not a repeat).
 * Last fill = our last-fill-date extension, else the latest dispense, else validityPeriod.start (the
 * prescription's start, when the first fill happens).
 */
function fillsOf(m: FhirMedicationRequest, lookup: ChartLookup): { refillsLeft?: number; lastFill?: string } {
  const dispenses = lookup
    .dispensesFor(`MedicationRequest/${m.id}`)
    .filter((d) => !d.status || d.status === 'completed');
  const allowed = m.dispenseRequest?.numberOfRepeatsAllowed;
  const usedExt = extensionValue(m, REFILLS_USED_EXTENSION_URL)?.valueInteger;
  const used = usedExt ?? (dispenses.length ? Math.max(0, dispenses.length - 1) : undefined);
  const refillsLeft = allowed === undefined ? undefined : Math.max(0, allowed - (used ?? 0));

  const fillExt = extensionValue(m, LAST_FILL_EXTENSION_URL);
  let lastFill = datePart(fillExt?.valueDate ?? fillExt?.valueDateTime);
  if (!lastFill && dispenses.length) {
    const dates = dispenses.map((d) => parseFhirDate(d.whenHandedOver)).filter((d): d is DateTime => !!d);
    if (dates.length) lastFill = DateTime.max(...dates)?.toISODate() ?? undefined;
  }
  lastFill ??= datePart(m.dispenseRequest?.validityPeriod?.start);
  return { refillsLeft, lastFill };
}

export function mapMedicationRequest(
  m: FhirMedicationRequest,
  lookup: ChartLookup,
  warnings: string[],
): MedicationFact | undefined {
  const source = `MedicationRequest/${m.id}`;
  if (m.status !== 'active') return undefined;
  const referenced = lookup.medication(m.medicationReference?.reference);
  const concept = m.medicationCodeableConcept ?? referenced?.code;
  const name = conceptText(concept) ?? m.medicationReference?.display?.trim();
  if (!name) {
    warnings.push(`${source}: skipped, no medication name`);
    return undefined;
  }
  const dosage = m.dosageInstruction?.[0];
  const indication =
    m.reasonReference?.map((r) => lookup.conditionName(r.reference) ?? r.display).find(Boolean) ??
    m.reasonCode?.map(conceptText).find(Boolean);
  return {
    source,
    name,
    code: preferredCode(concept, 'rxnorm'),
    dose: doseOf(m),
    directions: dosage?.text?.trim() || dosage?.patientInstruction?.trim() || undefined,
    ...fillsOf(m, lookup),
    daysSupply: daysOf(m.dispenseRequest?.expectedSupplyDuration),
    prescriber: m.requester?.display?.trim() || lookup.displayOf(m.requester?.reference),
    indication: indication?.trim() || undefined,
  };
}

export function mapAllergy(a: FhirAllergy, warnings: string[]): AllergyFact | undefined {
  const source = `AllergyIntolerance/${a.id}`;
  if (!hasActiveStatus(conceptCodes(a.clinicalStatus), conceptCodes(a.verificationStatus))) return undefined;
  const substance = conceptText(a.code);
  if (!substance) {
    warnings.push(`${source}: skipped, no substance`);
    return undefined;
  }
  const reaction = a.reaction?.[0];
  return {
    source,
    substance,
    reaction: reaction?.manifestation?.map(conceptText).filter(Boolean).join(', ') || undefined,
    severity: reaction?.severity ?? (a.criticality === 'high' ? 'high criticality' : undefined),
  };
}
