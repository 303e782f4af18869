import { DateTime } from 'luxon';
import { chartFromBundle } from '../../../src/context/from-bundle';
import { selectRelevant } from '../../../src/context/select';
import {
  generateClinic,
  generateMessages,
  patientBundle,
  Rng,
  SCENARIOS,
  type SyntheticMessage,
} from '../../../src/portal/sandbox/synthetic';
import { CATEGORIES, URGENCIES } from '../../../src/triage/types';

const NOW = new Date('2026-06-10T09:30:00Z');
const clinic = generateClinic({ seed: 11, patients: 300, now: NOW });
const messages = generateMessages({ seed: 5, count: 240, clinic, now: NOW });
const text = (m: SyntheticMessage) => m.communication.payload[0]!.contentString;
const patientOf = (m: SyntheticMessage) => clinic.patients.find((p) => p.id === m.patientId)!;

describe('generateMessages', () => {
  it('is deterministic for the same seed, clinic and date', () => {
    expect(generateMessages({ seed: 5, count: 240, clinic, now: NOW })).toEqual(messages);
    expect(generateMessages({ seed: 6, count: 240, clinic, now: NOW })).not.toEqual(messages);
  });

  it('covers every urgency and every category, in English and in Spanish', () => {
    const first = generateMessages({ seed: 5, count: SCENARIOS.length * 2, clinic, now: NOW });
    for (const urgency of URGENCIES) expect(first.some((m) => m.intended.urgency === urgency)).toBe(true);
    for (const category of CATEGORIES) {
      for (const language of ['en', 'es']) {
        const found = first.some((m) => m.intended.category === category && m.intended.language === language);
        expect({ category, language, found }).toEqual({ category, language, found: true });
      }
    }
    // Every scenario that at least one patient of this clinic could have written.
    const possible = SCENARIOS.filter((s) => clinic.patients.some((p) => s.fit(p, new Rng(1))));
    expect(possible.length).toBeGreaterThan(SCENARIOS.length - 3);
    expect(new Set(first.map((m) => m.intended.scenario))).toEqual(new Set(possible.map((s) => s.id)));
  });

  it('writes valid patient-to-clinic Communications, sorted by sent time', () => {
    const ids = new Set<string>();
    let previous = '';
    for (const m of messages) {
      const c = m.communication;
      expect(c).toMatchObject({ resourceType: 'Communication', status: 'completed' });
      expect(c.sender).toEqual({ reference: `Patient/${m.patientId}` });
      expect(c.subject).toEqual(c.sender);
      expect(c.recipient[0]!.reference).toMatch(/^(Practitioner\/prac-|Organization\/org-)/);
      expect(text(m).trim().length).toBeGreaterThan(10);
      expect(new Date(c.sent).getTime()).toBeLessThan(NOW.getTime());
      expect(c.sent >= previous).toBe(true);
      previous = c.sent;
      ids.add(c.id);
    }
    expect(ids.size).toBe(messages.length);
  });

  it('writes about the patient’s own chart: the facts it refers to are theirs and the chart picker finds them', () => {
    let withFacts = 0;
    for (const m of messages) {
      const p = patientOf(m);
      const own = new Set(p.resources.map((r) => `${r.resourceType}/${r.id}`));
      for (const ref of m.chartRefs) expect(own.has(ref)).toBe(true);
      if (!m.chartRefs.length) continue;
      withFacts++;
      const chart = chartFromBundle(patientBundle(clinic, p.id), NOW);
      const picked = selectRelevant(chart, text(m), [m.intended.category]);
      const sources = new Set([
        ...picked.medications.map((x) => x.source),
        ...picked.results.flatMap((t) => [t.latest.source, ...t.previous.map((x) => x.source)]),
        ...picked.appointments.map((x) => x.source),
      ]);
      const missing = m.chartRefs.filter((ref) => !sources.has(ref));
      expect({ text: text(m), missing }).toEqual({ text: text(m), missing: [] });
    }
    expect(withFacts).toBeGreaterThan(60);
  });

  it("quotes in result messages only values from that patient's own chart, and a trend is a change", () => {
    const numbersIn = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/DOB|Fecha|MRN|call me|número/i.test(l))
        .join(' ')
        .match(/\d+(?:\.\d+)?(?![\d/*])/g) ?? [];
    let checked = 0;
    for (const m of messages.filter((x) =>
      ['result_question', 'result_trend', 'high_inr'].includes(x.intended.scenario),
    )) {
      const p = patientOf(m);
      const refs = m.chartRefs
        .filter((r) => r.startsWith('Observation/'))
        .map((r) => r.slice('Observation/'.length));
      const values = p.results.filter((r) => refs.includes(r.id)).map((r) => String(r.value));
      const unitNumbers = new Set(['10', '3', '1.73', '1', '5']); // "10*3/uL", "mL/min/1.73m2", "A1c", "5 mg"
      const quoted = numbersIn(text(m)).filter((n) => !unitNumbers.has(n) || values.includes(n));
      for (const n of quoted)
        expect({ text: text(m), n, chart: values }).toEqual({
          text: text(m),
          n,
          chart: expect.arrayContaining([n]),
        });
      if (m.intended.scenario === 'result_trend') expect(new Set(values).size).toBe(2);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('books visits on weekdays in clinic hours, on the clinic clock in winter and in summer', () => {
    for (const now of [new Date('2026-01-10T12:00:00Z'), new Date('2026-07-10T12:00:00Z')]) {
      const c = generateClinic({ seed: 4, patients: 120, now });
      const visits = c.patients.flatMap((p) => p.visits);
      expect(visits.length).toBeGreaterThan(50);
      for (const v of visits) {
        const local = DateTime.fromISO(v.start).setZone('America/Chicago');
        expect(local.weekday).toBeLessThanOrEqual(5);
        expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(8 * 60);
        expect(local.hour * 60 + local.minute).toBeLessThanOrEqual(16 * 60 + 40);
      }
    }
  });

  it('fits scenarios to the patient: infants, pregnancy, critical medicines, Spanish speakers', () => {
    for (const m of messages) {
      const p = patientOf(m);
      const s = m.intended.scenario;
      if (s === 'infant_fever') expect(p.demographics.ageDays).toBeLessThan(90);
      if (s.startsWith('pregnancy')) expect(p.chart.gestationWeeks).toBeDefined();
      if (s === 'out_of_critical_medicine')
        expect(p.chart.meds.find((x) => `MedicationRequest/${x.id}` === m.chartRefs[0])!.def.critical).toBe(
          true,
        );
      if (m.intended.language === 'es') expect(p.demographics.language).toBe('es');
    }
    const spanishSpeakers = messages.filter((m) => patientOf(m).demographics.language === 'es');
    const inSpanish = spanishSpeakers.filter((m) => m.intended.language === 'es');
    expect(inSpanish.length / spanishSpeakers.length).toBeGreaterThan(0.8);
  });

  it('copies only the patient’s own identifiers into the text, and says which', () => {
    const withIds = messages.filter((m) => m.identifiersInText.length);
    expect(withIds.length).toBeGreaterThan(40);
    for (const m of withIds) {
      const d = patientOf(m).demographics;
      const own = [
        d.phone,
        d.mrn,
        d.birthDate.replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$2/$3/$1'),
        d.person.given,
        d.person.nickname,
        d.parent?.given,
        d.parent?.nickname,
      ];
      for (const id of m.identifiersInText) {
        expect(text(m)).toContain(id);
        expect(own).toContain(id);
      }
    }
  });

  it('varies wording: few exact repeats', () => {
    const distinct = new Set(messages.map(text));
    expect(distinct.size / messages.length).toBeGreaterThan(0.9);
  });

  it('handles edge sizes: none, a tiny clinic, an empty clinic, and a bad count', () => {
    expect(generateMessages({ seed: 1, count: 0, clinic })).toEqual([]);
    const tiny = generateClinic({ seed: 3, patients: 2, now: NOW });
    const few = generateMessages({ seed: 1, count: 30, clinic: tiny, now: NOW });
    expect(few).toHaveLength(30);
    expect(few.every((m) => ['pat-0001', 'pat-0002'].includes(m.patientId))).toBe(true);
    expect(generateMessages({ seed: 1, count: 5, clinic: generateClinic({ seed: 1, patients: 0 }) })).toEqual(
      [],
    );
    expect(() => generateMessages({ seed: 1, count: -3, clinic })).toThrow(RangeError);
  });
});
