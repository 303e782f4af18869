import { detectIdentifiers, MAX_TEXT_CHARS } from '../../../src/privacy';
import type { IdentifierType } from '../../../src/privacy';

function found(text: string): Array<[IdentifierType, string]> {
  return detectIdentifiers(text).map((s) => [s.type, s.value]);
}

function expectFinds(text: string, type: IdentifierType, value: string): void {
  expect(found(text)).toContainEqual([type, value]);
}

describe('detectIdentifiers: phone numbers', () => {
  it.each([
    ['Call me at (555) 123-4567 please', '(555) 123-4567'],
    ['my cell is 555.123.4567.', '555.123.4567'],
    ['text 5551234567 anytime', '5551234567'],
    ['office +1-984-182-0190 x12', '+1-984-182-0190 x12'],
    ['UK mobile 07700 900 123', '07700 900 123'],
    ['Sweden +46 (0)8 928 571 38 fax', '+46 (0)8 928 571 38'],
    ['Paris 01.84.17.61.18?', '01.84.17.61.18'],
    ['mi teléfono es 55 1234 5678', '55 1234 5678'],
  ])('finds the phone in %j', (text, value) => expectFinds(text, 'PHONE', value));

  it('leaves clinical numbers alone', () => {
    expect(found('BP 140/90, A1c 7.2, took 500 mg at 10:30, glucose 250, LDL 130')).toEqual([]);
  });
});

describe('detectIdentifiers: emails, links, IP addresses', () => {
  it('finds emails, including unicode and plus addressing', () => {
    expectFinds('write to maria.lopez+clinic@example.com.', 'EMAIL', 'maria.lopez+clinic@example.com');
    expectFinds('correo: josé@correo.es', 'EMAIL', 'josé@correo.es');
  });
  it('finds links without trailing punctuation', () => {
    expectFinds('see https://portal.example.org/p?id=7).', 'URL', 'https://portal.example.org/p?id=7');
    expectFinds('or www.example.com, thanks', 'URL', 'www.example.com');
  });
  it('finds IPv4 and IPv6 addresses but not times', () => {
    expectFinds('blocked from 165.165.185.178 today', 'IP', '165.165.185.178');
    expectFinds(
      'address 6e40:4041:c617:e898:c11:40d2:c669:2eb4 blocked',
      'IP',
      '6e40:4041:c617:e898:c11:40d2:c669:2eb4',
    );
    expect(found('at 09:34:31 I felt dizzy').filter(([t]) => t === 'IP')).toEqual([]);
  });
});

describe('detectIdentifiers: dates', () => {
  it.each([
    ['seen on 2024-05-01 for a rash', 'DATE', '2024-05-01'],
    ['since 4/5/1992 it hurts', 'DATE', '4/5/1992'],
    ['appointment March 3rd, 2025 ok', 'DATE', 'March 3rd, 2025'],
    ['on the 3 of June 2024', 'DATE', '3 of June 2024'],
    ['la cita es el 5 de mayo de 2025', 'DATE', '5 de mayo de 2025'],
    ['DOB: 03/14/80', 'DOB', '03/14/80'],
    ['I was born on March 14, 1980.', 'DOB', 'March 14, 1980'],
    ['fecha de nacimiento 14 de marzo de 1980', 'DOB', '14 de marzo de 1980'],
    ['she moved here in 1977.', 'DATE', '1977'],
    ['can I come Tuesday morning?', 'DATE', 'Tuesday'],
  ] as Array<[string, IdentifierType, string]>)('finds the date in %j', (text, type, value) =>
    expectFinds(text, type, value),
  );

  it('does not read a dose or a count as a year', () => {
    expect(found('I take 2000 mg of vitamin C and walk 1500 steps')).toEqual([]);
  });
});

describe('detectIdentifiers: record numbers, SSNs, cards', () => {
  it.each([
    ['My MRN is 00123456.', 'RECORD_ID', '00123456'],
    ['member ID: W123-456-789', 'RECORD_ID', 'W123-456-789'],
    ['policy # ABC1234567', 'RECORD_ID', 'ABC1234567'],
    ['número de afiliado 99887766', 'RECORD_ID', '99887766'],
    ["Here's my SSN: 849-66-3189", 'SSN', '849-66-3189'],
    ['social security number 123 45 6789', 'SSN', '123 45 6789'],
    ['card 4111 1111 1111 1111 expired', 'PAYMENT_CARD', '4111 1111 1111 1111'],
    ['IBAN GB82 WEST 1234 5698 7654 32', 'PAYMENT_CARD', 'GB82 WEST 1234 5698 7654 32'],
  ] as Array<[string, IdentifierType, string]>)('finds the number in %j', (text, type, value) =>
    expectFinds(text, type, value),
  );

  it('does not treat short codes or lab names as ids', () => {
    expect(found('My idea: COVID-19 test, HbA1c and B12 next week')).toEqual([]);
  });

  it('finds ages over 89 only', () => {
    expectFinds('my mother is 92 years old', 'AGE_OVER_89', '92');
    expect(found('my mother is 72 years old')).toEqual([]);
  });
});

