/** Laboratory tests and vital signs the synthetic clinic measures, with adult reference ranges. */

export interface LabDef {
  key: string;
  loinc: string;
  name: string;
  unit: string;
  low?: number;
  high?: number;
  /** Beyond these the result is flagged HH / LL (critical). */
  criticalLow?: number;
  criticalHigh?: number;
  decimals: number;
  category: 'laboratory' | 'vital-signs';
}

const lab = (d: Omit<LabDef, 'category'>): LabDef => ({ ...d, category: 'laboratory' });

export const LABS = {
  a1c: lab({
    key: 'a1c',
    loinc: '4548-4',
    name: 'Hemoglobin A1c',
    unit: '%',
    low: 4.0,
    high: 5.6,
    decimals: 1,
  }),
  glucose: lab({
    key: 'glucose',
    loinc: '2345-7',
    name: 'Glucose',
    unit: 'mg/dL',
    low: 70,
    high: 99,
    criticalLow: 50,
    criticalHigh: 400,
    decimals: 0,
  }),
  potassium: lab({
    key: 'potassium',
    loinc: '2823-3',
    name: 'Potassium',
    unit: 'mmol/L',
    low: 3.5,
    high: 5.1,
    criticalLow: 2.8,
    criticalHigh: 6.0,
    decimals: 1,
  }),
  sodium: lab({
    key: 'sodium',
    loinc: '2951-2',
    name: 'Sodium',
    unit: 'mmol/L',
    low: 135,
    high: 145,
    criticalLow: 120,
    criticalHigh: 160,
    decimals: 0,
  }),
  creatinine: lab({
    key: 'creatinine',
    loinc: '2160-0',
    name: 'Creatinine',
    unit: 'mg/dL',
    low: 0.6,
    high: 1.3,
    decimals: 2,
  }),
  egfr: lab({
    key: 'egfr',
    loinc: '98979-8',
    name: 'eGFR',
    unit: 'mL/min/1.73m2',
    low: 60,
    high: 120,
    decimals: 0,
  }),
  tsh: lab({ key: 'tsh', loinc: '3016-3', name: 'TSH', unit: 'mIU/L', low: 0.4, high: 4.0, decimals: 2 }),
  cholesterol: lab({
    key: 'cholesterol',
    loinc: '2093-3',
    name: 'Cholesterol, total',
    unit: 'mg/dL',
    low: 100,
    high: 199,
    decimals: 0,
  }),
  ldl: lab({
    key: 'ldl',
    loinc: '13457-7',
    name: 'LDL cholesterol',
    unit: 'mg/dL',
    low: 0,
    high: 99,
    decimals: 0,
  }),
  hdl: lab({
    key: 'hdl',
    loinc: '2085-9',
    name: 'HDL cholesterol',
    unit: 'mg/dL',
    low: 40,
    high: 100,
    decimals: 0,
  }),
  triglycerides: lab({
    key: 'triglycerides',
    loinc: '2571-8',
    name: 'Triglycerides',
    unit: 'mg/dL',
    low: 0,
    high: 149,
    decimals: 0,
  }),
  // Shown against the warfarin target range, which is what the patient and the clinic talk about.
  inr: lab({
    key: 'inr',
    loinc: '6301-6',
    name: 'INR',
    unit: '{INR}',
    low: 2.0,
    high: 3.0,
    criticalHigh: 4.5,
    decimals: 1,
  }),
  tacrolimus: lab({
    key: 'tacrolimus',
    loinc: '11253-5',
    name: 'Tacrolimus level',
    unit: 'ng/mL',
    low: 5,
    high: 10,
    criticalHigh: 20,
    decimals: 1,
  }),
  hemoglobin: lab({
    key: 'hemoglobin',
    loinc: '718-7',
    name: 'Hemoglobin',
    unit: 'g/dL',
    low: 12.0,
    high: 17.5,
    decimals: 1,
  }),
  wbc: lab({
    key: 'wbc',
    loinc: '6690-2',
    name: 'White blood cell count',
    unit: '10*3/uL',
    low: 4.0,
    high: 11.0,
    decimals: 1,
  }),
  heartRate: {
    key: 'heartRate',
    loinc: '8867-4',
    name: 'Heart rate',
    unit: '/min',
    low: 60,
    high: 100,
    decimals: 0,
    category: 'vital-signs',
  },
} satisfies Record<string, LabDef>;

export type LabKey = keyof typeof LABS;

/** Blood pressure is one Observation with two components. */
export const BLOOD_PRESSURE = {
  loinc: '85354-9',
  name: 'Blood pressure',
  unit: 'mm[Hg]',
  systolic: { loinc: '8480-6', name: 'Systolic blood pressure', low: 90, high: 129 },
  diastolic: { loinc: '8462-4', name: 'Diastolic blood pressure', low: 60, high: 79 },
} as const;

/** HL7 v3 interpretation code for a value against a test's ranges. */
export function interpretationOf(
  def: { low?: number; high?: number; criticalLow?: number; criticalHigh?: number },
  value: number,
): 'HH' | 'H' | 'LL' | 'L' | 'N' {
  if (def.criticalHigh !== undefined && value >= def.criticalHigh) return 'HH';
  if (def.criticalLow !== undefined && value <= def.criticalLow) return 'LL';
  if (def.high !== undefined && value > def.high) return 'H';
  if (def.low !== undefined && value < def.low) return 'L';
  return 'N';
}
