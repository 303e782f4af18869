/**
 * Drafting run of a blind batch: each message goes through the product as the worker takes it
 * (src/messages/triage-message.ts, then draft-message.ts): triage on the text, again with the chart's
 * facts unless the text alone is emergent, the model's second opinion when a model is configured,
 * then draftReply with the chart, the clinic's prompts, the clinic's time zone and a fixed "now".
 * The chart comes from the batch's simple chart through a FHIR Bundle and the product's own reader.
 * No style examples: a fresh clinic has no approved replies to take them from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../src/config';
import { chartFromBundle, toTriageFacts } from '../../src/context';
import type { ChartContext } from '../../src/context/types';
import { DEFAULT_PROMPTS_DIR, draftReply, loadPrompts } from '../../src/drafting';
import { createChatModel } from '../../src/llm/chat-model';
import { classify, type TriageResult } from '../../src/triage';
import { secondOpinion } from '../../src/triage/second-opinion';
import { parseSimpleChart, patientIdFor, simpleChartToBundle } from '../../tests/helpers/simple-chart';
import { summarizeChart } from './chart-summary';
import { renderRatingSheet } from './rating-sheet';
import { CLINIC_TIME_ZONE, isDraftLine, type DraftLine, type ErrorLine } from './types';

const messageSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  text: z.string(),
  lang: z.string().optional(),
  kind: z.string().optional(),
  chart: z.unknown().refine((c) => c !== undefined && c !== null, 'no chart'),
});

export interface BlindRunOptions {
  messages: string;
  out: string;
  sheet: string;
  now: Date;
  env: NodeJS.ProcessEnv;
  /** Replace an existing drafts file (its ratings, if any, would no longer match). */
  force?: boolean;
  promptsDir?: string;
}

type Model = ReturnType<typeof createChatModel>;

export interface Engine {
  model: Model;
  modelName: string;
  prompts: ReturnType<typeof loadPrompts>;
  now: Date;
}

/** As the worker: the text alone first; chart facts only when the text is not already emergent. */
async function triageAsWorker(text: string, chart: ChartContext, model: Model): Promise<TriageResult> {
  let result = classify(text);
  if (result.urgency !== 'emergent') result = classify(text, toTriageFacts(chart));
  return model ? secondOpinion(model, text, result) : result;
}

async function draftOne(m: z.infer<typeof messageSchema>, engine: Engine): Promise<DraftLine> {
  const simple = parseSimpleChart(m.chart);
  const chart = chartFromBundle(simpleChartToBundle(simple, patientIdFor(m.id)), engine.now);
  const base = {
    id: m.id,
    text: m.text,
    lang: m.lang ?? '',
    ...(m.kind !== undefined ? { kind: m.kind } : {}),
    chart_summary: summarizeChart(simple, engine.now, CLINIC_TIME_ZONE),
  };
  let triage: TriageResult;
  try {
    triage = await triageAsWorker(m.text, chart, engine.model);
  } catch {
    // The worker sends such a message to the inbox as urgent, with no draft (failToReady).
    return {
      ...base,
      urgency: 'urgent',
      triage_reasons: ['urgent: automatic triage failed — a person must read this now'],
      draft: '',
      draft_flags: [{ code: 'triage_failed', detail: '' }],
      source: 'none',
    };
  }
  const draft = await draftReply(
    { text: m.text, chart, triage, styleExamples: [] },
    {
      model: engine.model,
      prompts: engine.prompts,
      now: engine.now,
      modelName: engine.modelName,
      timeZone: CLINIC_TIME_ZONE,
    },
  );
  return {
    ...base,
    lang: m.lang ?? triage.language,
    urgency: triage.urgency,
    triage_reasons: triage.reasons,
    draft: draft.body,
    draft_flags: draft.flags.map((f) => ({ code: f.code, detail: f.detail })),
    source: draft.source,
  };
}

function lineError(raw: string, lineNo: number, err: unknown): ErrorLine {
  let id: string | null = null;
  try {
    const v = (JSON.parse(raw) as { id?: unknown }).id;
    if (typeof v === 'string' || typeof v === 'number') id = String(v);
  } catch {
    id = null;
  }
  // A JSON parser's message can quote the line (a patient's words): say only what is wrong.
  const reason = err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message;
  return { id, line: lineNo, error: `line ${lineNo}: ${reason}` };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'line'}: ${issue.message}`;
}

/** Drafts every line of a batch; a bad line becomes an ErrorLine and the rest still run. */
export async function draftBatch(file: string, engine: Engine): Promise<(DraftLine | ErrorLine)[]> {
  const out: (DraftLine | ErrorLine)[] = [];
  const seen = new Set<string>();
  const rows = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i];
    if (!raw.trim()) continue;
    try {
      const checked = messageSchema.safeParse(JSON.parse(raw));
      if (!checked.success) throw new Error(describe(checked.error));
      if (seen.has(checked.data.id)) throw new Error(`id "${checked.data.id}" appears twice`);
      seen.add(checked.data.id);
      out.push(await draftOne(checked.data, engine));
    } catch (err) {
      out.push(lineError(raw, i + 1, err));
    }
  }
  return out;
}

export async function runBlindDrafting(o: BlindRunOptions): Promise<number> {
  if (!fs.existsSync(o.messages)) {
    console.error(`eval-drafting: no such file: ${o.messages}`);
    return 2;
  }
  if (fs.existsSync(o.out) && !o.force) {
    console.error(
      `eval-drafting: ${o.out} exists; drafts that may have been rated are not replaced (use --force)`,
    );
    return 2;
  }
  const config = loadConfig(o.env);
  const engine: Engine = {
    model: createChatModel(config.llm),
    modelName: config.llm.model,
    prompts: loadPrompts(o.promptsDir ?? DEFAULT_PROMPTS_DIR),
    now: o.now,
  };
  const lines = await draftBatch(o.messages, engine);
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  fs.writeFileSync(
    o.sheet,
    renderRatingSheet(lines, { batch: path.basename(path.dirname(path.resolve(o.messages))), now: o.now }),
  );
  const drafted = lines.filter(isDraftLine);
  const bySource = new Map<string, number>();
  for (const l of drafted) bySource.set(l.source, (bySource.get(l.source) ?? 0) + 1);
  console.log(
    `drafted ${drafted.length} of ${lines.length} messages (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}), ${engine.model ? `model ${engine.modelName}` : 'no model configured'}`,
  );
  console.log(`drafts: ${o.out}\nrating sheet: ${o.sheet}`);
  for (const l of lines) if (!isDraftLine(l)) console.error(`not drafted: ${l.id ?? '(no id)'}: ${l.error}`);
  return lines.length === drafted.length ? 0 : 1;
}
