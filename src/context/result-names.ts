/** How patients name tests (English and Spanish), and the LOINC codes each name covers. */

export interface TestGroup {
  key: string;
  /** LOINC codes of the results that answer a question about this test. */
  codes: string[];
  /** Words and phrases, normalized (lower case, no accents). */
  words: string[];
  /** Names of results without a LOINC code that belong to this group. */
  namePattern: RegExp;
  /** What a patient calls this one test, per draft language (a panel has none: its tests have theirs). */
  display?: { en: string; es: string };
}

export const TEST_GROUPS: TestGroup[] = [
  {
    key: 'a1c',
    codes: ['4548-4', '17856-6', '4549-2'],
    words: [
      'hemoglobin a1c',
      'hemoglobina a1c',
      'hemoglobina glicosilada',
      'hba1c',
      'a1c',
      'glycohemoglobin',
    ],
    namePattern: /a1c|glyc/i,
  },
  {
    key: 'glucose',
    codes: ['2345-7', '2339-0', '1558-6', '41653-7'],
    words: ['blood sugar', 'glucose', 'glucosa', 'azucar', 'sugar', 'sugars'],
    namePattern: /glucose/i,
  },
  {
    key: 'potassium',
    codes: ['2823-3', '6298-4'],
    words: ['potassium', 'potasio'],
    namePattern: /potassium/i,
  },
  { key: 'sodium', codes: ['2951-2', '2947-0'], words: ['sodium', 'sodio'], namePattern: /sodium/i },
  {
    key: 'creatinine',
    codes: ['2160-0', '38483-4'],
    words: ['creatinine', 'creatinina', 'kidney number', 'kidney numbers', 'kidney function', 'kidney test'],
    namePattern: /creatinine/i,
  },
  {
    key: 'egfr',
    codes: ['98979-8', '33914-3', '62238-1', '48642-3', '48643-1'],
    words: ['egfr', 'gfr', 'kidney function', 'funcion del rinon', 'funcion renal'],
    namePattern: /gfr|glomerular/i,
  },
  {
    key: 'tsh',
    codes: ['3016-3', '11580-8'],
    words: ['tsh', 'thyroid test', 'thyroid', 'tiroides'],
    namePattern: /tsh|thyro/i,
  },
  // The lipid panel's tests are distinct: "triglycerides" asks about triglycerides, not cholesterol.
  {
    key: 'cholesterol-total',
    codes: ['2093-3'],
    words: ['total cholesterol', 'cholesterol total', 'colesterol total'],
    namePattern: /^(?:total )?cholesterol(?:, total| total)?$/i,
    display: { en: 'total cholesterol', es: 'colesterol total' },
  },
  {
    key: 'ldl',
    codes: ['13457-7', '18262-6', '2089-1'],
    words: ['ldl cholesterol', 'ldl', 'bad cholesterol', 'colesterol malo', 'colesterol ldl'],
    namePattern: /\bldl\b/i,
    display: { en: 'LDL (bad) cholesterol', es: 'colesterol LDL (malo)' },
  },
  {
    key: 'hdl',
    codes: ['2085-9'],
    words: ['hdl cholesterol', 'hdl', 'good cholesterol', 'colesterol bueno', 'colesterol hdl'],
    namePattern: /\bhdl\b/i,
    display: { en: 'HDL (good) cholesterol', es: 'colesterol HDL (bueno)' },
  },
  {
    key: 'triglycerides',
    codes: ['2571-8'],
    words: ['triglycerides', 'triglyceride', 'trigliceridos', 'triglicerido'],
    namePattern: /triglycer/i,
    display: { en: 'triglycerides', es: 'triglicéridos' },
  },
  {
    // The panel, when the patient names cholesterol or lipids without saying which test: total cholesterol first.
    key: 'lipids',
    codes: ['2093-3', '13457-7', '18262-6', '2089-1', '2085-9', '2571-8'],
    words: ['cholesterol', 'colesterol', 'lipid panel', 'lipids', 'lipid', 'perfil de lipidos'],
    namePattern: /cholesterol|ldl|hdl|triglycer|lipid/i,
  },
  {
    key: 'inr',
    codes: ['6301-6', '34714-6', '5902-2'],
    words: ['inr', 'pt/inr', 'protime'],
    namePattern: /\binr\b|prothrombin/i,
  },
  {
    key: 'tacrolimus',
    codes: ['11253-5'],
    // Not the bare word: "tacrolimus" alone names the medicine, not its blood level.
    words: ['tacrolimus level', 'tacro level', 'nivel de tacrolimus', 'prograf level', 'tacrolimus trough'],
    namePattern: /tacrolimus/i,
  },
  {
    key: 'hemoglobin',
    codes: ['718-7'],
    words: ['hemoglobin', 'hemoglobina', 'hgb', 'anemia'],
    namePattern: /^hemoglobin$/i,
  },
  {
    key: 'white-cells',
    codes: ['6690-2'],
    words: [
      'white blood cell',
      'white cell',
      'white count',
      'wbc',
      'leukocytes',
      'globulos blancos',
      'leucocitos',
    ],
    namePattern: /white blood|leukocyte/i,
  },
  {
    key: 'platelets',
    codes: ['777-3'],
    words: ['platelets', 'platelet count', 'plaquetas'],
    namePattern: /platelet/i,
  },
  {
    // The whole panel, when the patient names the panel rather than one of its values.
    key: 'cbc',
    codes: ['718-7', '6690-2', '777-3', '4544-3'],
    words: ['blood count', 'cbc', 'hemograma', 'biometria hematica'],
    namePattern: /white blood|leukocyte|platelet|hematocrit|^hemoglobin$/i,
  },
  {
    key: 'blood-pressure',
    codes: ['85354-9', '55284-4'],
    words: ['blood pressure', 'bp', 'presion arterial', 'presion'],
    namePattern: /blood pressure/i,
  },
  {
    key: 'heart-rate',
    codes: ['8867-4'],
    words: ['heart rate', 'pulse', 'pulso', 'ritmo cardiaco'],
    namePattern: /heart rate|pulse/i,
  },
  { key: 'weight', codes: ['29463-7'], words: ['weight', 'peso'], namePattern: /weight/i },
];

