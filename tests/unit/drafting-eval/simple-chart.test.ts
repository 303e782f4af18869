import { chartFromBundle, toTriageFacts } from '../../../src/context';
import { summarizeChart } from '../../../scripts/drafting-eval/chart-summary';
import { parseSimpleChart, patientIdFor, simpleChartToBundle } from '../../helpers/simple-chart';
import { NOW, ZONE, sampleChart } from './charts';

type Json = Record<string, unknown>;

function resources(bundle: Json, type: string): Json[] {
  return (bundle.entry as { resource: Json }[]).map((e) => e.resource).filter((r) => r.resourceType === type);
}

describe('simple chart → FHIR Bundle → the product chart reader', () => {
  const bundle = simpleChartToBundle(sampleChart(), 'pt-d01-001');
  const chart = chartFromBundle(bundle, NOW);

  it('reads every resource without a warning', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(chart.warnings).toEqual([]);
  });

  it('gives back the patient as written', () => {
    expect(chart.patient).toMatchObject({
      source: 'Patient/pt-d01-001',
      givenNames: ['Marisol'],
      familyName: 'Ortega Vidal',
      birthDate: '1979-05-14',
      ageYears: 47,
      sex: 'female',
      preferredLanguage: 'es',
      phones: ['512-555-0187'],
    });
  });

  it('gives back conditions with their onset, and medicines with directions, refills left, last fill and supply', () => {
    expect(chart.problems.map((p) => [p.name, p.onset])).toEqual([
      ['Type 2 diabetes mellitus', '2019-03-02'],
      ['Hypothyroidism', undefined],
    ]);
    expect(chart.medications).toEqual([
      expect.objectContaining({
        name: 'metformin 500 mg tablet',
        directions: '1 tablet by mouth twice daily with meals',
        refillsLeft: 3,
        lastFill: '2026-11-20',
        daysSupply: 90,
      }),
      expect.objectContaining({
        name: 'levothyroxine 75 mcg tablet',
        directions: '1 tablet by mouth every morning',
        refillsLeft: 0,
        lastFill: '2026-10-01',
        daysSupply: 30,
      }),
    ]);
    expect(toTriageFacts(chart).medications).not.toContain('glipizide');
  });

  it('keeps what the reader leaves out in the Bundle: the stopped medicine and each pharmacy', () => {
    const meds = resources(bundle, 'MedicationRequest');
    expect(meds.map((m) => m.status)).toEqual(['active', 'active', 'stopped']);
    expect(meds.map((m) => (m.dispenseRequest as Json).performer)).toEqual([
      { display: 'H-E-B Pharmacy - Rundberg Ln' },
      { display: 'CVS Pharmacy #1177 - Lamar Blvd' },
      { display: 'CVS Pharmacy #1177 - Lamar Blvd' },
    ]);
  });

  it('gives back allergies, and results newest first with value, unit, range, date and the flag the range implies', () => {
    expect(chart.allergies.map((a) => [a.substance, a.reaction])).toEqual([
      ['penicillin', 'hives'],
      ['latex', undefined],
    ]);
    expect(chart.observations).toEqual([
      expect.objectContaining({ name: 'Hemoglobin A1c', value: 6.9, unit: '%', low: 4, high: 5.6 }),
      expect.objectContaining({ name: 'INR', value: 2.2, low: 2, high: 3, flag: 'normal' }),
      expect.objectContaining({ name: 'Urine culture', valueText: 'no growth' }),
      expect.objectContaining({ name: 'Hemoglobin A1c', value: 7.4, date: '2026-06-02' }),
    ]);
    expect(chart.observations[0]).toMatchObject({ date: '2026-11-30', flag: 'high', category: 'laboratory' });
    expect(chart.observations[1].unit).toBeUndefined();
  });

  it('gives back the upcoming booked visit with its type and clinician; past and cancelled ones keep their status', () => {
    expect(chart.appointments).toEqual([
      expect.objectContaining({
        start: '2026-12-15T09:40:00-06:00',
        description: 'Follow-up - diabetes',
        practitioner: 'Dr. Ana Beltrán, MD',
        status: 'booked',
      }),
    ]);
    expect(resources(bundle, 'Appointment').map((a) => a.status)).toEqual([
      'booked',
      'fulfilled',
      'cancelled',
    ]);
  });

  it('takes an empty chart, numbers written as strings, and nulls for "not recorded"', () => {
    const empty = chartFromBundle(simpleChartToBundle({}, 'p1'), NOW);
    expect(empty.warnings).toEqual([]);
    expect([empty.medications, empty.observations, empty.appointments]).toEqual([[], [], []]);
    const loose = chartFromBundle(
      simpleChartToBundle(
        {
          patient: null,
          medications: [
            { name: 'lisinopril 10 mg tablet', refillsLeft: '2', daysSupply: '30', status: null },
          ],
          results: [{ name: 'Potassium', value: '5.4', unit: 'mmol/L', low: '3.5', high: '5.1' }],
          appointments: [{ start: '2026-12-20T10:00:00-06:00' }],
        },
        'p2',
      ),
      NOW,
    );
    expect(loose.medications[0]).toMatchObject({ refillsLeft: 2, daysSupply: 30 });
    expect(loose.observations[0]).toMatchObject({ value: 5.4, flag: 'high' });
    expect(loose.appointments[0].status).toBe('booked');
  });

  it('refuses an unknown status, a negative refill count or a medicine without a name, naming the field only', () => {
    expect(() => parseSimpleChart({ medications: [{ name: 'x', status: 'sometimes' }] })).toThrow(
      /^chart\.medications\.0\.status: not one of: active/,
    );
    expect(() => parseSimpleChart({ medications: [{ name: 'x', refillsLeft: -1 }] })).toThrow(
      /chart\.medications\.0\.refillsLeft/,
    );
    expect(() => parseSimpleChart({ medications: [{ dose: 'secret dose 99' }] })).toThrow(
      /medications\.0\.name/,
    );
    expect(() => parseSimpleChart({ appointments: [{ start: 'x', status: 'maybe-later' }] })).toThrow(
      /appointments\.0\.status/,
    );
    expect(() => parseSimpleChart('not a chart')).toThrow(/^chart\./);
    expect(() => parseSimpleChart({ appointments: [{ start: 'x', status: 'constructor' }] })).toThrow(
      /status/,
    );
    try {
      parseSimpleChart({ patient: { sex: 'sometimes-private-value' } });
    } catch (err) {
      expect((err as Error).message).not.toContain('sometimes-private-value');
    }
  });

  it('makes a valid FHIR id from any batch line id', () => {
    expect(patientIdFor('d01-004')).toBe('pt-d01-004');
    expect(patientIdFor('batch 2 / #7')).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(() => simpleChartToBundle({}, 'bad id!')).toThrow(/FHIR id/);
  });
});

