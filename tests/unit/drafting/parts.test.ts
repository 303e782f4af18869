import { chooseLanguage } from '../../../src/drafting/drafter';
import { formatDate, formatTime, plainMedicine } from '../../../src/drafting/facts';
import { extractClaims } from '../../../src/drafting/grounding';
import { readsAs, stripLetterFrame } from '../../../src/drafting/letter-frame';
import { pickStyleExamples } from '../../../src/drafting/style-examples';
import { chooseKinds, patientCallName, tidy } from '../../../src/drafting/template-draft';
import { NOW, sampleChart, triage } from './fixtures';

describe('extractClaims', () => {
  it('reads one date in its English, Spanish, numeric and ISO spellings', () => {
    for (const text of [
      'on March 14',
      'el 14 de marzo',
      'on 3/14/2026',
      'on 2026-03-14',
      'Mar. 14th, 2026',
    ]) {
      expect([...extractClaims(text).dates.keys()]).toEqual(['03-14']);
    }
  });

  it('tells times, doses, measured values, blood pressures and plain counts apart', () => {
    const c = extractClaims('At 2:30 PM take 2 tablets of lisinopril 10 mg. BP 142/91, A1c 7.4%, 3 refills.');
    expect([...c.times.keys()]).toEqual(['2:30']);
    expect([...c.doses.keys()].sort()).toEqual(['10 mg', '2 tab']);
    expect([...c.values.keys()].sort()).toEqual(['142/91', '7.4']);
    expect([...c.counts.keys()]).toEqual(['3']);
    expect([...c.medicines.values()]).toEqual(['lisinopril']);
    expect(c.medicineDoses.get('lisinopril')).toEqual(new Map([['10 mg', 'lisinopril 10 mg']]));
  });

  it('does not read "diciembre\\n10:30" as the 10th of December', () => {
    const c = extractClaims('3 de diciembre\n10:30');
    expect([...c.dates.keys()]).toEqual(['12-03']);
    expect([...c.times.keys()]).toEqual(['10:30']);
  });

  it('recognises unlisted generic names by their stem, in English and Spanish', () => {
    expect([...extractClaims('Take olmesartan and atorvastatina.').medicines.values()]).toEqual([
      'olmesartan',
      'atorvastatina',
    ]);
    expect(extractClaims('We will call you this afternoon.').medicines.size).toBe(0);
  });
});

describe('chart facts in words', () => {
  it('writes medicine names as a patient says them', () => {
    expect(plainMedicine({ name: 'Lisinopril 10 mg tablet', dose: '10 mg' })).toBe('lisinopril 10 mg');
    expect(plainMedicine({ name: 'Insulin glargine 100 units/mL pen', dose: '20 units' })).toBe(
      'insulin glargine 20 units',
    );
    expect(plainMedicine({ name: 'ProAir HFA', dose: '2 puffs' })).toBe('ProAir HFA 2 puffs');
    expect(plainMedicine({ name: 'Insulin glargine 100 units/mL pen', dose: '20 units' }, 'es')).toBe(
      'insulina glargina 20 unidades',
    );
    expect(plainMedicine({ name: 'ProAir HFA', dose: '2 puffs' }, 'es')).toBe('ProAir HFA 2 disparos');
  });

  it("writes dates and times in each language, on the clinic's clock", () => {
    expect(formatDate('2026-12-03T10:30:00-05:00', 'en', NOW)).toBe('December 3');
    expect(formatDate('2027-01-05', 'es', NOW)).toBe('5 de enero de 2027');
    // Default zone America/Chicago: 10:30 Eastern is 9:30 in the clinic.
    expect(formatTime('2026-12-03T10:30:00-05:00', 'en')).toBe('9:30 AM');
    expect(formatTime('2026-12-03T10:30:00-05:00', 'en', 'America/New_York')).toBe('10:30 AM');
    expect(formatTime('2026-12-03T14:05:00-05:00', 'es')).toBe('13:05');
    expect(formatTime('2026-12-03', 'en')).toBeUndefined();
    expect(formatDate('not a date', 'en', NOW)).toBeUndefined();
  });

  it('moves a UTC visit time to the clinic zone, daylight saving included, and keeps plain dates', () => {
    // 21:00 UTC is 3 PM in Chicago in winter (CST), 4 PM in summer (CDT), never 9 PM.
    expect(formatTime('2027-01-15T21:00:00.000Z', 'en')).toBe('3:00 PM');
    expect(formatTime('2027-07-15T21:00:00.000Z', 'en')).toBe('4:00 PM');
    expect(formatTime('2027-01-15T21:00:00.000Z', 'es')).toBe('15:00');
    expect(formatTime('2027-01-15T21:00:00.000Z', 'en', 'America/Los_Angeles')).toBe('1:00 PM');
    // A visit just after midnight UTC is still the evening before on the clinic's calendar.
    expect(formatDate('2027-01-16T02:00:00Z', 'en', NOW)).toBe('January 15, 2027');
    expect(formatDate('2027-01-16', 'en', NOW)).toBe('January 16, 2027');
  });
});

