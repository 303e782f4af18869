/**
 * Scores triage against labelled JSONL files (`{id, text, gold, accept?}`), per the rubric:
 * emergent sensitivity, under-triage (overall and for gold emergent/urgent), over-triage, exact
 * accuracy (counting `accept`), the confusion matrix and every miss with its reasons.
 * Usage: npm run -s eval:triage -- FILE.jsonl [more files]
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { classify, URGENCIES, urgencyRank, type Urgency } from '../src/triage';

const Item = z.object({
  id: z.string(),
  text: z.string(),
  gold: z.enum(URGENCIES),
  accept: z.array(z.enum(URGENCIES)).optional(),
});

interface Row {
  id: string;
  gold: Urgency;
  got: Urgency;
  ok: boolean;
  reasons: string[];
  text: string;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

function main(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: eval-triage FILE.jsonl [more files]');
    return 2;
  }
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
        rows.push({ id: item.id, gold: item.gold, got: r.urgency, ok, reasons: r.reasons, text: item.text });
      });
  }
  const below = (r: Row): boolean => !r.ok && urgencyRank(r.got) > urgencyRank(r.gold);
  const above = (r: Row): boolean => !r.ok && urgencyRank(r.got) < urgencyRank(r.gold);
  const goldE = rows.filter((r) => r.gold === 'emergent');
  const goldEU = rows.filter((r) => r.gold === 'emergent' || r.gold === 'urgent');
  console.log(`messages: ${rows.length}`);
  console.log(`emergent sensitivity: ${pct(goldE.filter((r) => r.got === 'emergent').length, goldE.length)}`);
  console.log(`under-triage (all): ${pct(rows.filter(below).length, rows.length)}`);
  console.log(`under-triage (gold emergent/urgent): ${pct(goldEU.filter(below).length, goldEU.length)}`);
  console.log(`over-triage: ${pct(rows.filter(above).length, rows.length)}`);
  console.log(`exact accuracy: ${pct(rows.filter((r) => r.ok).length, rows.length)}`);
  console.log('\nconfusion (rows = gold, columns = predicted):');
  console.log(['gold \\ got', ...URGENCIES].map((s) => s.padEnd(13)).join(''));
  for (const g of URGENCIES) {
    const cells = URGENCIES.map((p) =>
      String(rows.filter((r) => r.gold === g && r.got === p).length).padEnd(13),
    );
    console.log([g.padEnd(13), ...cells].join(''));
  }
  const misses = rows.filter((r) => !r.ok);
  console.log(`\nmisses: ${misses.length}`);
  for (const m of misses) {
    console.log(`- ${m.id}: gold ${m.gold}, got ${m.got} (${below(m) ? 'UNDER' : 'over'})`);
    console.log(`  text: ${m.text.slice(0, 200).replace(/\s+/g, ' ')}`);
    for (const reason of m.reasons) console.log(`  reason: ${reason}`);
  }
  return 0;
}

// `eval ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = main(process.argv.slice(2));