describe('detectIdentifiers: street addresses', () => {
  it.each([
    ['I live at 123 Main St, Apt 4, Springfield, IL 62704.', '123 Main St, Apt 4, Springfield, IL 62704'],
    ['moved to 45 oak street last week', '45 oak street'],
    ['vivo en Calle Reforma 123, CDMX', 'Calle Reforma 123, CDMX'],
    [
      'Send it to:\n742 Evergreen Terrace\nApt 2\nSpringfield, OR 97403\nThanks!',
      '742 Evergreen Terrace\nApt 2\nSpringfield, OR 97403',
    ],
    ['send it to P.O. Box 881', 'P.O. Box 881'],
    ['Adresse: 12 Hauptstraße 5', '12 Hauptstraße 5'],
  ])('finds the address in %j', (text, value) => expectFinds(text, 'ADDRESS', value));

  it('does not read a dose schedule as an address', () => {
    expect(found('took 2 of them on the way')).toEqual([]);
  });

  it('ends the address where the sentence ends', () => {
    const text = 'I moved to 44 Birchwood Lane, Springfield. Refill my lisinopril please';
    expectFinds(text, 'ADDRESS', '44 Birchwood Lane, Springfield');
    expect(found(text).some(([, value]) => value.includes('Refill'))).toBe(false);
  });
});

describe('detectIdentifiers: other people', () => {
  it.each([
    ['Hi Dr. Patel, quick question', 'Patel'],
    ['my wife Carmen has a fever', 'Carmen'],
    ['this is Maria Lopez, a patient', 'Maria Lopez'],
    ['Mrs. Diana Usamov called', 'Diana Usamov'],
    ['Thanks,\nCarol', 'Carol'],
    ['see you soon\n- Bob', 'Bob'],
    ['my name is lena andersson.', 'lena andersson'],
    ['mi esposo Jorge tiene tos', 'Jorge'],
    ['Ken N. Fukuda wrote back', 'Ken N. Fukuda'],
    ["Fletcher Turcotte's test", 'Fletcher Turcotte'],
  ])('finds the name in %j', (text, value) => expectFinds(text, 'PERSON', value));

  it('keeps medicines, months, greetings and everyday capitalized words', () => {
    const text =
      'Hello. Blood Pressure was high on Monday. Metformin 500 mg. Lisinopril. Pain is worse.\nHoy tengo dolor.';
    expect(found(text).filter(([t]) => t === 'PERSON')).toEqual([]);
  });

  it('takes an everyday word for a name only on a strong cue', () => {
    expect(found('Grace was amazing at church')).toEqual([]);
    expectFinds('my daughter Grace has a rash', 'PERSON', 'Grace');
  });
});

describe('detectIdentifiers: hostile and odd input', () => {
  it('returns nothing for empty or blank text', () => {
    expect(detectIdentifiers('')).toEqual([]);
    expect(detectIdentifiers('   \n\t')).toEqual([]);
  });

  it('rejects non-strings and oversized text with clear errors', () => {
    expect(() => detectIdentifiers(42 as unknown as string)).toThrow(/expects a string/);
    expect(() => detectIdentifiers('a'.repeat(MAX_TEXT_CHARS + 1))).toThrow(/exceeds/);
  });

  it('reports offsets that slice back to the value, with emoji and combining marks around', () => {
    const text = '😀 José\u0301 dijo: llame al (555) 123-4567 👍🏽 o escriba a ana@ejemplo.mx';
    const spans = detectIdentifiers(text);
    expect(spans.length).toBeGreaterThanOrEqual(2);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.value);
  });

  it.each([
    ['mixed punctuation', 'aaaa1111-2222.3333 @@@ [[[ ))) Mr. Mr. 12/12/12/12 +++ 555 555 555 555 555 x '],
    ['one long digit run', '9'],
    ['one long word', 'a'],
    ['capitals', 'A'],
    ['dots', '.'],
    ['alternating case', 'aB'],
    ['letters and digits', 'a1'],
    ['short capitalized lines', 'Abc\n'],
    ['numbers and names', '12 Abc '],
    ['dashes between digits', '1-'],
  ])('scans 100 KB of %s in linear time', (_name, unit) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const started = Date.now();
    detectIdentifiers(text);
    // Quadratic behaviour on 100 KB takes tens of seconds; linear takes well under one.
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('finds identifiers in 100 KB of ordinary text', () => {
    const sentence = 'My knee still hurts after the fall and I would like a refill of ibuprofen please. ';
    const text = sentence.repeat(650) + 'Call 555-123-4567.' + sentence.repeat(650);
    expect(text.length).toBeGreaterThan(100_000);
    expect(found(text)).toEqual([['PHONE', '555-123-4567']]);
  });
});

