/**
 * Medicine and condition names that patients capitalize and that a name list or a capitalization
 * rule would otherwise take for people ("Tylenol and Advil", "Allegra", "Crohn's"). The model must see
 * these: they are the content of the message, not identifiers.
 */
const MEDICINES = `
tylenol advil motrin aleve excedrin bayer aspirin ibuprofen acetaminophen paracetamol naproxen
benadryl claritin zyrtec allegra xyzal flonase nasacort sudafed mucinex robitussin dayquil nyquil
ozempic wegovy mounjaro zepbound trulicity victoza saxenda byetta rybelsus jardiance farxiga invokana
januvia janumet glipizide glyburide glimepiride metformin glucophage actos insulin lantus levemir
tresiba toujeo humalog novolog apidra basaglar humulin novolin admelog fiasp
lisinopril losartan losartán valsartan olmesartan irbesartan benicar diovan cozaar hyzaar
amlodipine norvasc nifedipine diltiazem cardizem verapamil metoprolol toprol lopressor atenolol
carvedilol coreg propranolol bisoprolol hydrochlorothiazide chlorthalidone furosemide lasix
bumetanide torsemide spironolactone aldactone eplerenone clonidine hydralazine entresto
atorvastatin lipitor simvastatin zocor rosuvastatin crestor pravastatin lovastatin ezetimibe zetia
repatha praluent eliquis xarelto pradaxa savaysa coumadin warfarin jantoven plavix clopidogrel
brilinta effient heparin lovenox digoxin amiodarone multaq
synthroid levothyroxine levoxyl unithroid armour cytomel methimazole tapazole
omeprazole prilosec esomeprazole nexium pantoprazole protonix lansoprazole prevacid famotidine
pepcid ranitidine zantac tums rolaids maalox mylanta gaviscon imodium miralax colace dulcolax
senokot linzess amitiza ondansetron zofran reglan phenergan compazine
prednisone prednisolone medrol methylprednisolone dexamethasone decadron hydrocortisone
albuterol proair ventolin proventil xopenex symbicort advair breo trelegy spiriva incruse anoro
singulair montelukast qvar flovent pulmicort dupixent nucala xolair fasenra
amoxicillin augmentin azithromycin zithromax z-pak doxycycline cephalexin keflex ciprofloxacin
cipro levofloxacin levaquin bactrim septra nitrofurantoin macrobid metronidazole flagyl
clindamycin penicillin cefdinir omnicef valtrex valacyclovir acyclovir tamiflu paxlovid
diflucan fluconazole lamisil terbinafine
sertraline zoloft fluoxetine prozac escitalopram lexapro citalopram celexa paroxetine paxil
venlafaxine effexor duloxetine cymbalta bupropion wellbutrin mirtazapine remeron trazodone
buspirone buspar alprazolam xanax lorazepam ativan clonazepam klonopin diazepam valium
zolpidem ambien lunesta quetiapine seroquel aripiprazole abilify risperidone risperdal olanzapine
zyprexa lamotrigine lamictal lithium lithobid depakote adderall ritalin concerta vyvanse strattera
gabapentin neurontin pregabalin lyrica topiramate topamax sumatriptan imitrex rizatriptan maxalt
nurtec ubrelvy aimovig emgality ajovy botox
tramadol ultram oxycodone percocet oxycontin hydrocodone norco vicodin morphine dilaudid codeine
suboxone buprenorphine naloxone narcan methadone cyclobenzaprine flexeril tizanidine zanaflex
baclofen methocarbamol robaxin meloxicam mobic celecoxib celebrex diclofenac voltaren
humira enbrel remicade stelara skyrizi cosentyx taltz otezla rinvoq xeljanz methotrexate plaquenil
hydroxychloroquine sulfasalazine allopurinol zyloprim colchicine colcrys uloric febuxostat
alendronate fosamax prolia evista tamoxifen letrozole femara anastrozole arimidex
estradiol estrace premarin provera progesterone prometrium clomid letrozole yaz yasmin loestrin
sprintec nexplanon mirena depo-provera plan-b
finasteride proscar flomax tamsulosin oxybutynin ditropan myrbetriq vesicare viagra cialis
sildenafil tadalafil donepezil aricept memantine namenda sinemet carbidopa levodopa requip mirapex
keppra levetiracetam dilantin phenytoin tegretol carbamazepine trileptal
epipen auvi-q narcan pfizer moderna novavax janssen shingrix gardasil prevnar pneumovax tdap
ensure boost glucerna pedialyte
`;

