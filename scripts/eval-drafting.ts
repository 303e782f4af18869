/**
 * Evaluates the drafting engine over a JSONL of patient messages ({id, text}), each paired with a
 * synthetic chart of the project's own generator (Spanish messages with Spanish-reading patients):
 *  1. templates: share of template (and emergency) drafts at or below the target grade (goal 100%);
 *  2. privacy: identifiers of the patient reaching a fake model, with the patient's name, birth date,
 *     record number, phone and email added to every message (goal 0);
 *  3. grounding: share of scripted model hallucinations (medicine, dose, value, date) the grounding
 *     check catches and replaces by the template draft (goal 100%).
 * Usage: tsx scripts/eval-drafting.ts FILE.jsonl [--patients N]
 *
 * Blind batches (charts written with the messages, drafts rated by a person): see
 * scripts/drafting-eval/cli.ts for `--blind` (drafting run) and `--ratings` (scoring).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chartFromBundle, knownIdentifiers, toTriageFacts } from '../src/context';
import type { ChartContext } from '../src/context/types';
import { draftReply } from '../src/drafting/drafter';
import { chartText } from '../src/drafting/facts';
import { loadPrompts } from '../src/drafting/prompts';
import { createChatModel } from '../src/llm/chat-model';
import { generateClinic, patientBundle } from '../src/portal/sandbox/synthetic';
import { classify } from '../src/triage';
import { startFakeOpenAI } from '../tests/helpers/fake-openai';
import { isBlindMode, runBlindModes } from './drafting-eval/cli';

interface Line {
  id: string;
  text: string;
}

const NOW = new Date('2026-11-28T00:00:00Z');
const GROUNDING = new Set(['ungrounded_medicine', 'ungrounded_dose', 'ungrounded_value']);

function readLines(file: string): Line[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const v = JSON.parse(l) as Partial<Line>;
      if (typeof v.text !== 'string') throw new Error(`${file}:${i + 1}: no text`);
      return { id: String(v.id ?? i + 1), text: v.text };
    });
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/** Values that must never reach the model, in the spellings a request could carry them. */
function leakProbes(chart: ChartContext): { kind: string; value: string }[] {
  const ids = knownIdentifiers(chart.patient);
  const probes: { kind: string; value: string }[] = [];
  for (const n of ids.names) if (n.length >= 3) probes.push({ kind: 'name', value: n });
  if (ids.birthDate)
    probes.push(
      { kind: 'birth date', value: ids.birthDate },
      { kind: 'birth date', value: usDate(ids.birthDate) },
    );
  for (const r of ids.recordNumbers) probes.push({ kind: 'record number', value: r });
  for (const p of ids.phones)
    probes.push({ kind: 'phone', value: p }, { kind: 'phone', value: p.replace(/\D/g, '').slice(-7) });
  for (const e of ids.emails) probes.push({ kind: 'email', value: e });
  for (const a of ids.addresses) probes.push({ kind: 'address', value: a.split(',')[0] });
  return probes;
}

function signed(text: string, chart: ChartContext): string {
  const p = chart.patient;
  const name = [p.givenNames[0], p.familyName].filter(Boolean).join(' ');
  const dob = p.birthDate ? `, DOB ${usDate(p.birthDate)}` : '';
  return `${text}\n${name}${dob}, MRN ${p.recordNumbers[0] ?? ''}, ${p.phones[0] ?? ''}, ${p.emails[0] ?? ''}`;
}

/** A model answer stating one thing the chart and the message do not hold. */
function hallucination(
  kind: number,
  chart: ChartContext,
  text: string,
): { kind: string; body: string } | undefined {
  const known = `${chartText(chart, NOW)}\n${text}`.toLowerCase();
  const absent = (v: string) => !known.includes(v.toLowerCase());
  const es = chart.patient.preferredLanguage === 'es';
  switch (kind % 4) {
    case 0: {
      const med = ['metoprolol', 'gabapentin', 'sertraline', 'furosemide', 'omeprazole', 'warfarin'].find(
        absent,
      );
      if (!med) return undefined;
      return {
        kind: 'medicine',
        body: es ? `Siga tomando su ${med} todos los días.` : `Please keep taking your ${med} every day.`,
      };
    }
    case 1: {
      const med = chart.medications.find((m) => m.dose && /^\d/.test(m.dose));
      if (!med) return hallucination(kind + 1, chart, text);
      const [value, unit] = med.dose!.split(' ');
      // Doubled: sometimes a dose the chart holds for another medicine, which must still be caught.
      const wrong = `${Number(value) * 2} ${unit ?? 'mg'}`;
      const name = med.name.split(' ')[0].toLowerCase();
      if (text.toLowerCase().includes(wrong)) return undefined;
      return {
        kind: 'dose',
        body: es ? `Siga tomando ${name} ${wrong} cada día.` : `Keep taking ${name} ${wrong} each day.`,
      };
    }
    case 2: {
      const value = ['9.3', '7.8', '11.2', '6.6'].find(absent);
      if (!value) return undefined;
      return {
        kind: 'value',
        body: es
          ? `Su último resultado fue ${value}. Pronto hablamos.`
          : `Your last result was ${value}, so we will talk soon.`,
      };
    }
    default: {
      const dates = es ? ['17 de marzo', '29 de abril', '3 de junio'] : ['March 17', 'April 29', 'June 3'];
      const date = dates.find(absent);
      if (!date) return undefined;
      return {
        kind: 'date',
        body: es ? `Lo vemos el ${date} para esto.` : `We will see you on ${date} for this.`,
      };
    }
  }
}