describe('choosing templates and language', () => {
  it('picks one template per request, emergency alone, and the acknowledgement for no-reply messages', () => {
    const multi = triage({
      category: 'medication',
      categories: ['medication', 'forms_records', 'billing', 'scheduling'],
    });
    // At most two paragraphs: the main request and one more the message clearly makes.
    expect(chooseKinds(multi, 'Please refill my lisinopril and send my form')).toEqual([
      'refill',
      'forms_records',
    ]);
    expect(chooseKinds(triage({ category: 'medication' }), 'Is it ok to take with food?')).toEqual([
      'medication',
    ]);
    expect(
      chooseKinds(
        triage({ urgency: 'emergent', category: 'symptom', categories: ['symptom', 'billing'] }),
        'x',
      ),
    ).toEqual(['emergency']);
    expect(
      chooseKinds(
        triage({ urgency: 'urgent', category: 'symptom', categories: ['symptom', 'billing'] }),
        'x',
      ),
    ).toEqual(['symptom_urgent']);
    expect(chooseKinds(triage({ needsReply: false }), 'thanks!')).toEqual(['acknowledgement']);
  });

  it('replies in the language of the message, else the chart, else English flagged for translation', () => {
    expect(chooseLanguage('es', undefined)).toEqual({ lang: 'es', needsTranslation: false });
    expect(chooseLanguage('es', 'en')).toEqual({ lang: 'es', needsTranslation: false });
    expect(chooseLanguage('en', 'es')).toEqual({ lang: 'en', needsTranslation: false });
    expect(chooseLanguage('und', 'es')).toEqual({ lang: 'es', needsTranslation: false });
    expect(chooseLanguage('und', undefined)).toEqual({ lang: 'en', needsTranslation: false });
    expect(chooseLanguage('zh', 'zh')).toEqual({ lang: 'en', needsTranslation: true });
  });

  it("greets adults by their preferred name and a child's parent without a name", () => {
    expect(patientCallName(sampleChart().patient)).toBe('Rosalind');
    expect(patientCallName(sampleChart({ preferredName: 'Roz' }).patient)).toBe('Roz');
    expect(patientCallName(sampleChart({ ageYears: 9 }).patient)).toBeUndefined();
  });

  it('joins template lines into paragraphs and drops lines whose section rendered empty', () => {
    expect(tidy('First\n\nline.\u2029\nSecond\n  line.\n\n\n\n')).toBe('First line.\n\nSecond line.');
  });
});

describe('pickStyleExamples', () => {
  const candidates = [
    { message: 'Can I get my metformin refilled?', reply: 'A' },
    { message: 'My bill is wrong', reply: 'B' },
    { message: 'Please refill metformin, running low', reply: 'C' },
    { message: 'Portal password reset', reply: 'D' },
  ];

  it('returns the k replies whose messages are most like the new one', () => {
    expect(pickStyleExamples(candidates, 'I need a refill of my metformin please', 2)).toEqual(['C', 'A']);
    expect(pickStyleExamples(candidates, 'why is my bill so high', 1)).toEqual(['B']);
  });

  it('keeps to replies of the same category when categories are known', () => {
    const tagged = [
      { message: 'refill metformin', reply: 'med', category: 'medication' },
      { message: 'metformin bill', reply: 'bill', category: 'billing' },
    ];
    expect(pickStyleExamples(tagged, 'metformin', 2, 'billing')).toEqual(['bill']);
    expect(pickStyleExamples(tagged, 'refill metformin', 2)).toEqual(['med', 'bill']);
  });

  it('returns nothing for an unrelated message or k = 0, and accepts plain reply strings', () => {
    expect(pickStyleExamples(candidates, 'zzz qqq', 2)).toEqual([]);
    expect(pickStyleExamples(candidates, 'metformin', 0)).toEqual([]);
    expect(
      pickStyleExamples(['Your refill is with the doctor.', 'Billing will call.'], 'refill doctor', 1),
    ).toEqual(['Your refill is with the doctor.']);
  });
});

describe('letter frame', () => {
  it('removes a greeting line and a sign-off with the name under it, and nothing else', () => {
    expect(stripLetterFrame('Hi Maria,\n\nYour refill is with Dr. Lee.\n\nBest regards,\nJohn, RN')).toBe(
      'Your refill is with Dr. Lee.',
    );
    expect(stripLetterFrame('Hola, Pedro:\nSu cita es el lunes.\nSaludos,\nLa clínica')).toBe(
      'Su cita es el lunes.',
    );
    expect(stripLetterFrame('Thank you for your patience while we look into this.')).toBe(
      'Thank you for your patience while we look into this.',
    );
    expect(stripLetterFrame('Hello')).toBe('Hello');
  });

  it('tells English from Spanish when the evidence is clear', () => {
    expect(readsAs('We will send your refill to the pharmacy today, and you can call us.')).toBe('en');
    expect(readsAs('Le vamos a mandar la receta a su farmacia hoy, y usted nos puede llamar.')).toBe('es');
    expect(readsAs('OK 911')).toBeUndefined();
  });
});
