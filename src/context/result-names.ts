/** How patients name tests (English and Spanish), and the LOINC codes each name covers. */

export interface TestGroup {
  key: string;
  /** LOINC codes of the results that answer a question about this test. */
  codes: string[];
  /** Words and phrases, normalized (lower case, no accents). */
  words: string[];
  /** Names of results without a LOINC code that belong to this group. */
  namePattern: RegExp;
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
  {
    key: 'lipids',
    codes: ['2093-3', '13457-7', '18262-6', '2089-1', '2085-9', '2571-8'],
    words: [
      'cholesterol',
      'colesterol',
      'lipid panel',
      'lipids',
      'lipid',
      'ldl',
      'hdl',
      'triglycerides',
      'trigliceridos',
    ],
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
