/**
 * Spanish names of common generic medicines, for Spanish drafts ("su metformina", not "su metformin").
 * Only names whose grounding key matches the English one (grounding.ts medicineKey) are listed, so the
 * safety check still finds the chart's medicine; a name patients know differently (salbutamol) is left
 * in English rather than risk a flag.
 */
const SPANISH: Record<string, string> = {
  metformin: 'metformina',
  insulin: 'insulina',
  glargine: 'glargina',
  lispro: 'lispro',
  atorvastatin: 'atorvastatina',
  simvastatin: 'simvastatina',
  rosuvastatin: 'rosuvastatina',
  pravastatin: 'pravastatina',
  levothyroxine: 'levotiroxina',
  amlodipine: 'amlodipino',
  losartan: 'losartán',
  warfarin: 'warfarina',
  omeprazole: 'omeprazol',
  pantoprazole: 'pantoprazol',
  sertraline: 'sertralina',
  fluoxetine: 'fluoxetina',
  gabapentin: 'gabapentina',
  hydrochlorothiazide: 'hidroclorotiazida',
  furosemide: 'furosemida',
  prednisone: 'prednisona',
  amoxicillin: 'amoxicilina',
  ibuprofen: 'ibuprofeno',
  glipizide: 'glipizida',
  tamsulosin: 'tamsulosina',
  apixaban: 'apixabán',
  montelukast: 'montelukast',
  carvedilol: 'carvedilol',
  metoprolol: 'metoprolol',
  lisinopril: 'lisinopril',
  clopidogrel: 'clopidogrel',
};

/** The medicine's words in Spanish where a Spanish name exists; doses and other words unchanged. */
export function spanishMedicineName(name: string): string {
  return name.replace(/\p{L}+/gu, (w) => {
    const es = SPANISH[w.toLowerCase()];
    if (!es) return w;
    return w[0] === w[0]!.toUpperCase() ? es[0]!.toUpperCase() + es.slice(1) : es;
  });
}

export const SPANISH_MEDICINE_NAMES: Readonly<Record<string, string>> = SPANISH;