describe('detectIdentifiers: names without a cue', () => {
  it.each([
    ['Krisztián Szöllösy listed his top songs', 'Krisztián Szöllösy'],
    ['better than early Khadzhiyev?', 'Khadzhiyev'],
    ['Koppány: "Who are you?"', 'Koppány'],
    ['follow up with monika žilková next month', 'monika žilková'],
  ])('finds the name in %j', (text, value) => expectFinds(text, 'PERSON', value));

  it.each([
    ['Maika van de Noort\nEmployment manager', 'Maika van de Noort'],
    ['She named him Frank', 'Frank'],
    ['My name is Martin', 'Martin'],
    ['Mrs. Jennifer Alcaraz Suite 541', 'Jennifer Alcaraz'],
    ['they had 3: silvana, kristina and caleb.', 'kristina'],
    ['Is it Muslija and Pearson?', 'Muslija'],
  ])('finds the name in %j', (text, value) => expectFinds(text, 'PERSON', value));

  it('does not take a country, a region, an organization or a line label for a person', () => {
    expect(found('I will be travelling to Canada next week.\nFax: none')).toEqual([]);
    expect(found('We flew over Southern Poland to the Czech Republic.')).toEqual([]);
    expect(found('I work for Socrata now.')).toEqual([]);
    expect(found('the riff and the antelope, a fox and a maiden')).toEqual([]);
    expect(found('My Russian neighbor speaks English and Spanish. We moved here from Leiria.')).toEqual([]);
    expect(found('Billing address below.\nE-mail: none\nPLEASE CALL ME, we flew to STAVANGER')).toEqual([]);
  });
});

describe('detectIdentifiers: clinical content stays visible', () => {
  it.each([
    "I'm on Metformin 500 twice a day and my sugar is still 250.",
    'Ozempic is making me nauseous. Can I switch to Mounjaro or Trulicity?',
    'Tylenol and Advil are not helping the headache.',
    'Is it OK to take Benadryl with Zoloft? My Lexapro was stopped.',
    'I have Type 2 Diabetes and COPD. My A1C was 8.2.',
    'Flonase, Claritin, Zyrtec, Allegra: which is best for allergies?',
    'Also Xarelto. And Coumadin before that. INR 3.1.',
    "Parkinson's meds (Sinemet) wearing off early; Alzheimer's runs in the family.",
    'Could Hashimoto explain my fatigue? Atkins or Keto for Crohn’s?',
    'Espero su respuesta. Vivo con dolor. Necesito la receta. Tengo fiebre.',
    'Hola doctora, ¿puedo tomar Paracetamol con Losartán?',
    'Active problems: Type 2 diabetes mellitus; Major Depressive Disorder; Chronic Kidney Disease stage 3',
    'Hemoglobin A1c 8.2 % (high). LDL Cholesterol 130 mg/dL. Comprehensive Metabolic Panel. Complete Blood Count.',
    'Atorvastatin 40 mg, Sertraline 50 mg, Amlodipine Besylate 5 mg, Insulin Glargine 20 units',
    'Herpes Zoster vaccine, Pneumococcal Conjugate, Influenza Quadrivalent. Estimated Glomerular Filtration Rate 52',
  ])('finds no identifier in %j', (text) => {
    expect(found(text).filter(([t]) => t !== 'DATE')).toEqual([]);
  });

  it('keeps the relation word or job title and takes the name', () => {
    expectFinds('My Mom Rosa is visiting', 'PERSON', 'Rosa');
    expectFinds('Care team: Dietitian Sam Ortiz', 'PERSON', 'Sam Ortiz');
    expectFinds('Thank you, Nurse Patricia was great', 'PERSON', 'Patricia');
  });

  it('takes a whole Spanish street address, with the date-like street name in it', () => {
    expectFinds('Vivo en Calle 5 de Mayo 123, Santa Ana.', 'ADDRESS', 'Calle 5 de Mayo 123, Santa Ana');
  });

  it('reads a month/day as a date only after a word that introduces one', () => {
    expectFinds('please cancel my appointment on 12/3 with Dr. Smith', 'DATE', '12/3');
    expect(found('BP 120/80, took 1/2 tablet')).toEqual([]);
  });
});
