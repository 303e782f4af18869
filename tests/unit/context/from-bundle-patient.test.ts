import { chartFromBundle, ChartInputError } from '../../../src/context/from-bundle';
import { READING_GRADE_EXTENSION_URL } from '../../../src/context/extensions';
import { toIso6391 } from '../../../src/context/language';
import { bundle, NOW, patient, practitioner } from './chart-fixtures';

describe('chartFromBundle: Patient', () => {
  it('maps names, nickname, age, sex, language, identifiers and contact details', () => {
    const chart = chartFromBundle(bundle([patient(), practitioner]), NOW);
    const p = chart.patient;
    expect(p.source).toBe('Patient/p1');
    expect(p.givenNames).toEqual(['Rosalind', 'Mae']);
    expect(p.familyName).toBe('Quintero');
    expect(p.nicknames).toEqual(['Roz']);
    expect(p.preferredName).toBe('Roz');
    expect(p.otherNames).toEqual(['Rosalind Albright']);
    expect(p.birthDate).toBe('1961-07-04');
    expect(p.ageYears).toBe(64);
    expect(p.sex).toBe('female');
    expect(p.preferredLanguage).toBe('es');
    expect(p.recordNumbers).toEqual(['MRN-7731']);
    expect(p.otherIdentifiers).toEqual(['ZX-990011']);
    expect(p.phones).toEqual(['(217) 555-0142']);
    expect(p.emails).toEqual(['roz.q@example.org']);
    expect(p.addresses).toEqual(['41 Birch Ct, Apt 2, Riverton, IL 62561']);
    expect(chart.careTeam).toEqual([
      { source: 'Practitioner/dr1', name: 'Dr. Tendai Okonjo', role: 'primary care' },
    ]);
    expect(chart.warnings).toEqual([]);
  });

  it('reads collection and transaction bundles the same way as search results', () => {
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ fullUrl: 'urn:uuid:1', resource: patient(), request: { method: 'POST', url: 'Patient' } }],
    };
    expect(chartFromBundle(transaction, NOW).patient.familyName).toBe('Quintero');
    expect(chartFromBundle(bundle([patient()], 'collection'), NOW).patient.familyName).toBe('Quintero');
  });

  it('prefers a usual name over a nickname as the preferred name', () => {
    const chart = chartFromBundle(
      bundle([
        patient({
          name: [
            { family: 'Lee', given: ['Jonathan'] },
            { use: 'usual', given: ['Jon'] },
          ],
        }),
      ]),
      NOW,
    );
    expect(chart.patient.preferredName).toBe('Jon');
    expect(chart.patient.givenNames).toEqual(['Jonathan']);
  });

  it('computes age in days for an infant, relative to now', () => {
    const chart = chartFromBundle(bundle([patient({ birthDate: '2026-02-01' })]), NOW);
    expect(chart.patient.ageYears).toBe(0);
    expect(chart.patient.ageDays).toBe(42);
  });

  it('turns a future or unreadable birth date into a warning, not an age', () => {
    for (const birthDate of ['2027-01-01', 'last spring']) {
      const chart = chartFromBundle(bundle([patient({ birthDate })]), NOW);
      expect(chart.patient.ageYears).toBeUndefined();
      expect(chart.warnings).toEqual(['Patient/p1: birthDate is not a usable past date; age unknown']);
      expect(chart.warnings.join(' ')).not.toContain(birthDate);
    }
  });

  it('reads the reading-grade extension and ignores values outside 1-16', () => {
    const ext = (valueInteger: number) => ({
      extension: [{ url: READING_GRADE_EXTENSION_URL, valueInteger }],
    });
    expect(chartFromBundle(bundle([patient(ext(5))]), NOW).patient.readingGrade).toBe(5);
    expect(chartFromBundle(bundle([patient(ext(40))]), NOW).patient.readingGrade).toBeUndefined();
  });

  it('keeps contact names (a parent who writes for a child)', () => {
    const chart = chartFromBundle(
      bundle([patient({ contact: [{ name: { family: 'Quintero', given: ['Hector'] } }] })]),
      NOW,
    );
    expect(chart.patient.contactNames).toEqual(['Hector Quintero']);
  });

  it('gives a patient with nothing else empty lists', () => {
    const chart = chartFromBundle(bundle([{ resourceType: 'Patient', id: 'bare' }]), NOW);
    expect(chart).toEqual({
      patient: expect.objectContaining({ source: 'Patient/bare', givenNames: [], nicknames: [], phones: [] }),
      problems: [],
      medications: [],
      allergies: [],
      observations: [],
      appointments: [],
      careTeam: [],
      warnings: [],
    });
  });

  it('rejects input that is not a Bundle, or an invalid date, with a ChartInputError', () => {
    expect(() => chartFromBundle(bundle([patient()]), new Date('nonsense'))).toThrow(ChartInputError);
    for (const bad of [
      null,
      'text',
      42,
      [],
      { resourceType: 'Patient', id: 'p1' },
      { resourceType: 'Bundle', entry: {} },
    ]) {
      expect(() => chartFromBundle(bad, NOW)).toThrow(ChartInputError);
    }
  });

  it('maps language codes of several forms to ISO 639-1', () => {
    expect(toIso6391('es-419')).toBe('es');
    expect(toIso6391('spa')).toBe('es');
    expect(toIso6391('Spanish')).toBe('es');
    expect(toIso6391('zh_Hant')).toBe('zh');
    expect(toIso6391('vie')).toBe('vi');
    expect(toIso6391('klingon')).toBeUndefined();
  });
});