describe('chart summary for the rater', () => {
  const summary = summarizeChart(parseSimpleChart(sampleChart()), NOW, ZONE);

  it('shows the whole chart as written, statuses included, in plain lines', () => {
    const lines = summary.split('\n');
    expect(lines[0]).toBe('Marisol Ortega Vidal, female, 47 years old (born 1979-05-14), prefers Spanish');
    expect(summary).toContain('Conditions: Type 2 diabetes mellitus (since 2019-03-02); Hypothyroidism');
    expect(summary).toContain(
      'metformin 500 mg tablet, 1 tablet by mouth twice daily with meals, 3 refills left, last filled 2026-11-20, 90-day supply, H-E-B Pharmacy - Rundberg Ln',
    );
    expect(summary).toContain('glipizide 5 mg tablet (stopped)');
    expect(summary).toContain('Allergies: penicillin (hives); latex');
    expect(summary).toContain('Hemoglobin A1c 6.9 % (range 4–5.6, HIGH) on 2026-11-30');
    expect(summary).toContain('INR 2.2 (range 2–3) on 2026-11-02');
    expect(summary.indexOf('6.9 %')).toBeLessThan(summary.indexOf('7.4 %'));
    expect(summary).toContain(
      'Tue 15 Dec 2026, 9:40 AM CST: Follow-up - diabetes with Dr. Ana Beltrán, MD (booked)',
    );
    expect(summary).toContain('Eye exam with Kelly Dawson, NP (cancelled)');
  });

  it('leaves out the phone number and says when a section is empty', () => {
    expect(summary).not.toContain('555-0187');
    expect(summarizeChart(parseSimpleChart({}), NOW, ZONE)).toBe(
      [
        'Patient (no name recorded)',
        'Conditions: none recorded',
        'Medicines: none recorded',
        'Allergies: none recorded',
        'Results: none recorded',
        'Visits: none recorded',
      ].join('\n'),
    );
  });
});
