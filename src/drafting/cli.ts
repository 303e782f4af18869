/**
 * `draft FILE.jsonl`: one `{id, text, patient_bundle?, target_grade?}` per line in, one
 * `{id, urgency, source, draft, reading_grade, target_grade, flags}` per line out. With OPENAI_BASE_URL
 * or OPENAI_API_KEY set the model drafts; otherwise the templates do. A bad line gets an error line
 * and the rest still run.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '../config';
import { DEFAULT_PROMPTS_DIR } from '../config/prompts-dir';
import { chartFromBundle, toTriageFacts } from '../context';
import type { ChartContext } from '../context/types';
import { createChatModel } from '../llm/chat-model';
import { classify } from '../triage';
import { draftReply } from './drafter';
import { loadPrompts } from './prompts';
import type { DraftFlag } from './types';

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  patient_bundle: z.unknown().optional(),
  target_grade: z.number().min(1).max(16).optional(),
});

/** The repository's prompts/ folder, found from here both in src/ (tsx) and in dist/src/ (built). */
export { DEFAULT_PROMPTS_DIR };

function write(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(`${JSON.stringify(value)}\n`)) resolve();
    else out.once('drain', () => resolve());
  });
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'line'}: ${issue.message}`;
}

export async function runDraftCli(
  args: string[],
  out: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
  promptsDir = DEFAULT_PROMPTS_DIR,
): Promise<number> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) {
    console.error(
      'usage: draft FILE.jsonl   (each line: {"id", "text", "patient_bundle"?, "target_grade"?})',
    );
    return 2;
  }
  let deps;
  try {
    const config = loadConfig(env);
    deps = {
      model: createChatModel(config.llm),
      prompts: loadPrompts(promptsDir),
      modelName: config.llm.model,
      timeZone: config.env.CLINIC_TIME_ZONE,
    };
  } catch (err) {
    console.error(`draft: ${(err as Error).message}`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`draft: no such file: ${file}`);
    return 2;
  }

  let failed = 0;
  let lineNo = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo += 1;
    if (!line.trim()) continue;
    let parsed: z.infer<typeof lineSchema>;
    try {
      const checked = lineSchema.safeParse(JSON.parse(line));
      if (!checked.success) throw new Error(describe(checked.error));
      parsed = checked.data;
    } catch (err) {
      failed += 1;
      const id = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|\d+)/.exec(line)?.[1];
      // The JSON parser's message quotes the input, which may be a patient's words: say only what is wrong.
      const reason = err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message;
      let shownId: unknown = null;
      try {
        shownId = id ? JSON.parse(id) : null;
      } catch {
        shownId = null;
      }
      await write(out, {
        id: shownId,
        line: lineNo,
        error: `line ${lineNo}: ${reason}`,
      });
      continue;
    }
    try {
      const now = new Date();
      const extraFlags: DraftFlag[] = [];
      let chart: ChartContext | undefined;
      if (parsed.patient_bundle !== undefined && parsed.patient_bundle !== null) {
        try {
          chart = chartFromBundle(parsed.patient_bundle, now);
        } catch (err) {
          extraFlags.push({
            code: 'chart_missing',
            detail: `patient_bundle not used: ${(err as Error).message}`,
          });
        }
      }
      const triage = classify(parsed.text, chart ? toTriageFacts(chart) : undefined);
      const draft = await draftReply(
        { text: parsed.text, chart, triage, targetGrade: parsed.target_grade },
        { ...deps, now },
      );
      await write(out, {
        id: parsed.id,
        urgency: triage.urgency,
        source: draft.source,
        draft: draft.body,
        reading_grade: draft.readingGrade,
        target_grade: draft.targetGrade,
        flags: [
          ...extraFlags,
          ...draft.flags.filter(
            (f) => !(chart === undefined && extraFlags.length && f.code === 'chart_missing'),
          ),
        ],
        language: draft.language,
        needs_translation: draft.needsTranslation,
      });
    } catch (err) {
      failed += 1;
      await write(out, {
        id: parsed.id,
        line: lineNo,
        error: `line ${lineNo}: ${(err as Error).name}: ${(err as Error).message}`,
      });
    }
  }
  return failed > 0 ? 1 : 0;
}
