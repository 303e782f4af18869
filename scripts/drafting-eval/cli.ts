/**
 * The blind modes of `npm run -s eval:drafting`:
 *   --blind BATCH/messages.jsonl --out BATCH/drafts.jsonl [--now ISO] [--sheet FILE.md] [--force]
 *   --ratings BATCH/ratings.jsonl --drafts BATCH/drafts.jsonl [--log LOG.jsonl --batch NAME]
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { runBlindDrafting } from './blind-run';
import { runScoring } from './score-run';
import { DEFAULT_NOW } from './types';

const VALUED = ['--blind', '--out', '--now', '--sheet', '--ratings', '--drafts', '--log', '--batch'];
const USAGE = `usage:
  eval:drafting -- --blind BATCH/messages.jsonl --out BATCH/drafts.jsonl [--now ISO-8601] [--sheet FILE.md] [--force]
  eval:drafting -- --ratings BATCH/ratings.jsonl --drafts BATCH/drafts.jsonl [--log LOG.jsonl --batch NAME]`;

export function isBlindMode(args: string[]): boolean {
  return args.includes('--blind') || args.includes('--ratings');
}

function parse(args: string[]): { values: Map<string, string>; force: boolean; stray: string[] } {
  const values = new Map<string, string>();
  const stray: string[] = [];
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--force') force = true;
    else if (VALUED.includes(a) && args[i + 1] !== undefined && !args[i + 1].startsWith('--'))
      values.set(a, args[++i]);
    else stray.push(a);
  }
  return { values, force, stray };
}

export async function runBlindModes(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, force, stray } = parse(args);
  if (stray.length || (values.has('--blind') && values.has('--ratings'))) {
    console.error(stray.length ? `eval-drafting: unexpected ${stray.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const messages = values.get('--blind');
  if (messages) {
    const out = values.get('--out');
    const now = DateTime.fromISO(values.get('--now') ?? DEFAULT_NOW, { setZone: true });
    if (!out || !now.isValid) {
      console.error(out ? `eval-drafting: --now is not an ISO-8601 date-time\n${USAGE}` : USAGE);
      return 2;
    }
    return runBlindDrafting({
      messages,
      out,
      sheet: values.get('--sheet') ?? path.join(path.dirname(out), 'rating-sheet.md'),
      now: now.toJSDate(),
      env,
      force,
    });
  }
  const ratings = values.get('--ratings');
  const drafts = values.get('--drafts');
  if (!ratings || !drafts) {
    console.error(USAGE);
    return 2;
  }
  return runScoring({ ratings, drafts, log: values.get('--log'), batch: values.get('--batch') });
}
