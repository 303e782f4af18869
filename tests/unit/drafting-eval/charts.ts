/** A hand-written simple chart for the blind-evaluation tests (fictional person, 555 number). */
export const NOW = new Date('2026-12-07T15:00:00-06:00');
export const ZONE = 'America/Chicago';

export function sampleChart() {
  return {
    patient: {
      given: 'Marisol',
      family: 'Ortega Vidal',
      birthDate: '1979-05-14',
      sex: 'female',
      language: 'es',
      phone: '512-555-0187',
    },
    conditions: [
      { name: 'Type 2 diabetes mellitus', onset: '2019-03-02' },
      { name: 'Hypothyroidism', onset: null },
    ],
    medications: [
      {
        name: 'metformin 500 mg tablet',
        dose: '1 tablet by mouth twice daily with meals',
        status: 'active',
        refillsLeft: 3,
        lastFilled: '2026-11-20',
        daysSupply: 90,
        pharmacy: 'H-E-B Pharmacy - Rundberg Ln',
      },
      {
        name: 'levothyroxine 75 mcg tablet',
        dose: '1 tablet by mouth every morning',
        status: 'Active',
        refillsLeft: 0,
        lastFilled: '2026-10-01',
        daysSupply: 30,
        pharmacy: 'CVS Pharmacy #1177 - Lamar Blvd',
      },
      {
        name: 'glipizide 5 mg tablet',
        dose: '1 tablet by mouth daily',
        status: 'discontinued',
        refillsLeft: 2,
        lastFilled: '2025-01-03',
        daysSupply: 30,
        pharmacy: 'CVS Pharmacy #1177 - Lamar Blvd',
      },
    ],
    allergies: [
      { substance: 'penicillin', reaction: 'hives' },
      { substance: 'latex', reaction: '' },
    ],
    results: [
      { name: 'Hemoglobin A1c', value: 7.4, unit: '%', low: 4.0, high: 5.6, date: '2026-06-02' },
      { name: 'Hemoglobin A1c', value: 6.9, unit: '%', low: 4.0, high: 5.6, date: '2026-11-30' },
      { name: 'INR', value: 2.2, unit: '', low: 2.0, high: 3.0, date: '2026-11-02' },
      { name: 'Urine culture', value: 'no growth', unit: '', low: null, high: null, date: '2026-10-10' },
    ],
    appointments: [
      {
        start: '2026-12-15T09:40:00-06:00',
        type: 'Follow-up - diabetes',
        practitioner: 'Dr. Ana Beltrán, MD',
        status: 'booked',
      },
      { start: '2026-11-30T08:00:00-06:00', type: 'Lab draw', practitioner: 'Lab', status: 'fulfilled' },
      {
        start: '2027-01-05T10:00:00-06:00',
        type: 'Eye exam',
        practitioner: 'Kelly Dawson, NP',
        status: 'cancelled',
      },
    ],
  };
}
