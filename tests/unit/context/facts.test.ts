import { knownIdentifiers, toTriageFacts } from '../../../src/context/select';
import { chartFromBundle } from '../../../src/context/from-bundle';
import { medicineBaseName, namesForMedicine } from '../../../src/context/medicine-names';
import { editDistance, findPhrase, tokenize, wordMatches } from '../../../src/context/text-match';
import { bundle, condition, medRequest, NOW, patient } from './chart-fixtures';

describe('toTriageFacts', () => {
  it('gives age, sex, pregnancy and lower-case medicine and problem names', () => {
    const chart = chartFromBundle(
      bundle([
        patient({ birthDate: '2026-01-20', gender: 'male' }),
        condition('c1', 'Kidney transplant recipient'),
        medRequest('m1', 'Tacrolimus 1 mg capsule'),
        medRequest('m2', 'Insulin glargine 100 units/mL pen'),
        medRequest('m3', 'Metoprolol succinate ER 25 mg tablet'),
      ]),
      NOW,
    );
    expect(toTriageFacts(chart)).toEqual({
      ageYears: 0,
      ageDays: 54,
      sex: 'male',
      medications: ['tacrolimus', 'insulin glargine', 'metoprolol succinate'],
      conditions: ['kidney transplant recipient'],
    });
    const pregnant = chartFromBundle(bundle([patient(), condition('c1', 'Pregnancy')]), NOW);
    expect(toTriageFacts(pregnant).pregnant).toBe(true);
  });
});

describe('knownIdentifiers', () => {
  it('lists every identifier of the patient for the privacy layer, longest names first', () => {
    const chart = chartFromBundle(
      bundle([patient({ contact: [{ name: { family: 'Quintero Díaz', given: ['Hector'] } }] })]),
      NOW,
    );
    const ids = knownIdentifiers(chart.patient);
    expect(ids.names).toEqual(
      expect.arrayContaining([
        'Rosalind Mae Quintero',
        'Rosalind Quintero',
        'Roz Quintero',
        'Rosalind',
        'Mae',
        'Quintero',
        'Roz',
        'Rosalind Albright',
      ]),
    );
    // A contact (a parent writing for a child) is hidden too, but never labelled as the patient.
    expect(ids.relatedNames).toEqual(expect.arrayContaining(['Hector Quintero Díaz', 'Hector', 'Díaz']));
    expect(ids.names).not.toContain('Hector');
    // Longest first, so a replacer hides "Rosalind Mae Quintero" before "Rosalind".
    expect(ids.names.map((n) => n.length)).toEqual([...ids.names.map((n) => n.length)].sort((a, b) => b - a));
    expect(ids).toMatchObject({
      birthDate: '1961-07-04',
      recordNumbers: ['MRN-7731', 'ZX-990011'],
      phones: ['(217) 555-0142'],
      emails: ['roz.q@example.org'],
      addresses: ['41 Birch Ct, Apt 2, Riverton, IL 62561'],
    });
  });

  it('is empty for a patient with no identifiers', () => {
    const chart = chartFromBundle(bundle([{ resourceType: 'Patient', id: 'anon' }]), NOW);
    expect(knownIdentifiers(chart.patient)).toEqual({
      names: [],
      relatedNames: [],
      birthDate: undefined,
      recordNumbers: [],
      phones: [],
      emails: [],
      addresses: [],
    });
  });
});

describe('medicine names and tolerant matching', () => {
  it('strips strength and form, and knows brand and Spanish names', () => {
    expect(medicineBaseName('Albuterol HFA 90 mcg/actuation inhaler')).toBe('albuterol');
    expect(medicineBaseName('Hydrocortisone 1% cream')).toBe('hydrocortisone');
    expect(namesForMedicine('Levothyroxine 50 mcg tablet')).toEqual(
      expect.arrayContaining(['levothyroxine', 'synthroid', 'levotiroxina']),
    );
    expect(namesForMedicine('Insulin glargine 100 units/mL pen')).toEqual(
      expect.arrayContaining(['insulin glargine', 'insulin', 'glargine', 'lantus']),
    );
  });

  it('matches misspellings by length, never short words loosely', () => {
    expect(editDistance('lisinopril', 'lisinopirl', 2)).toBe(1);
    expect(wordMatches('metforman', 'metformin')).toBe(true);
    expect(wordMatches('atorvastatine', 'atorvastatin')).toBe(true);
    expect(wordMatches('inr', 'inr')).toBe(true);
    expect(wordMatches('ins', 'inr')).toBe(false);
    expect(wordMatches('latus', 'lantus')).toBe(false);
    expect(wordMatches('metoprolol', 'metformin')).toBe(false);
    expect(findPhrase(tokenize('my Blood-Pressure pills'), 'blood pressure')).toBe(1);
    expect(tokenize('¿Mi AZÚCAR está alta?')).toEqual(['mi', 'azucar', 'esta', 'alta']);
  });
});
