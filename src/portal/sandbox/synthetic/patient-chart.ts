/** A synthetic patient's problems, allergies and medicines, each medicine linked to the problem it treats. */
import type { DateTime } from 'luxon';
import { LAST_FILL_EXTENSION_URL, REFILLS_USED_EXTENSION_URL } from '../../../context/extensions';
import { ALLERGIES, CONDITIONS, PREGNANCY, type ConditionDef, type MedDef } from './catalog-conditions';
import { ICD10, SNOMED, type FhirResource } from './fhir-types';
import type { Demographics } from './patient-demographics';
import type { Rng } from './prng';
import { STAFF, staffRef, type StaffMember } from './staff';

export interface PlannedMed {
  id: string;
  def: MedDef;
  conditionKey: string;
  refillsLeft: number;
  lastFill: string;
  prescriber: StaffMember;
}

export interface ChartPlan {
  conditions: { id: string; def: ConditionDef }[];
  meds: PlannedMed[];
  allergies: { id: string; substance: string; reaction: string; severity: string }[];
  /** Weeks of pregnancy today, for pregnant patients. */
  gestationWeeks?: number;
}

function pickConditions(rng: Rng, d: Demographics): ConditionDef[] {
  const sex = d.person.sex;
  const picked: ConditionDef[] = [];
  for (const def of CONDITIONS) {
    let p = def.prevalence(d.ageYears, sex);
    // Kidney disease mostly follows high blood pressure and diabetes.
    if (def.key === 'ckd' && picked.some((c) => c.key === 'hypertension' || c.key === 'diabetes')) p *= 2.5;
    if (rng.chance(p)) picked.push(def);
  }
  if (rng.chance(PREGNANCY.prevalence(d.ageYears, sex))) picked.push(PREGNANCY);
  return picked;
}

function specialistFor(def: ConditionDef): StaffMember | undefined {
  return def.specialist ? STAFF.find((s) => s.specialty === def.specialist) : undefined;
}

function conditionResource(id: string, patientId: string, def: ConditionDef, onset: DateTime): FhirResource {
  const coding = [
    ...(def.snomed ? [{ system: SNOMED, code: def.snomed, display: def.name }] : []),
    { system: ICD10, code: def.icd10, display: def.name },
  ];
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
    },
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
        ],
      },
    ],
    code: { coding, text: def.name },
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: onset.toISODate(),
  };
}

function medicationResource(
  patientId: string,
  m: PlannedMed,
  authored: DateTime,
  conditionId: string,
): FhirResource {
  const repeats = m.def.supplyDays >= 90 ? 3 : 11;
  return {
    resourceType: 'MedicationRequest',
    id: m.id,
    extension: [
      { url: LAST_FILL_EXTENSION_URL, valueDate: m.lastFill },
      { url: REFILLS_USED_EXTENSION_URL, valueInteger: repeats - m.refillsLeft },
    ],
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: m.def.display },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: authored.toISODate(),
    requester: staffRef(m.prescriber),
    reasonReference: [{ reference: `Condition/${conditionId}` }],
    dosageInstruction: [
      {
        text: m.def.directions,
        doseAndRate: [{ doseQuantity: { value: m.def.doseValue, unit: m.def.doseUnit } }],
      },
    ],
    dispenseRequest: {
      validityPeriod: { start: authored.toISODate(), end: authored.plus({ days: 365 }).toISODate() },
      numberOfRepeatsAllowed: repeats,
      quantity: { value: m.def.supplyDays, unit: 'doses' },
      expectedSupplyDuration: {
        value: m.def.supplyDays,
        unit: 'days',
        system: 'http://unitsofmeasure.org',
        code: 'd',
      },
    },
  };
}

function allergyResource(id: string, patientId: string, a: ChartPlan['allergies'][number]): FhirResource {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
          code: 'confirmed',
        },
      ],
    },
    code: { text: a.substance },
    patient: { reference: `Patient/${patientId}` },
    criticality: a.severity === 'severe' ? 'high' : 'low',
    reaction: [{ manifestation: [{ text: a.reaction }], severity: a.severity }],
  };
}

/** Problems, allergies and medicines for one patient, as FHIR resources plus the plan messages draw on. */
export function buildChart(rng: Rng, patientId: string, d: Demographics, now: DateTime) {
  const plan: ChartPlan = { conditions: [], meds: [], allergies: [] };
  const resources: FhirResource[] = [];
  const allergyCount = rng.weighted([
    [0, 57],
    [1, 35],
    [2, 8],
  ] as const);
  for (const a of rng.shuffle(ALLERGIES).slice(0, allergyCount)) {
    const entry = { id: `${patientId}-alg-${plan.allergies.length + 1}`, ...a };
    plan.allergies.push(entry);
    resources.push(allergyResource(entry.id, patientId, entry));
  }
  const allergic = (m: MedDef) => plan.allergies.some((a) => a.substance.toLowerCase() === m.generic);

  for (const def of pickConditions(rng, d)) {
    const id = `${patientId}-cond-${def.key}`;
    plan.conditions.push({ id, def });
    let onset: DateTime;
    if (def.key === 'pregnancy') {
      plan.gestationWeeks = rng.int(6, 37);
      onset = now.minus({ weeks: plan.gestationWeeks });
    } else {
      const maxYears = Math.max(0, Math.min(d.ageYears - 1, 15));
      onset = now.minus({ days: rng.int(60, 60 + maxYears * 365) });
    }
    resources.push(conditionResource(id, patientId, def, onset));

    def.meds.forEach((options, group) => {
      const always = group === 0 || def.key === 'transplant';
      if (!always && !rng.chance(0.45)) return;
      const usable = options.filter(
        (m) => !allergic(m) && !plan.meds.some((p) => p.def.generic === m.generic),
      );
      if (!usable.length) return;
      const medDef = rng.pick(usable);
      const authored = now.minus({ days: rng.int(20, 420) });
      const elapsed = Math.floor(now.diff(authored, 'days').days);
      const repeats = medDef.supplyDays >= 90 ? 3 : 11;
      const fills = Math.min(repeats + 1, Math.floor(elapsed / medDef.supplyDays) + 1);
      const specialist = specialistFor(def);
      const planned: PlannedMed = {
        id: `${patientId}-med-${medDef.key}`,
        def: medDef,
        conditionKey: def.key,
        refillsLeft: repeats - (fills - 1),
        lastFill: authored.plus({ days: (fills - 1) * medDef.supplyDays }).toISODate()!,
        prescriber: specialist && rng.chance(0.6) ? specialist : d.pcp,
      };
      plan.meds.push(planned);
      resources.push(medicationResource(patientId, planned, authored, id));
    });
  }
  return { plan, resources };
}
