import type { ChartContext } from '../../../src/context/types';
import type { TriageResult } from '../../../src/triage/types';

/** A small hand-written chart whose every value the tests know. */
export function sampleChart(overrides: Partial<ChartContext['patient']> = {}): ChartContext {
  return {
    patient: {
      source: 'Patient/p1',
      givenNames: ['Rosalind'],
      familyName: 'Okafor',
      nicknames: ['Roz'],
      birthDate: '1961-04-17',
      ageYears: 65,
      sex: 'female',
      recordNumbers: ['MRN-4471902'],
      phones: ['(555) 201-7788'],
      emails: ['roz.okafor@example.org'],
      addresses: ['44 Birchwood Lane, Springfield'],
      ...overrides,
    },
    problems: [
      { source: 'Condition/c1', name: 'Essential hypertension' },
      { source: 'Condition/c2', name: 'Hypothyroidism' },
    ],
    medications: [
      {
        source: 'MedicationRequest/m1',
        name: 'Lisinopril 10 mg tablet',
        dose: '10 mg',
        directions: 'Take 1 tablet by mouth once daily.',
        refillsLeft: 2,
        lastFill: '2026-10-01',
        prescriber: 'Dr. Ana Ruiz',
      },
      {
        source: 'MedicationRequest/m2',
        name: 'Levothyroxine 50 mcg tablet',
        dose: '50 mcg',
        refillsLeft: 0,
        prescriber: 'Dr. Ana Ruiz',
      },
    ],
    allergies: [{ source: 'AllergyIntolerance/a1', substance: 'Penicillin', reaction: 'hives' }],
    observations: [
      {
        source: 'Observation/o1',
        name: 'TSH',
        category: 'laboratory',
        value: 5.8,
        unit: 'mIU/L',
        low: 0.4,
        high: 4.5,
        flag: 'high',
        date: '2026-11-20',
      },
      {
        source: 'Observation/o0',
        name: 'TSH',
        category: 'laboratory',
        value: 4.1,
        unit: 'mIU/L',
        low: 0.4,
        high: 4.5,
        date: '2026-05-02',
      },
      {
        source: 'Observation/o2',
        name: 'Potassium',
        category: 'laboratory',
        value: 4.2,
        unit: 'mmol/L',
        low: 3.5,
        high: 5.1,
        date: '2026-11-20',
      },
    ],
    appointments: [
      {
        source: 'Appointment/ap1',
        start: '2026-12-03T10:30:00-05:00',
        practitioner: 'Dr. Ana Ruiz',
        status: 'booked',
      },
    ],
    careTeam: [{ source: 'Practitioner/pr1', name: 'Dr. Ana Ruiz', role: 'primary care' }],
    warnings: [],
  };
}

export const NOW = new Date('2026-11-28T15:00:00Z');

export function triage(over: Partial<TriageResult> = {}): TriageResult {
  const category = over.category ?? 'other';
  return {
    urgency: 'routine',
    category,
    categories: [category],
    reasons: [],
    needsReply: true,
    flags: [],
    language: 'en',
    ...over,
  };
}
