/**
 * Scores triage against labelled JSONL files (`{id, text, gold, accept?, lang?, area?, length?}`),
 * per the rubric: emergent sensitivity, under-triage (overall, gold emergent/urgent, gold urgent),
 * over-triage, exact accuracy (counting `accept`), the confusion matrix, the same figures per
 * language, per length and per area, and every miss with its reasons.
 *
 * Usage: npm run -s eval:triage -- FILE.jsonl [more files] [--log LOG.jsonl --batch NAME]
 * With --log, the headline figures are appended to LOG as one line: how a blind batch's FIRST score
 * is kept (score a batch before changing anything for it, then log it; never re-log a batch).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { classify, URGENCIES, urgencyRank, type Urgency } from '../src/triage';
import { appendFirstScore } from './first-score-log';

const Item = z.object({
  id: z.string(),
  text: z.string(),
  gold: z.enum(URGENCIES),
  accept: z.array(z.enum(URGENCIES)).optional(),
  lang: z.string().optional(),
  area: z.string().optional(),
  length: z.string().optional(),
});

interface Row {
  id: string;
  gold: Urgency;
  got: Urgency;
  ok: boolean;
  reasons: string[];
  text: string;
  lang: string;
  area: string;
  length: string;
}

export interface Score {
  messages: number;
  emergent: number;
  emergentCaught: number;
  urgent: number;
  urgentUnder: number;
  goldEmergentUrgentUnder: number;
  over: number;
  exact: number;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

const below = (r: Row): boolean => !r.ok && urgencyRank(r.got) > urgencyRank(r.gold);
const above = (r: Row): boolean => !r.ok && urgencyRank(r.got) < urgencyRank(r.gold);

function score(rows: Row[]): Score {
  const goldE = rows.filter((r) => r.gold === 'emergent');
  const goldU = rows.filter((r) => r.gold === 'urgent');
  return {
    messages: rows.length,
    emergent: goldE.length,
    emergentCaught: goldE.filter((r) => r.got === 'emergent' || r.ok).length,
    urgent: goldU.length,
    urgentUnder: goldU.filter(below).length,
    goldEmergentUrgentUnder: [...goldE, ...goldU].filter(below).length,
    over: rows.filter(above).length,
    exact: rows.filter((r) => r.ok).length,
  };
}

function summaryLine(label: string, s: Score): string {
  return (
    `${label.padEnd(22)} n=${String(s.messages).padEnd(4)} emergent caught ${pct(s.emergentCaught, s.emergent).padEnd(16)}` +
    ` urgent under ${pct(s.urgentUnder, s.urgent).padEnd(15)} over ${pct(s.over, s.messages).padEnd(15)}` +
    ` exact ${pct(s.exact, s.messages)}`
  );
}

function readRows(files: string[]): Row[] {
  const rows: Row[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        const parsed = Item.safeParse(JSON.parse(line));
        if (!parsed.success) {
          console.error(`${file}:${i + 1}: skipped, not a labelled item`);
          return;
        }
        const item = parsed.data;
        const r = classify(item.text);
        const ok = r.urgency === item.gold || (item.accept ?? []).includes(r.urgency);
        rows.push({
          id: item.id,
          gold: item.gold,
          got: r.urgency,
          ok,
          reasons: r.reasons,
          text: item.text,
          lang: item.lang ?? 'unknown',
          area: item.area ?? 'unknown',
          length: item.length ?? 'unknown',
        });
      });
  }
  return rows;
}

function groupBy(rows: Row[], key: (r: Row) => string): [string, Row[]][] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function parseArgs(argv: string[]): { files: string[]; log?: string; batch?: string } {
  const files: string[] = [];
  let log: string | undefined;
  let batch: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--log') log = argv[++i];
    else if (argv[i] === '--batch') batch = argv[++i];
    else files.push(argv[i]);
  }
  return { files, log, batch };
}

function main(argv: string[]): number {
  const { files, log, batch } = parseArgs(argv);
  if (files.length === 0 || (log && !batch)) {
    console.error('usage: eval-triage FILE.jsonl [more files] [--log LOG.jsonl --batch NAME]');
    return 2;
  }
  const rows = readRows(files);
  const all = score(rows);
  console.log(`messages: ${rows.length}`);
  console.log(`emergent sensitivity: ${pct(all.emergentCaught, all.emergent)}`);
  console.log(`under-triage (all): ${pct(rows.filter(below).length, rows.length)}`);
  console.log(
    `under-triage (gold emergent/urgent): ${pct(all.goldEmergentUrgentUnder, all.emergent + all.urgent)}`,
  );
  console.log(`under-triage (gold urgent): ${pct(all.urgentUnder, all.urgent)}`);
  console.log(`over-triage: ${pct(all.over, rows.length)}`);
  console.log(`exact accuracy: ${pct(all.exact, rows.length)}`);
  console.log('\nconfusion (rows = gold, columns = predicted):');
  console.log(['gold \\ got', ...URGENCIES].map((s) => s.padEnd(13)).join(''));
  for (const g of URGENCIES) {
    const cells = URGENCIES.map((p) =>
      String(rows.filter((r) => r.gold === g && r.got === p).length).padEnd(13),
    );
    console.log([g.padEnd(13), ...cells].join(''));
  }
  for (const [title, key] of [
    ['language', (r: Row) => r.lang],
    ['length', (r: Row) => r.length],
    ['area', (r: Row) => r.area],
  ] as const) {
    console.log(`\nby ${title}:`);
    for (const [name, group] of groupBy(rows, key)) console.log(summaryLine(name, score(group)));
  }
  const misses = rows.filter((r) => !r.ok);
  console.log(`\nmisses: ${misses.length}`);
  for (const m of misses) {
    console.log(
      `- ${m.id} [${m.lang}, ${m.area}, ${m.length}]: gold ${m.gold}, got ${m.got} (${below(m) ? 'UNDER' : 'over'})`,
    );
    console.log(`  text: ${m.text.slice(0, 240).replace(/\s+/g, ' ')}`);
    for (const reason of m.reasons) console.log(`  reason: ${reason}`);
  }
  if (log && batch) {
    if (!appendFirstScore(log, batch, all)) {
      console.error(`${log} already holds a first score for ${batch}; a batch is logged once`);
      return 1;
    }
    console.log(`\nfirst score of ${batch} appended to ${log}`);
  }
  return 0;
}

// `eval ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = main(process.argv.slice(2));
