/**
 * Words the safety checks look for in a draft. Medicines: common generic and brand names in primary
 * care, plus generic-name stems (USAN suffixes) so an unlisted generic is still recognised. Conditions:
 * concepts with their English and Spanish names, so "hipertensión" in a Spanish draft is grounded by
 * "Essential hypertension" in the chart.
 */

const MEDICINES = `
acetaminophen acyclovir adderall advair advil albuterol aleve alendronate allegra allopurinol alprazolam
ambien amiodarone amitriptyline amlodipine amoxicillin amoxicilina amphetamine apixaban aripiprazole aspirin
aspirina atenolol ativan atorvastatin atorvastatina augmentin azithromycin bactrim benadryl biktarvy budesonide
bupropion buspirone carbamazepine carvedilol cefalexina cellcept cephalexin cetirizine chantix cialis cipro
ciprofloxacin citalopram claritin clindamycin clonazepam clonidine clopidogrel colchicine concerta coumadin
cozaar crestor cyclobenzaprine cymbalta depakote dexamethasone dextromethorphan diazepam diclofenac diflucan
digoxin dilantin diltiazem diphenhydramine docusate donepezil doxycycline duloxetine eliquis empagliflozin
enalapril entresto epipen epinephrine escitalopram esomeprazole estradiol ezetimibe famotidine fentanyl
fexofenadine finasteride flagyl flexeril flomax flonase flovent fluconazole fluoxetine fluticasone furosemide
gabapentin glargine glimepiride glipizide glucophage glyburide guaifenesin haloperidol humalog hydralazine
hydrochlorothiazide hydrocodone hydrocortisone hydroxychloroquine hydroxyzine ibuprofen ibuprofeno imitrex
insulin insulina ipratropium januvia jardiance keflex keppra klonopin lamictal lamotrigine lantus lasix
levemir levetiracetam levofloxacin levothyroxine levotiroxina lexapro lipitor lisinopril lithium loperamide
loratadine lorazepam losartan losartán lovastatin lyrica macrobid meclizine medrol melatonin meloxicam
metformin metformina methotrexate methylphenidate methylprednisolone metoprolol metronidazole miralax
mirtazapine montelukast morphine motrin mounjaro mucinex mycophenolate naloxone naproxen narcan neurontin
nexium nitrofurantoin nitroglycerin norco nortriptyline norvasc novolog olanzapine omeprazole ondansetron
oseltamivir oxybutynin oxycodone oxycontin ozempic pantoprazole paracetamol paroxetine paxil paxlovid
penicillin penicilina pepcid percocet phenergan phentermine pioglitazone plavix pravastatin prednisolone
prednisone prilosec prinivil proair prograf promethazine propranolol prozac pseudoephedrine quetiapine
ramipril ranitidine risperidone rivaroxaban rosuvastatin semaglutide seroquel sertraline sildenafil
simvastatin singulair sitagliptin spiriva spironolactone sprintec sudafed suboxone sumatriptan symbicort
synthroid tacrolimus tadalafil tamiflu tamsulosin tegretol tirzepatide topamax topiramate toprol toujeo
tramadol trazodone tresiba trulicity tylenol valacyclovir valium valtrex venlafaxine ventolin verapamil
viagra vicodin victoza vyvanse warfarin wegovy wellbutrin xanax xarelto zestril zetia zithromax zofran
zoloft zolpidem zyrtec`
  .split(/\s+/)
  .filter(Boolean);

const MEDICINE_SET = new Set(MEDICINES);

/** USAN stems; a word this long with one of them is taken as a medicine name (English and Spanish endings). */
const MEDICINE_STEM =
  /(pril|sartan|sartán|olol|dipine|statin|statina|formin|gliptin|gliflozin|glutide|azole|azol|cillin|cilina|cycline|ciclina|mycin|micina|floxacin|floxacino|ciclovir|cyclovir|mab|tinib|azepam|zolam|oxetine|oxetina|triptan|triptyline|semide|thiazide|tiazida|lukast|parin|xaban|prazole|prazol|tidine|tidina|setron|profen|profeno|coxib|codone|codona|gabalin|pentin|pentina|tropium|afil)$/i;

export function isMedicineWord(word: string): boolean {
  const w = word.toLowerCase();
  if (MEDICINE_SET.has(w)) return true;
  return w.length >= 7 && MEDICINE_STEM.test(w);
}