/** Words for results in general ("my labs"): they ask about the latest draw, not one test. */
export const GENERAL_RESULT_WORDS = [
  'blood work',
  'bloodwork',
  'lab results',
  'test results',
  'blood test',
  'blood tests',
  'labs',
  'lab',
  'results',
  'resultados',
  'analisis',
  'examenes',
  'laboratorio',
];

/** What a patient calls each single test, per draft language; panels have none (their tests do). */
const DISPLAY: Record<string, { en: string; es: string }> = {
  a1c: { en: 'A1c', es: 'A1c' },
  glucose: { en: 'blood sugar (glucose)', es: 'azúcar en la sangre (glucosa)' },
  potassium: { en: 'potassium', es: 'potasio' },
  sodium: { en: 'sodium', es: 'sodio' },
  creatinine: { en: 'creatinine (kidney test)', es: 'creatinina (prueba del riñón)' },
  egfr: { en: 'kidney function (eGFR)', es: 'función del riñón (eGFR)' },
  tsh: { en: 'thyroid test (TSH)', es: 'tiroides (TSH)' },
  inr: { en: 'INR', es: 'INR' },
  tacrolimus: { en: 'tacrolimus level', es: 'nivel de tacrolimus' },
  hemoglobin: { en: 'hemoglobin', es: 'hemoglobina' },
  'white-cells': { en: 'white blood cell count', es: 'glóbulos blancos' },
  platelets: { en: 'platelet count', es: 'plaquetas' },
  'blood-pressure': { en: 'blood pressure', es: 'presión arterial' },
  'heart-rate': { en: 'heart rate', es: 'pulso' },
  weight: { en: 'weight', es: 'peso' },
};

function displayOf(g: TestGroup): { en: string; es: string } | undefined {
  return g.display ?? DISPLAY[g.key];
}

/** The group of one test (not a panel): the one with the fewest codes that holds it. */
export function testGroupOf(o: { code?: string; name: string }): TestGroup | undefined {
  return TEST_GROUPS.filter((g) => (o.code ? g.codes.includes(o.code) : g.namePattern.test(o.name)))
    .filter((g) => displayOf(g))
    .sort((a, b) => a.codes.length - b.codes.length)[0];
}

/** What to call a result in a reply: the everyday name ("LDL (bad) cholesterol"), else the lab's own. */
export function displayName(o: { code?: string; name: string }, lang: 'en' | 'es'): string {
  const group = testGroupOf(o);
  const shown = group && displayOf(group);
  if (shown) return shown[lang];
  // "Cholesterol, total" reads badly mid-sentence: "total cholesterol".
  const m = /^([^,]+),\s*([^,]+)$/.exec(o.name.trim());
  const name = m ? `${m[2]} ${m[1]}` : o.name.trim();
  return /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}
