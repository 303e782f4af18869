import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { classify } from './classify';

/** One input line of `npm run -s triage -- FILE.jsonl`. */
const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

/**
 * Reads `{id, text}` JSON lines and writes one `{id, urgency, category, reasons, needs_reply}` line
 * each, in input order. A bad line gets an error on `err` naming its line number; the rest still run
 * and the exit code is 1. Returns 2 for a usage or file error.
 */
export async function runTriageCli(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    err.write('usage: triage FILE.jsonl\n');
    return 2;
  }
  let failures = 0;
  let lineNumber = 0;
  try {
    const lines = createInterface({
      input: createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (!parsed.ok) {
        failures++;
        err.write(`line ${lineNumber}: ${parsed.error}\n`);
        continue;
      }
      const r = classify(parsed.value.text);
      const record = {
        id: parsed.value.id,
        urgency: r.urgency,
        category: r.category,
        reasons: r.reasons,
        needs_reply: r.needsReply,
      };
      if (!out.write(`${JSON.stringify(record)}\n`))
        await new Promise((resolve) => out.once('drain', resolve));
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err.write(`cannot read ${file}: ${code ?? (e as Error).message}\n`);
    return 2;
  }
  return failures > 0 ? 1 : 0;
}

function parseLine(
  line: string,
): { ok: true; value: z.infer<typeof InputLine> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const parsed = InputLine.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'expected {"id": string|number, "text": string}' };
  return { ok: true, value: parsed.data };
}
