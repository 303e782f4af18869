import { chartFromBundle, MAX_BUNDLE_ENTRIES } from '../../../src/context/from-bundle';
import { Rng } from '../../../src/portal/sandbox/synthetic/prng';
import { bundle, condition, lab, medRequest, NOW, patient } from './chart-fixtures';

describe('chartFromBundle: malformed and hostile input', () => {
  it('skips each malformed resource with a warning naming only type, id and field paths', () => {
    const secret = 'Rosalind Quintero 217-555-0142';
    const chart = chartFromBundle(
      bundle([
        patient(),
        condition('c1', 'Asthma'),
        condition('c2', 'ignored', { code: { text: 42 }, note: secret }),
        medRequest('m1', 'Metformin 500 mg tablet'),
        medRequest('m2', 'x', { dispenseRequest: { numberOfRepeatsAllowed: 'three' } }),
        lab('o1', '2823-3', 'Potassium', 4.2, '2026-01-01'),
        { ...lab('o2', '2823-3', 'Potassium', 4.2, '2026-01-01'), valueQuantity: { value: secret } },
        { resourceType: 'Observation', id: 'o3', status: 'final' },
        { resourceType: 'AllergyIntolerance', id: '../../etc/passwd', code: { text: 'Peanuts' } },
        { resourceType: 'Appointment', id: 'ap1', start: '2026-05-01T10:00:00Z' },
        { resourceType: 'Condition', id: 'c3', clinicalStatus: { coding: [{ code: 'active' }] }, code: {} },
        'not a resource',
        { resourceType: 7 },
      ]),
      NOW,
    );
    expect(chart.problems.map((p) => p.source)).toEqual(['Condition/c1']);
    expect(chart.medications.map((m) => m.source)).toEqual(['MedicationRequest/m1']);
    expect(chart.observations.map((o) => o.source)).toEqual(['Observation/o1']);
    expect(chart.allergies).toEqual([]);
    expect(chart.appointments).toEqual([]);
    expect(chart.warnings).toEqual([
      'Bundle.entry[11]: skipped, no resource',
      'Condition/c2: skipped, invalid code.text',
      'MedicationRequest/m2: skipped, invalid dispenseRequest.numberOfRepeatsAllowed',
      'Observation/o2: skipped, invalid valueQuantity.value',
      'Observation/o3: skipped, invalid code',
      'AllergyIntolerance (resource 8, no valid id): skipped, invalid id',
      'Appointment/ap1: skipped, invalid status',
      'resource 11: skipped, not a FHIR resource',
      'Condition/c3: skipped, no code text or display',
    ]);
    expect(chart.warnings.join('\n')).not.toMatch(/Rosalind|555|passwd/);
  });

  it('warns about entries without a resource and ignores search outcomes and unknown types', () => {
    const chart = chartFromBundle(
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          { resource: patient() },
          { fullUrl: 'urn:x' },
          null,
          { resource: { resourceType: 'OperationOutcome', issue: [] }, search: { mode: 'outcome' } },
          { resource: { resourceType: 'Encounter', id: 'e1' } },
        ],
      },
      NOW,
    );
    expect(chart.patient.source).toBe('Patient/p1');
    expect(chart.warnings).toEqual([
      'Bundle.entry[1]: skipped, no resource',
      'Bundle.entry[2]: skipped, no resource',
    ]);
  });

  it('never mixes charts: resources of another patient are skipped', () => {
    const other = { ...condition('c9', 'Epilepsy'), subject: { reference: 'Patient/someone-else' } };
    const chart = chartFromBundle(
      bundle([patient(), condition('c1', 'Asthma'), other, { ...patient(), id: 'p2' }]),
      NOW,
    );
    expect(chart.problems.map((p) => p.source)).toEqual(['Condition/c1']);
    expect(chart.warnings).toEqual([
      'Bundle: more than one Patient; only the first is used',
      'Condition/c9: skipped, belongs to another patient',
    ]);
  });

  it('handles a bundle without a Patient, an empty bundle and duplicated resources', () => {
    const noPatient = chartFromBundle(bundle([condition('c1', 'Asthma')]), NOW);
    expect(noPatient.patient.source).toBe('');
    expect(noPatient.problems).toHaveLength(1);
    expect(noPatient.warnings).toEqual(['Bundle: no valid Patient resource']);

    expect(chartFromBundle({ resourceType: 'Bundle', type: 'collection' }, NOW).warnings).toEqual([
      'Bundle: no valid Patient resource',
    ]);
    const dup = chartFromBundle(
      bundle([patient(), condition('c1', 'Asthma'), condition('c1', 'Asthma')]),
      NOW,
    );
    expect(dup.problems).toHaveLength(1);
  });

  it('reads at most MAX_BUNDLE_ENTRIES entries of a huge bundle, quickly', () => {
    const many = Array.from({ length: MAX_BUNDLE_ENTRIES + 500 }, (_, i) =>
      lab(`o${i}`, '2823-3', 'Potassium', 4, '2026-01-01'),
    );
    const started = Date.now();
    const chart = chartFromBundle(bundle([patient(), ...many]), NOW);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(chart.observations).toHaveLength(MAX_BUNDLE_ENTRIES - 1);
    expect(chart.warnings).toEqual([
      `Bundle: only the first ${MAX_BUNDLE_ENTRIES} of ${MAX_BUNDLE_ENTRIES + 501} entries read`,
    ]);
  });
});

describe('chartFromBundle: random garbage never crashes', () => {
  const TYPES = [
    'Patient',
    'Condition',
    'MedicationRequest',
    'AllergyIntolerance',
    'Observation',
    'Appointment',
    'CareTeam',
  ];
  const FIELDS = [
    'id',
    'status',
    'code',
    'subject',
    'valueQuantity',
    'component',
    'name',
    'birthDate',
    'start',
  ];

  function garbage(rng: Rng, depth: number): unknown {
    const roll = rng.int(0, depth > 2 ? 4 : 6);
    if (roll === 0) return null;
    if (roll === 1) return rng.int(-5, 1e6);
    if (roll === 2)
      return rng.pick(['', 'active', 'p1', '2026-01-01', '\u0000', 'x'.repeat(rng.int(1, 300))]);
    if (roll === 3) return rng.chance(0.5);
    if (roll === 4) return undefined;
    if (roll === 5) return Array.from({ length: rng.int(0, 4) }, () => garbage(rng, depth + 1));
    return Object.fromEntries(FIELDS.filter(() => rng.chance(0.4)).map((f) => [f, garbage(rng, depth + 1)]));
  }

  it('returns a chart (with warnings) for 300 bundles of randomly broken resources', () => {
    const rng = new Rng(99);
    for (let i = 0; i < 300; i++) {
      const resources = Array.from({ length: rng.int(0, 12) }, () => ({
        ...(garbage(rng, 0) as object),
        resourceType: rng.pick(TYPES),
        id: rng.chance(0.8) ? `r${i}` : garbage(rng, 2),
      }));
      const chart = chartFromBundle(bundle(resources), NOW);
      expect(Array.isArray(chart.warnings)).toBe(true);
      expect(
        chart.problems.every((p) => typeof p.name === 'string' && p.source.startsWith('Condition/')),
      ).toBe(true);
    }
  });
});
