/**
 * Performance figures, each next to a baseline measured in the same process, as a ratio.
 * Every file in scripts/bench/ exporting `section` is one section; later features add files there.
 * Usage: npm run bench [-- --only NAME] [-- --triage-corpus FILE.jsonl]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchLine {
  metric: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** Optional goal; the line says whether it is met. */
  target?: { min?: number; max?: number };
}

export interface BenchSection {
  name: string;
  run(args: string[]): Promise<BenchLine[]>;
}

function format(line: BenchLine): string {
  const parts = [`${line.metric}: ${line.value.toFixed(1)} ${line.unit}`];
  if (line.baseline) {
    const ratio = line.baseline.value === 0 ? Infinity : line.value / line.baseline.value;
    parts.push(
      `baseline (${line.baseline.name}) ${line.baseline.value.toFixed(1)} ${line.unit}, ratio ${ratio.toPrecision(3)}x`,
    );
  }
  if (line.target) {
    const ok =
      (line.target.min === undefined || line.value >= line.target.min) &&
      (line.target.max === undefined || line.value <= line.target.max);
    const goal = line.target.min !== undefined ? `>= ${line.target.min}` : `<= ${line.target.max}`;
    parts.push(`target ${goal}: ${ok ? 'met' : 'NOT MET'}`);
  }
  return parts.join(' | ');
}

async function main(args: string[]): Promise<number> {
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const dir = join(__dirname, 'bench');
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  let failed = false;
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { section?: BenchSection };
    if (!mod.section || (only && mod.section.name !== only)) continue;
    console.log(`## ${mod.section.name}`);
    const lines = await mod.section.run(args);
    for (const line of lines) {
      console.log(format(line));
      if (line.target && format(line).endsWith('NOT MET')) failed = true;
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 2;
    },
  );
}
