/**
 * Problems the synthetic clinic's patients can have, each with the medicines that treat it and the
 * tests that follow it, so every generated chart hangs together (no medicine without an indication).
 */
import type { LabKey } from './catalog-labs';
import { MEDS, type MedDef } from './catalog-medicines';

export { MEDS, type MedDef };

export interface ConditionDef {
  key: string;
  name: string;
  snomed?: string;
  icd10: string;
  /** Yearly-risk-like weight by age and sex; 0 = never. */
  prevalence: (age: number, sex: 'female' | 'male') => number;
  /** Each inner list is one choice of medicine (one option is picked per list). */
  meds: MedDef[][];
  labs: LabKey[];
  bloodPressure?: boolean;
  specialist?: string;
}

const adult =
  (from: number, weight: number, to = 120) =>
  (age: number) =>
    age >= from && age <= to ? weight : 0;
const rising = (from: number, per10: number, cap: number) => (age: number) =>
  age < from ? 0 : Math.min(cap, ((age - from) / 10 + 1) * per10);

export const CONDITIONS: ConditionDef[] = [
  {
    key: 'hypertension',
    name: 'Essential hypertension',
    snomed: '38341003',
    icd10: 'I10',
    prevalence: rising(30, 0.1, 0.65),
    meds: [
      [MEDS.lisinopril10, MEDS.lisinopril20, MEDS.losartan50],
      [MEDS.amlodipine5, MEDS.hctz25],
    ],
    labs: ['potassium', 'creatinine'],
    bloodPressure: true,
  },
  {
    key: 'diabetes',
    name: 'Type 2 diabetes mellitus',
    snomed: '44054006',
    icd10: 'E11.9',
    prevalence: rising(35, 0.06, 0.3),
    meds: [[MEDS.metformin500, MEDS.metformin1000], [MEDS.glargine]],
    labs: ['a1c', 'glucose'],
    specialist: 'Endocrinology',
  },
  {
    key: 'hyperlipidemia',
    name: 'Hyperlipidemia',
    snomed: '55822004',
    icd10: 'E78.5',
    prevalence: rising(35, 0.08, 0.45),
    meds: [[MEDS.atorvastatin20, MEDS.atorvastatin40, MEDS.rosuvastatin10]],
    labs: ['cholesterol', 'ldl', 'hdl', 'triglycerides'],
  },
  {
    key: 'hypothyroidism',
    name: 'Hypothyroidism',
    snomed: '40930008',
    icd10: 'E03.9',
    prevalence: (a, s) => (a < 18 ? 0 : s === 'female' ? 0.1 : 0.03),
    meds: [[MEDS.levothyroxine50, MEDS.levothyroxine88]],
    labs: ['tsh'],
  },
  {
    key: 'ckd',
    name: 'Chronic kidney disease stage 3',
    snomed: '433144002',
    icd10: 'N18.30',
    prevalence: rising(55, 0.05, 0.2),
    meds: [],
    labs: ['creatinine', 'egfr', 'potassium'],
    specialist: 'Nephrology',
  },
  {
    key: 'asthma',
    name: 'Asthma',
    snomed: '195967001',
    icd10: 'J45.909',
    prevalence: (a) => (a >= 4 ? 0.08 : 0),
    meds: [[MEDS.albuterol], [MEDS.fluticasone]],
    labs: [],
  },
  {
    key: 'afib',
    name: 'Atrial fibrillation',
    snomed: '49436004',
    icd10: 'I48.91',
    prevalence: rising(60, 0.06, 0.2),
    meds: [[MEDS.apixaban, MEDS.warfarin], [MEDS.metoprolol]],
    labs: ['heartRate'],
    specialist: 'Cardiology',
  },
  {
    key: 'transplant',
    name: 'Kidney transplant recipient',
    icd10: 'Z94.0',
    prevalence: adult(25, 0.015, 75),
    meds: [[MEDS.tacrolimus], [MEDS.mycophenolate], [MEDS.prednisone]],
    labs: ['tacrolimus', 'creatinine', 'potassium'],
    specialist: 'Transplant nephrology',
  },
  {
    key: 'depression',
    name: 'Major depressive disorder',
    snomed: '35489007',
    icd10: 'F32.A',
    prevalence: adult(16, 0.08),
    meds: [[MEDS.sertraline, MEDS.escitalopram]],
    labs: [],
  },
  {
    key: 'gerd',
    name: 'Gastroesophageal reflux disease',
    snomed: '235595009',
    icd10: 'K21.9',
    prevalence: adult(25, 0.08),
    meds: [[MEDS.omeprazole]],
    labs: [],
  },
  {
    key: 'epilepsy',
    name: 'Epilepsy',
    snomed: '84757009',
    icd10: 'G40.909',
    prevalence: (a) => (a >= 3 ? 0.015 : 0),
    meds: [[MEDS.levetiracetam]],
    labs: [],
    specialist: 'Neurology',
  },
  {
    key: 'rhinitis',
    name: 'Allergic rhinitis',
    snomed: '61582004',
    icd10: 'J30.9',
    prevalence: (a) => (a >= 4 ? 0.08 : 0),
    meds: [[MEDS.loratadine]],
    labs: [],
  },
  {
    key: 'eczema',
    name: 'Atopic dermatitis',
    snomed: '24079001',
    icd10: 'L20.9',
    prevalence: (a) => (a < 14 ? 0.12 : 0),
    meds: [[MEDS.hydrocortisone]],
    labs: [],
  },
  {
    key: 'adhd',
    name: 'Attention deficit hyperactivity disorder',
    snomed: '406506008',
    icd10: 'F90.9',
    prevalence: (a) => (a >= 6 && a < 18 ? 0.08 : 0),
    meds: [[MEDS.methylphenidate]],
    labs: [],
  },
];

/** Pregnancy is added on top of the table above, for some women of childbearing age. */
export const PREGNANCY: ConditionDef = {
  key: 'pregnancy',
  name: 'Pregnancy',
  snomed: '77386006',
  icd10: 'Z34.90',
  prevalence: (a, s) => (s === 'female' && a >= 18 && a <= 42 ? 0.12 : 0),
  meds: [[MEDS.prenatal]],
  labs: ['hemoglobin'],
  specialist: 'Obstetrics',
};

export const ALLERGIES = [
  { substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' },
  { substance: 'Sulfa antibiotics', reaction: 'Rash', severity: 'mild' },
  { substance: 'Amoxicillin', reaction: 'Hives', severity: 'moderate' },
  { substance: 'Codeine', reaction: 'Nausea and vomiting', severity: 'mild' },
  { substance: 'Peanuts', reaction: 'Throat swelling', severity: 'severe' },
  { substance: 'Shellfish', reaction: 'Hives and lip swelling', severity: 'severe' },
  { substance: 'Latex', reaction: 'Itchy rash', severity: 'mild' },
  { substance: 'Ibuprofen', reaction: 'Stomach bleeding', severity: 'moderate' },
  { substance: 'Lisinopril', reaction: 'Cough', severity: 'mild' },
] as const;
