/**
 * Template drafts on the project's own synthetic charts: every category, in English and Spanish, must
 * be a finished reply at or below the target grade, with no safety flag.
 */
import path from 'node:path';
import { chartFromBundle } from '../../../src/context';
import type { ChartContext } from '../../../src/context/types';
import { draftReply } from '../../../src/drafting/drafter';
import { loadPrompts } from '../../../src/drafting/prompts';
import { APPROVER_NOTES } from '../../../src/drafting/staff-flags';
import type { DraftResult } from '../../../src/drafting/types';
import { generateClinic, generateMessages, patientBundle } from '../../../src/portal/sandbox/synthetic';
import { CATEGORIES, type TriageResult, type Urgency } from '../../../src/triage/types';

const prompts = loadPrompts(path.join(__dirname, '../../../prompts'));
const NOW = new Date('2026-11-28T00:00:00Z');
const clinic = generateClinic({ seed: 20261128, patients: 80, now: NOW });
const charts: ChartContext[] = clinic.patients.map((p) => chartFromBundle(patientBundle(clinic, p.id), NOW));

// Flags that describe the situation, not a problem with the draft.
const INFORMATIONAL = new Set(['needs_translation', 'chart_warnings']);

function problems(d: DraftResult): string[] {
  const out = d.flags
    .filter((f) => !INFORMATIONAL.has(f.code) && !APPROVER_NOTES.has(f.code))
    .map((f) => `${f.code}: ${f.detail}`);
  if (d.readingGrade === null || d.readingGrade > d.targetGrade)
    out.push(`grade ${d.readingGrade} > ${d.targetGrade}`);
  if (/\{\{|\}\}|undefined|null|NaN|\[[A-Z_]+\]/.test(d.body)) out.push('unfilled slot');
  return out;
}

function triage(urgency: Urgency, category: TriageResult['category'], language: string): TriageResult {
  return { urgency, category, categories: [category], reasons: [], needsReply: true, flags: [], language };
}

// Texts that lead selectRelevant to the facts each category uses (a medicine, a result, a visit).
const TEXT: Record<string, { en: string; es: string }> = {
  medication: { en: 'Can I get a refill of my {med}?', es: '¿Me pueden mandar más {med}? Ya se me acaba.' },
  results: { en: 'What does my {result} result mean?', es: '¿Qué quiere decir mi resultado de {result}?' },
  scheduling: { en: 'Can I move my next appointment?', es: '¿Puedo cambiar mi próxima cita?' },
};

function textFor(category: string, lang: 'en' | 'es', chart: ChartContext): string {
  const t =
    TEXT[category]?.[lang] ??
    (lang === 'es' ? 'Tengo una pregunta, por favor.' : 'I have a question, please.');
  const med = chart.medications[0]?.name.split(' ')[0] ?? 'medicine';
  const result = chart.observations.find((o) => o.category === 'laboratory')?.name ?? 'lab';
  return t.replace('{med}', med).replace('{result}', result);
}

describe('template drafts on synthetic charts', () => {
  const cases: [string, 'en' | 'es', Urgency][] = [];
  for (const category of CATEGORIES) {
    for (const lang of ['en', 'es'] as const) {
      cases.push([category, lang, 'routine']);
      if (category === 'symptom' || category === 'medication') cases.push([category, lang, 'urgent']);
    }
  }

  it.each(cases)(
    '%s (%s, %s): finished replies at or below the target grade on every chart',
    async (category, lang, urgency) => {
      const failures: string[] = [];
      // Spanish drafts go to the patients who read Spanish, as in the clinic; English to everyone else.
      const readers = charts
        .filter((c) => (c.patient.preferredLanguage === 'es') === (lang === 'es'))
        .slice(0, 40);
      expect(readers.length).toBeGreaterThanOrEqual(10);
      for (const chart of readers) {
        const text = textFor(category, lang, chart);
        const d = await draftReply(
          { text, chart, triage: triage(urgency, category as TriageResult['category'], lang) },
          { model: null, prompts, now: NOW },
        );
        expect(d.source).toBe('template');
        expect(d.language).toBe(lang);
        const found = problems(d);
        if (found.length)
          failures.push(`${chart.patient.source} (target ${d.targetGrade}): ${found.join('; ')}\n${d.body}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('uses the chart: a refill names the medicine and dose, a result gives value, range and meaning', async () => {
    const chart = charts.find(
      (c) => c.medications.some((m) => m.refillsLeft !== undefined) && c.observations.length,
    )!;
    const med = chart.medications.find((m) => m.refillsLeft !== undefined)!;
    const refill = await draftReply(
      {
        text: `Please refill my ${med.name.split(' ')[0]}.`,
        chart,
        triage: triage('routine', 'medication', 'en'),
      },
      { model: null, prompts, now: NOW },
    );
    expect(refill.body.toLowerCase()).toContain(med.name.split(' ')[0].toLowerCase());
    expect(refill.body).toContain(med.dose!.split(' ')[0]);
    expect(refill.body).toMatch(med.refillsLeft! > 0 ? /refills left/ : /no refills left/);
    expect(refill.contextSnapshot.sources).toContain(med.source);

    const lab = chart.observations.find(
      (o) => o.category === 'laboratory' && o.value !== undefined && o.high !== undefined,
    )!;
    const result = await draftReply(
      { text: `What does my ${lab.name} result mean?`, chart, triage: triage('routine', 'results', 'en') },
      { model: null, prompts, now: NOW },
    );
    expect(result.body).toMatch(/Your .+ result/);
    expect(result.body).toMatch(/The normal range is \S+ to \S+\./);
    expect(result.body).toMatch(
      /This is (in the normal range|a little high|a little low|much higher than normal|much lower than normal|not in the normal range)\./,
    );
    expect(result.body).toMatch(/will look at it/);
  });

  it('every synthetic message gets a finished template draft at or below its target grade', async () => {
    const messages = generateMessages({ seed: 7, count: 120, clinic });
    const failures: string[] = [];
    let emergencies = 0;
    for (const m of messages) {
      const chart = charts[clinic.patients.findIndex((p) => p.id === m.patientId)];
      const text = m.communication.payload?.[0]?.contentString ?? '';
      const t = m.intended;
      const d = await draftReply(
        { text, chart, triage: triage(t.urgency, t.category, t.language) },
        { model: null, prompts, now: NOW },
      );
      if (d.source === 'escalation') emergencies += 1;
      const found = problems(d);
      if (found.length)
        failures.push(`${m.intended.scenario} ${t.language} target ${d.targetGrade}: ${found.join('; ')}`);
    }
    expect(emergencies).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