// Eponyms that are also common family names (Graves, Wilson, Addison, Cushing) are left out on purpose.
const CONDITIONS = `
crohn crohns parkinson parkinsons alzheimer alzheimers hashimoto hashimotos hodgkin hodgkins
tourette tourettes asperger aspergers raynaud raynauds sjogren sjogrens guillain barre meniere menieres
kawasaki lyme marfan klinefelter peyronie dupuytren osgood schlatter tietze kaposi hirschsprung
legionnaires covid covid-19 coronavirus omicron influenza rsv hpv hiv aids mrsa c-diff
atkins keto paleo whole30 mychart medicare medicaid tricare obamacare`;

// Words of problem lists, results and visit types, written capitalized in chart facts ("Chronic Kidney
// Disease", "Complete Blood Count"): several are family names in the name list ("Kidney", "Hart").
const CLINICAL_WORDS = `
acute chronic disease disorder syndrome failure insufficiency infection cancer carcinoma tumor neoplasm
diabetes mellitus hypertension hyperlipidemia hypothyroidism hyperthyroidism asthma pneumonia bronchitis
sinusitis arthritis osteoarthritis osteoporosis depression depressive anxiety essential kidney renal liver
hepatic heart cardiac coronary artery atrial fibrillation flutter lung pulmonary thyroid prostate breast
colon rectal skin bone joint knee hip shoulder spine lumbar cervical migraine headache seizure epilepsy
stroke dementia obesity anemia gout allergy allergic rhinitis eczema psoriasis dermatitis acne glaucoma
cataract reflux gastroesophageal ulcer hernia constipation diarrhea nausea insomnia apnea obstructive
panel metabolic comprehensive lipid glucose hemoglobin cholesterol triglycerides potassium sodium calcium
magnesium creatinine bilirubin albumin vitamin ferritin platelet platelets troponin antigen antibody
screening vaccine immunization hepatitis herpes zoster measles mumps rubella tetanus diphtheria pertussis
varicella pneumococcal meningococcal conjugate quadrivalent bilateral mammogram colonoscopy ultrasound
echocardiogram wellness urinalysis glomerular filtration saturation mellitus ldl hdl tsh psa inr
`;

// Endings of generic medicine names (lisinopril, losartan, atorvastatin, semaglutide, apixaban).
const GENERIC_ENDING =
  /(?:pril|sartan|olol|statin|dipine|prazole|tidine|gliflozin|gliptin|glutide|tide|mab|nib|cillin|mycin|cycline|floxacin|ciclovir|vir|azepam|zolam|oxetine|triptan|setron|afil|lukast|terol|tropium|parin|xaban|gatran|semide|thiazide|profen|coxib|fenac|dronate|caine|barbital|azole|formin|sone|olone|asone|pam|lam|done|codone|morphone)$/;

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

const KNOWN_TERMS = new Set([...toSet(MEDICINES), ...toSet(CONDITIONS), ...toSet(CLINICAL_WORDS)]);

/** Whether a folded word names a medicine, a medical condition or a health-plan term. */
export function isMedicalTerm(folded: string): boolean {
  const word = folded.replace(/'s$/, '');
  return KNOWN_TERMS.has(word) || (word.length >= 7 && GENERIC_ENDING.test(word));
}