/** Each concept: its names in English and Spanish, accent-free lower case. */
const CONDITION_CONCEPTS: string[][] = [
  ['diabetes', 'prediabetes', 'prediabetic', 'diabetic', 'diabetico', 'diabetica'],
  ['hypertension', 'high blood pressure', 'hipertension', 'presion alta'],
  ['hypotension', 'hipotension'],
  ['hypothyroidism', 'underactive thyroid', 'hipotiroidismo'],
  ['hyperthyroidism', 'overactive thyroid', 'hipertiroidismo'],
  ['high cholesterol', 'hyperlipidemia', 'colesterol alto', 'hiperlipidemia'],
  ['anemia', 'anaemia'],
  ['pneumonia', 'neumonia'],
  ['bronchitis', 'bronquitis'],
  ['sinusitis', 'sinus infection'],
  ['strep throat', 'strep', 'faringitis'],
  ['influenza', 'the flu', 'gripe'],
  ['covid', 'coronavirus'],
  [
    'urinary tract infection',
    'uti',
    'bladder infection',
    'infeccion urinaria',
    'infeccion de orina',
    'cistitis',
  ],
  ['kidney infection', 'pyelonephritis', 'infeccion de rinon', 'pielonefritis'],
  ['kidney stone', 'kidney stones', 'calculos renales', 'piedras en el rinon'],
  ['kidney disease', 'kidney failure', 'enfermedad renal', 'insuficiencia renal'],
  ['heart failure', 'insuficiencia cardiaca'],
  ['heart attack', 'myocardial infarction', 'infarto', 'ataque al corazon', 'ataque cardiaco'],
  ['heart disease', 'coronary artery disease', 'enfermedad del corazon', 'enfermedad cardiaca'],
  ['atrial fibrillation', 'afib', 'a-fib', 'fibrilacion auricular', 'arrhythmia', 'arritmia'],
  ['angina'],
  ['stroke', 'derrame cerebral', 'accidente cerebrovascular', 'embolia'],
  ['blood clot', 'deep vein thrombosis', 'dvt', 'pulmonary embolism', 'coagulo', 'trombosis'],
  ['asthma', 'asma'],
  ['copd', 'emphysema', 'epoc', 'enfisema'],
  ['cancer', 'tumor', 'malignancy', 'lymphoma', 'leukemia', 'linfoma', 'leucemia'],
  ['depression', 'depresion'],
  ['anxiety disorder', 'panic disorder', 'trastorno de ansiedad'],
  ['dementia', 'alzheimer', 'demencia'],
  ['migraine', 'migrana', 'jaqueca'],
  ['arthritis', 'artritis', 'osteoarthritis', 'artrosis'],
  ['gout', 'gota'],
  ['osteoporosis'],
  ['reflux', 'gerd', 'reflujo'],
  ['ulcer', 'ulcera'],
  ['gastritis'],
  ['irritable bowel', 'ibs', 'colon irritable'],
  ['appendicitis', 'apendicitis'],
  ['gallstones', 'calculos biliares', 'piedras en la vesicula'],
  ['cellulitis', 'celulitis'],
  ['sepsis'],
  ['meningitis'],
  ['concussion', 'conmocion cerebral'],
  ['fracture', 'broken bone', 'fractura'],
  ['shingles', 'herpes zoster', 'culebrilla'],
  ['eczema', 'eccema', 'dermatitis'],
  ['psoriasis'],
  ['hepatitis'],
  ['cirrhosis', 'cirrosis'],
  ['hiv', 'vih'],
  ['chlamydia', 'gonorrhea', 'clamidia', 'gonorrea', 'sexually transmitted infection', 'std', 'sti'],
  ['preeclampsia'],
  ['sleep apnea', 'apnea del sueno'],
  ['insomnia', 'insomnio'],
  ['obesity', 'obesidad'],
  ['vertigo'],
  ['conjunctivitis', 'pink eye', 'conjuntivitis'],
  ['ear infection', 'otitis', 'infeccion de oido'],
  ['allergic reaction', 'anaphylaxis', 'reaccion alergica', 'anafilaxia'],
  ['lupus'],
  ['epilepsy', 'seizure disorder', 'epilepsia'],
  ['infection', 'infeccion'],
];

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function containsTerm(folded: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(folded);
}

// Disease-name endings (pancreatitis, diverticulosis, leukemia, melanoma, neuropathy) catch conditions
// the list above lacks; common words with the same endings are excluded.
const CONDITION_ENDING = /^[a-z]{4,}(?:itis|osis|emia|oma|pathy|patia|algia)$/;
const NOT_CONDITIONS = new Set([
  'diagnosis',
  'prognosis',
  'hypnosis',
  'nostalgia',
  'diploma',
  'aroma',
  'osmosis',
]);

/**
 * Condition names found in `text`, as the term used, each with its concept: an index into the list, or
 * the word itself for one recognised by its ending. `infection` counts only when nothing more specific did.
 */
export function conditionsIn(text: string): { term: string; concept: number | string }[] {
  const folded = foldText(text);
  const found: { term: string; concept: number | string }[] = [];
  CONDITION_CONCEPTS.forEach((terms, concept) => {
    const term = terms.find((t) => containsTerm(folded, t));
    if (term) found.push({ term, concept });
  });
  const listed = new Set(found.map((f) => f.term));
  for (const word of new Set(folded.match(/\p{L}+/gu) ?? [])) {
    if (
      CONDITION_ENDING.test(word) &&
      !NOT_CONDITIONS.has(word) &&
      ![...listed].some((t) => t.includes(word))
    ) {
      found.push({ term: word, concept: word.replace(/(patia)$/, 'pathy') });
    }
  }
  const generic = CONDITION_CONCEPTS.length - 1;
  return found.length > 1 ? found.filter((f) => f.concept !== generic) : found;
}
