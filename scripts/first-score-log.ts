/**
 * The log of blind batches' FIRST scores (triage and drafting): a batch is scored before anything is
 * changed for it, and logged once; a second entry for the same batch is refused, so later, better
 * scores can never replace the honest first one.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function hasFirstScore(log: string, batch: string): boolean {
  if (!existsSync(log)) return false;
  return readFileSync(log, 'utf8')
    .split('\n')
    .some((line) => {
      if (!line.trim()) return false;
      try {
        return (JSON.parse(line) as { batch?: unknown }).batch === batch;
      } catch {
        return line.includes(`"batch":${JSON.stringify(batch)}`);
      }
    });
}

/** Appends `{date, batch, ...figures}`; false (and nothing written) when the batch is already there. */
export function appendFirstScore(log: string, batch: string, figures: object, now = new Date()): boolean {
  if (hasFirstScore(log, batch)) return false;
  mkdirSync(path.dirname(log), { recursive: true });
  appendFileSync(log, `${JSON.stringify({ date: now.toISOString().slice(0, 10), batch, ...figures })}\n`);
  return true;
}
