import { chartFromBundle } from '../../../src/context/from-bundle';
import { LAST_FILL_EXTENSION_URL, REFILLS_USED_EXTENSION_URL } from '../../../src/context/extensions';
import { bundle, condition, medRequest, NOW, patient, practitioner } from './chart-fixtures';

describe('chartFromBundle: Condition', () => {
  it('keeps active confirmed problems with code and onset, and skips inactive or unconfirmed ones', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        condition('c1', 'Essential hypertension', {
          code: {
            coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }],
            text: 'Essential hypertension',
          },
          onsetDateTime: '2019-05-02T10:00:00Z',
        }),
        condition('c2', 'Asthma', { clinicalStatus: { coding: [{ code: 'resolved' }] } }),
        condition('c3', 'Gout', { verificationStatus: { coding: [{ code: 'refuted' }] } }),
        condition('c4', 'Lupus', { verificationStatus: { coding: [{ code: 'provisional' }] } }),
        condition('c5', 'Migraine', { clinicalStatus: { coding: [{ code: 'recurrence' }] } }),
      ]),
      NOW,
    );
    expect(chart.problems).toEqual([
      { source: 'Condition/c1', name: 'Essential hypertension', code: '38341003', onset: '2019-05-02' },
      { source: 'Condition/c5', name: 'Migraine', code: undefined, onset: undefined },
    ]);
  });

  it('marks a pregnancy condition as pregnant, by code or by name', () => {
    const byCode = chartFromBundle(
      bundle([
        patient(),
        condition('c1', 'Supervision of normal pregnancy', {
          code: { coding: [{ code: 'Z34.90' }], text: 'Prenatal care' },
        }),
      ]),
      NOW,
    );
    expect(byCode.patient.pregnant).toBe(true);
    const byName = chartFromBundle(bundle([patient(), condition('c1', 'Pregnancy, 12 weeks')]), NOW);
    expect(byName.patient.pregnant).toBe(true);
    const history = chartFromBundle(bundle([patient(), condition('c1', 'History of pregnancy loss')]), NOW);
    expect(history.patient.pregnant).toBeUndefined();
  });

  it('reads pregnancy status from an Observation when no condition says so', () => {
    const obs = (answer: string, date: string, id: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [{ coding: [{ code: 'social-history' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
      effectiveDateTime: date,
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: answer }] },
    });
    const chart = chartFromBundle(
      bundle([patient(), obs('77386006', '2025-01-01', 'o1'), obs('60001007', '2026-02-01', 'o2')]),
      NOW,
    );
    expect(chart.patient.pregnant).toBe(false);
  });
});

describe('chartFromBundle: MedicationRequest', () => {
  it('maps name, dose, directions, refills left, last fill, supply, prescriber and indication', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        practitioner,
        condition('c1', 'Essential hypertension'),
        medRequest('m1', 'Lisinopril 10 mg tablet', {
          extension: [
            { url: LAST_FILL_EXTENSION_URL, valueDate: '2026-02-20' },
            { url: REFILLS_USED_EXTENSION_URL, valueInteger: 2 },
          ],
          requester: { reference: 'Practitioner/dr1' },
          reasonReference: [{ reference: 'Condition/c1' }],
          dosageInstruction: [
            {
              text: 'Take 1 tablet by mouth once daily.',
              doseAndRate: [{ doseQuantity: { value: 10, unit: 'mg' } }],
            },
          ],
          dispenseRequest: {
            numberOfRepeatsAllowed: 3,
            expectedSupplyDuration: { value: 3, unit: 'months' },
          },
        }),
      ]),
      NOW,
    );
    expect(chart.medications).toEqual([
      {
        source: 'MedicationRequest/m1',
        name: 'Lisinopril 10 mg tablet',
        code: undefined,
        dose: '10 mg',
        directions: 'Take 1 tablet by mouth once daily.',
        refillsLeft: 1,
        lastFill: '2026-02-20',
        daysSupply: 90,
        prescriber: 'Dr. Tendai Okonjo',
        indication: 'Essential hypertension',
      },
    ]);
  });

  it('counts completed MedicationDispense records as fills when there is no extension', () => {
    const dispense = (id: string, when: string, status = 'completed') => ({
      resourceType: 'MedicationDispense',
      id,
      status,
      authorizingPrescription: [{ reference: 'MedicationRequest/m1' }],
      whenHandedOver: when,
    });
    const chart = chartFromBundle(
      bundle([
        patient(),
        medRequest('m1', 'Metformin 500 mg tablet', { dispenseRequest: { numberOfRepeatsAllowed: 5 } }),
        dispense('d1', '2025-10-01'),
        dispense('d2', '2026-01-03'),
        dispense('d3', '2026-03-01', 'cancelled'),
      ]),
      NOW,
    );
    // The first dispense is the original fill, so two dispenses use one of five repeats.
    expect(chart.medications[0]).toMatchObject({ refillsLeft: 4, lastFill: '2026-01-03' });
  });

  it('falls back to validityPeriod.start for the last fill, and resolves medicationReference', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        {
          resourceType: 'Medication',
          id: 'med9',
          code: {
            coding: [
              {
                system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
                code: '1364445',
                display: 'Apixaban 5 mg tablet',
              },
            ],
          },
        },
        {
          resourceType: 'MedicationRequest',
          id: 'm2',
          status: 'active',
          medicationReference: { reference: 'Medication/med9' },
          dispenseRequest: { validityPeriod: { start: '2025-12-01' }, numberOfRepeatsAllowed: 0 },
        },
      ]),
      NOW,
    );
    expect(chart.medications[0]).toMatchObject({
      name: 'Apixaban 5 mg tablet',
      code: '1364445',
      lastFill: '2025-12-01',
      refillsLeft: 0,
    });
  });

  it('skips stopped, completed and draft requests', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        ...['stopped', 'completed', 'draft', 'entered-in-error'].map((status, i) =>
          medRequest(`m${i}`, 'Amoxicillin', { status }),
        ),
      ]),
      NOW,
    );
    expect(chart.medications).toEqual([]);
    expect(chart.warnings).toEqual([]);
  });
});

describe('chartFromBundle: AllergyIntolerance', () => {
  it('maps substance, reaction and severity; skips resolved and refuted allergies', () => {
    const allergy = (id: string, text: string, extra = {}) => ({
      resourceType: 'AllergyIntolerance',
      id,
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { text },
      patient: { reference: 'Patient/p1' },
      ...extra,
    });
    const chart = chartFromBundle(
      bundle([
        patient(),
        allergy('a1', 'Penicillin', {
          reaction: [
            {
              manifestation: [{ text: 'Hives' }, { coding: [{ display: 'Wheezing' }] }],
              severity: 'moderate',
            },
          ],
        }),
        allergy('a2', 'Peanuts', { criticality: 'high' }),
        allergy('a3', 'Latex', { clinicalStatus: { coding: [{ code: 'resolved' }] } }),
        allergy('a4', 'Sulfa', { verificationStatus: { coding: [{ code: 'refuted' }] } }),
      ]),
      NOW,
    );
    expect(chart.allergies).toEqual([
      {
        source: 'AllergyIntolerance/a1',
        substance: 'Penicillin',
        reaction: 'Hives, Wheezing',
        severity: 'moderate',
      },
      {
        source: 'AllergyIntolerance/a2',
        substance: 'Peanuts',
        reaction: undefined,
        severity: 'high criticality',
      },
    ]);
  });
});
