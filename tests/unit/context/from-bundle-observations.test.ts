import { chartFromBundle } from '../../../src/context/from-bundle';
import { bundle, lab, NOW, patient, practitioner } from './chart-fixtures';

const interp = (code: string) => ({ interpretation: [{ coding: [{ code }] }] });
const range = (low: number, high: number) => ({
  referenceRange: [{ low: { value: low }, high: { value: high } }],
});

describe('chartFromBundle: Observation', () => {
  it('maps value, unit, range, interpretation flag and date, newest first', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        lab('k1', '2823-3', 'Potassium', 4.9, '2025-09-01T14:00:00Z', { ...range(3.5, 5.1), ...interp('N') }),
        lab('k2', '2823-3', 'Potassium', 5.6, '2026-03-01T14:00:00Z', { ...range(3.5, 5.1), ...interp('H') }),
        lab('k3', '2823-3', 'Potassium', 6.4, '2026-03-10T14:00:00Z', {
          ...range(3.5, 5.1),
          ...interp('HH'),
        }),
      ]),
      NOW,
    );
    expect(chart.observations.map((o) => [o.source, o.value, o.flag])).toEqual([
      ['Observation/k3', 6.4, 'critical_high'],
      ['Observation/k2', 5.6, 'high'],
      ['Observation/k1', 4.9, 'normal'],
    ]);
    expect(chart.observations[0]).toMatchObject({
      name: 'Potassium',
      code: '2823-3',
      category: 'laboratory',
      unit: 'mmol/L',
      low: 3.5,
      high: 5.1,
      date: '2026-03-10T14:00:00Z',
    });
  });

  it('maps every interpretation code, and derives a flag from the range when none is sent', () => {
    const codes: [string, string][] = [
      ['L', 'low'],
      ['LL', 'critical_low'],
      ['A', 'abnormal'],
      ['AA', 'abnormal'],
      ['H', 'high'],
    ];
    const resources = codes.map(([code], i) =>
      lab(`x${i}`, '2951-2', 'Sodium', 140, `2026-01-0${i + 1}`, interp(code)),
    );
    resources.push(lab('y1', '2345-7', 'Glucose', 182, '2026-02-01', range(70, 99)));
    resources.push(lab('y2', '2345-7', 'Glucose', 52, '2026-02-02', range(70, 99)));
    const chart = chartFromBundle(bundle([patient(), ...resources]), NOW);
    const flags = Object.fromEntries(chart.observations.map((o) => [o.source.split('/')[1], o.flag]));
    expect(flags).toEqual({
      x0: 'low',
      x1: 'critical_low',
      x2: 'abnormal',
      x3: 'abnormal',
      x4: 'high',
      y1: 'high',
      y2: 'low',
    });
  });

  it('reads blood pressure components into one fact with "sys/dia" text and the worst flag', () => {
    const part = (code: string, value: number, flag: string, high: number) => ({
      code: {
        coding: [{ system: 'http://loinc.org', code, display: code === '8480-6' ? 'Systolic' : 'Diastolic' }],
      },
      valueQuantity: { value, unit: 'mmHg' },
      interpretation: [{ coding: [{ code: flag }] }],
      referenceRange: [{ high: { value: high } }],
    });
    const chart = chartFromBundle(
      bundle([
        patient(),
        {
          resourceType: 'Observation',
          id: 'bp1',
          status: 'final',
          category: [{ coding: [{ code: 'vital-signs' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure' }] },
          effectiveDateTime: '2026-03-01',
          component: [part('8480-6', 152, 'H', 129), part('8462-4', 78, 'N', 79)],
        },
      ]),
      NOW,
    );
    expect(chart.observations[0]).toMatchObject({
      source: 'Observation/bp1',
      category: 'vital-signs',
      valueText: '152/78',
      unit: 'mmHg',
      flag: 'high',
      components: [
        { name: 'Systolic', code: '8480-6', value: 152, flag: 'high', high: 129 },
        { name: 'Diastolic', code: '8462-4', value: 78, flag: 'normal', high: 79 },
      ],
    });
  });

  it('keeps text values, and skips other categories, cancelled results and results with no value', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        lab('t1', '5778-6', 'Urine color', 0, '2026-01-01', {
          valueQuantity: undefined,
          valueString: 'Yellow',
        }),
        lab('t2', '2951-2', 'Sodium', 139, '2026-01-01', { category: [{ coding: [{ code: 'survey' }] }] }),
        lab('t3', '2951-2', 'Sodium', 139, '2026-01-01', { status: 'cancelled' }),
        lab('t4', '2951-2', 'Sodium', 0, '2026-01-01', { valueQuantity: undefined }),
      ]),
      NOW,
    );
    expect(chart.observations.map((o) => [o.source, o.valueText])).toEqual([['Observation/t1', 'Yellow']]);
    expect(chart.warnings).toEqual(['Observation/t4: skipped, no value']);
  });
});

describe('chartFromBundle: Appointment and care team', () => {
  const appt = (id: string, start: string | undefined, status = 'booked') => ({
    resourceType: 'Appointment',
    id,
    status,
    start,
    serviceType: [{ text: 'Diabetes follow-up' }],
    participant: [
      { actor: { reference: 'Patient/p1' } },
      { actor: { reference: 'Practitioner/dr1' } },
      { actor: { reference: 'Location/loc1', display: 'Main Street clinic' } },
    ],
  });

  it('keeps upcoming booked and pending appointments, soonest first, with practitioner and location', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        practitioner,
        appt('a1', '2026-04-20T15:00:00Z'),
        appt('a2', '2026-03-20T15:00:00Z', 'pending'),
        appt('a3', '2026-02-20T15:00:00Z'),
        appt('a4', '2026-04-01T15:00:00Z', 'cancelled'),
        appt('a5', undefined, 'pending'),
      ]),
      NOW,
    );
    expect(chart.appointments).toEqual([
      {
        source: 'Appointment/a2',
        start: '2026-03-20T15:00:00Z',
        description: 'Diabetes follow-up',
        practitioner: 'Dr. Tendai Okonjo',
        location: 'Main Street clinic',
        status: 'pending',
      },
      expect.objectContaining({ source: 'Appointment/a1', status: 'booked' }),
    ]);
  });

  it('builds the care team from generalPractitioner and CareTeam members without duplicates', () => {
    const chart = chartFromBundle(
      bundle([
        patient(),
        practitioner,
        {
          resourceType: 'CareTeam',
          id: 'ct1',
          status: 'active',
          subject: { reference: 'Patient/p1' },
          participant: [
            { member: { reference: 'Practitioner/dr1' }, role: [{ text: 'PCP' }] },
            {
              member: { reference: 'Practitioner/dr2', display: 'Dr. Ines Varga' },
              role: [{ text: 'Cardiology' }],
            },
            { member: { reference: 'RelatedPerson/rp1', display: 'A neighbour' } },
          ],
        },
      ]),
      NOW,
    );
    expect(chart.careTeam).toEqual([
      { source: 'Practitioner/dr1', name: 'Dr. Tendai Okonjo', role: 'primary care' },
      { source: 'CareTeam/ct1', name: 'Dr. Ines Varga', role: 'Cardiology' },
    ]);
  });
});