let triageErrors = 0;

/** Triage with chart facts; a triage failure is counted and the message triaged on its text alone. */
function triageOf(text: string, chart: ChartContext) {
  try {
    return classify(text, toTriageFacts(chart));
  } catch {
    triageErrors += 1;
    return classify(text);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (isBlindMode(args)) return runBlindModes(args, process.env);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: tsx scripts/eval-drafting.ts FILE.jsonl [--patients N]  (or --blind / --ratings)');
    return 2;
  }
  const count = Number(args[args.indexOf('--patients') + 1]) || 200;
  const prompts = loadPrompts(path.join(__dirname, '../prompts'));
  const clinic = generateClinic({ seed: 11, patients: count, now: NOW });
  const charts = clinic.patients.map((p) => chartFromBundle(patientBundle(clinic, p.id), NOW));
  const spanish = charts.filter((c) => c.patient.preferredLanguage === 'es');
  const others = charts.filter((c) => c.patient.preferredLanguage !== 'es');
  const lines = readLines(file).map((line, i) => {
    const lang = classify(line.text).language;
    const pool = lang === 'es' && spanish.length ? spanish : others;
    return { ...line, chart: pool[i % pool.length] };
  });

  // 1. Template drafts and their reading grade.
  let drafted = 0;
  let atOrBelow = 0;
  const over: string[] = [];
  for (const l of lines) {
    const triage = triageOf(l.text, l.chart);
    const d = await draftReply({ text: l.text, chart: l.chart, triage }, { model: null, prompts, now: NOW });
    if (d.source === 'none' || d.readingGrade === null) continue;
    drafted += 1;
    if (d.readingGrade <= d.targetGrade) atOrBelow += 1;
    else
      over.push(
        `${l.id} ${d.language} ${d.contextSnapshot.templateKinds.join('+')} grade ${d.readingGrade} > ${d.targetGrade}`,
      );
  }
  console.log(`Template drafts at or below target grade: ${pct(atOrBelow, drafted)}`);
  for (const o of over) console.log(`  over: ${o}`);
  // Patients may ask for a lower grade than the clinic default: the same drafts at forced targets.
  for (const target of [5, 4]) {
    const byLang = new Map<string, [number, number]>();
    for (const l of lines) {
      const triage = triageOf(l.text, l.chart);
      const d = await draftReply(
        { text: l.text, chart: l.chart, triage, targetGrade: target },
        { model: null, prompts, now: NOW },
      );
      if (d.readingGrade === null) continue;
      const [n, of] = byLang.get(d.language) ?? [0, 0];
      byLang.set(d.language, [n + (d.readingGrade <= target ? 1 : 0), of + 1]);
    }
    console.log(
      `  at target ${target}: ${[...byLang].map(([lang, [n, of]]) => `${lang} ${pct(n, of)}`).join(', ')}`,
    );
  }

  // 2 and 3 run against a fake OpenAI-compatible server on 127.0.0.1.
  const fake = await startFakeOpenAI();
  const model = createChatModel({
    baseUrl: fake.baseUrl,
    apiKey: 'eval',
    model: 'fake',
    timeoutMs: 5000,
    maxRetries: 0,
  });
  try {
    const leaks = new Map<string, number>();
    let requests = 0;
    fake.setDefault({ json: { body: 'Thank you for your message. We will write back soon.' } });
    for (const l of lines) {
      const text = signed(l.text, l.chart);
      const triage = triageOf(text, l.chart);
      fake.requests.length = 0;
      await draftReply({ text, chart: l.chart, triage }, { model, prompts, now: NOW });
      requests += fake.requests.length;
      for (const r of fake.requests) {
        for (const p of leakProbes(l.chart)) {
          // Whole words only: the nickname "Pat" is not leaked by the word "Patient".
          const escaped = p.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(r.messagesText)) {
            leaks.set(p.kind, (leaks.get(p.kind) ?? 0) + 1);
          }
        }
      }
    }
    const total = [...leaks.values()].reduce((a, b) => a + b, 0);
    console.log(
      `Identifiers reaching the model: ${total} over ${requests} requests${total ? ` (${[...leaks].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
    );

    const caught = new Map<string, [number, number]>();
    let k = 0;
    for (const l of lines) {
      const triage = triageOf(l.text, l.chart);
      if (triage.urgency === 'emergent' || !triage.needsReply) continue;
      const h = hallucination(k++, l.chart, l.text);
      if (!h) continue;
      fake.setDefault({ json: { body: h.body } });
      const d = await draftReply({ text: l.text, chart: l.chart, triage }, { model, prompts, now: NOW });
      const hit =
        d.source === 'template' &&
        d.flags.some((f) => GROUNDING.has(f.code) && f.detail.startsWith('model draft:'));
      const [n, of] = caught.get(h.kind) ?? [0, 0];
      caught.set(h.kind, [n + (hit ? 1 : 0), of + 1]);
      if (!hit) console.log(`  missed ${h.kind}: ${l.id}: ${h.body}`);
    }
    const all = [...caught.values()].reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    console.log(`Scripted hallucinations caught by the grounding check: ${pct(all[0], all[1])}`);
    for (const [kind, [n, of]] of caught) console.log(`  ${kind}: ${pct(n, of)}`);
    if (triageErrors)
      console.log(
        `(triage failed with chart facts ${triageErrors}×; those messages were triaged on text alone)`,
      );
    return atOrBelow === drafted && total === 0 && all[0] === all[1] ? 0 : 1;
  } finally {
    await fake.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`eval-drafting: ${(err as Error).stack}`);
    process.exit(2);
  },
);
