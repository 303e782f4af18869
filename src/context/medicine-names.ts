/** What patients call their medicines: brand names, Spanish names, and words for a kind of medicine. */
import { tokenize } from './text-match';

/** Brand (or Spanish / international) name → generic name, as patients write them. */
export const OTHER_NAMES_TO_GENERIC: Record<string, string> = {
  zestril: 'lisinopril',
  prinivil: 'lisinopril',
  norvasc: 'amlodipine',
  amlodipino: 'amlodipine',
  cozaar: 'losartan',
  microzide: 'hydrochlorothiazide',
  hctz: 'hydrochlorothiazide',
  hidroclorotiazida: 'hydrochlorothiazide',
  glucophage: 'metformin',
  lantus: 'insulin glargine',
  basaglar: 'insulin glargine',
  toujeo: 'insulin glargine',
  humalog: 'insulin lispro',
  novolog: 'insulin aspart',
  insulina: 'insulin',
  synthroid: 'levothyroxine',
  levoxyl: 'levothyroxine',
  levotiroxina: 'levothyroxine',
  lipitor: 'atorvastatin',
  crestor: 'rosuvastatin',
  zocor: 'simvastatin',
  proair: 'albuterol',
  ventolin: 'albuterol',
  proventil: 'albuterol',
  salbutamol: 'albuterol',
  flovent: 'fluticasone',
  eliquis: 'apixaban',
  coumadin: 'warfarin',
  jantoven: 'warfarin',
  xarelto: 'rivaroxaban',
  toprol: 'metoprolol',
  lopressor: 'metoprolol',
  prograf: 'tacrolimus',
  envarsus: 'tacrolimus',
  cellcept: 'mycophenolate',
  micofenolato: 'mycophenolate',
  zoloft: 'sertraline',
  lexapro: 'escitalopram',
  prozac: 'fluoxetine',
  prilosec: 'omeprazole',
  protonix: 'pantoprazole',
  keppra: 'levetiracetam',
  claritin: 'loratadine',
  concerta: 'methylphenidate',
  ritalin: 'methylphenidate',
  lasix: 'furosemide',
  jardiance: 'empagliflozin',
  ozempic: 'semaglutide',
  plavix: 'clopidogrel',
  neurontin: 'gabapentin',
};

/** Generic names patients often write, to notice a medicine named in a message that the chart lacks. */
export const KNOWN_GENERICS = [
  ...new Set([
    ...Object.values(OTHER_NAMES_TO_GENERIC),
    'amoxicillin',
    'azithromycin',
    'prednisone',
    'ibuprofen',
    'acetaminophen',
    'naproxen',
    'gabapentin',
    'furosemide',
    'hydrochlorothiazide',
    'clopidogrel',
    'glipizide',
    'insulin',
    'cetirizine',
    'montelukast',
    'tramadol',
    'oxycodone',
    'trazodone',
    'bupropion',
    'duloxetine',
    'carvedilol',
    'spironolactone',
    'allopurinol',
    'tamsulosin',
    'finasteride',
    'sumatriptan',
    'cyclobenzaprine',
    'ondansetron',
    'nitrofurantoin',
    'ciprofloxacin',
    'doxycycline',
    'cephalexin',
  ]),
];

/** Words patients use for a kind of medicine, and the problems (by name) such medicines treat. */
export const MEDICINE_KINDS: { words: string[]; indication: RegExp; generics: string[] }[] = [
  {
    words: ['blood pressure', 'bp', 'presion', 'presion arterial'],
    indication: /hypertens|blood pressure/i,
    generics: ['lisinopril', 'amlodipine', 'losartan', 'hydrochlorothiazide', 'metoprolol'],
  },
  {
    words: ['cholesterol', 'colesterol', 'statin'],
    indication: /lipid|cholesterol/i,
    generics: ['atorvastatin', 'rosuvastatin', 'simvastatin'],
  },
  { words: ['thyroid', 'tiroides'], indication: /thyroid/i, generics: ['levothyroxine'] },
  {
    words: ['blood thinner', 'anticoagulante', 'anticoagulant'],
    indication: /fibrillation|thromb|embol/i,
    generics: ['apixaban', 'warfarin', 'rivaroxaban'],
  },
  {
    words: ['inhaler', 'inhalador', 'puffer', 'asthma', 'asma'],
    indication: /asthma|copd/i,
    generics: ['albuterol', 'fluticasone', 'budesonide'],
  },
  {
    words: ['diabetes', 'sugar', 'azucar'],
    indication: /diabet/i,
    generics: ['metformin', 'insulin'],
  },
  {
    words: ['water pill', 'diuretic', 'diuretico'],
    indication: /heart failure|edema/i,
    generics: ['furosemide', 'hydrochlorothiazide'],
  },
  {
    words: ['transplant', 'trasplante', 'anti rejection', 'antirejection'],
    indication: /transplant/i,
    generics: ['tacrolimus', 'mycophenolate', 'prednisone'],
  },
  {
    words: ['antidepressant', 'depression', 'depresion', 'anxiety', 'ansiedad'],
    indication: /depress|anxiety/i,
    generics: ['sertraline', 'escitalopram', 'fluoxetine'],
  },
  { words: ['seizure', 'convulsiones'], indication: /epilep|seizure/i, generics: ['levetiracetam'] },
];

const FORM_WORDS = new Set(
  'tablet tablets tab capsule capsules cap oral solution suspension inhaler hfa pen injection cream ointment er xl sr dr ec extended release delayed chewable patch spray nasal drops mg mcg ml units unit g actuation'.split(
    ' ',
  ),
);
const SALT_WORDS = new Set(
  'succinate tartrate mofetil sodium hydrochloride hcl potassium calcium besylate maleate'.split(' '),
);

/** "Metoprolol succinate ER 25 mg tablet" → "metoprolol succinate": the name without strength or form. */
export function medicineBaseName(name: string): string {
  const words: string[] = [];
  for (const w of tokenize(name)) {
    if (/\d/.test(w) || FORM_WORDS.has(w)) break;
    words.push(w);
  }
  return words.join(' ') || tokenize(name)[0] || name.toLowerCase();
}

/** Every name a patient might use for a chart medicine: base name, its main words, brands, Spanish names. */
export function namesForMedicine(name: string): string[] {
  const base = medicineBaseName(name);
  const words = base.split(' ').filter((w) => w.length >= 5 && !SALT_WORDS.has(w));
  const names = new Set([base, ...words]);
  for (const [other, generic] of Object.entries(OTHER_NAMES_TO_GENERIC)) {
    if (generic === base || words.includes(generic) || generic.split(' ').every((g) => words.includes(g))) {
      names.add(other);
    }
  }
  return [...names];
}
