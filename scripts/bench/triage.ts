/**
 * Triage throughput: messages per second of classify() on one core, next to a naive baseline (lower-case
 * the text and scan it with one regex of red-flag phrases) run over the same texts in the same process.
 * Corpus: `--triage-corpus FILE.jsonl` or TRIAGE_BENCH_CORPUS, else the project's own fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../../src/triage';
import type { BenchLine, BenchSection } from '../bench';

const NAIVE_RED_FLAGS =
  /chest pain|can'?t breathe|stroke|slurred|face droop|suicid|kill myself|overdose|passed out|faint|seizure|unresponsive|not breathing|bleeding|throat (?:closing|swelling)|worst headache|confused|baby not moving|stiff neck|fever|vomiting blood/;

function corpus(args: string[]): { name: string; texts: string[] } {
  const at = args.indexOf('--triage-corpus');
  const file =
    at >= 0
      ? args[at + 1]
      : (process.env.TRIAGE_BENCH_CORPUS ?? join(__dirname, '../../tests/fixtures/triage/cases.jsonl'));
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? ''));
  return { name: file, texts };
}

/** CPU time of this process in seconds: other processes on a shared machine do not count. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Runs `fn` over all texts repeatedly for at least `seconds` of CPU time; returns messages per CPU second. */
function rate(texts: string[], fn: (t: string) => unknown, seconds = 1.5): number {
  for (const t of texts) fn(t); // warm-up: compile regexes, reach optimised code
  let n = 0;
  const start = cpuSeconds();
  while (cpuSeconds() - start < seconds) {
    for (const t of texts) fn(t);
    n += texts.length;
  }
  return n / (cpuSeconds() - start);
}

export const section: BenchSection = {
  name: 'triage',
  async run(args: string[]): Promise<BenchLine[]> {
    const { name, texts } = corpus(args);
    const naive = rate(texts, (t) => NAIVE_RED_FLAGS.test(t.toLowerCase()));
    const full = rate(texts, (t) => classify(t));
    const chars = texts.reduce((a, t) => a + t.length, 0) / Math.max(1, texts.length);
    console.log(`corpus: ${name} (${texts.length} messages, mean ${chars.toFixed(0)} characters)`);
    return [
      {
        metric: 'classify throughput (per CPU second, one core)',
        value: full,
        unit: 'messages/s',
        baseline: { name: 'lower-case + one red-flag regex', value: naive },
        // Issue 14: with language tools and the protocol catalogue in the path, 2,000 a CPU-second is
        // ample (a large system receives a few messages a second).
        target: { min: 2000 },
      },
    ];
  },
};
