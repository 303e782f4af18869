/**
 * Recall and precision of the free-text identifier detector on a Presidio-style synthetic set:
 *   npm run -s eval:privacy -- FILE.json
 * FILE holds [{ full_text, spans: [{ entity_type, start_position, end_position }] }]. The data is read
 * from the path given; nothing of it is copied into the project.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectIdentifiers } from '../src/privacy';
import type { IdentifierType } from '../src/privacy';

const datasetSchema = z.array(
  z.object({
    full_text: z.string(),
    spans: z.array(
      z.object({ entity_type: z.string(), start_position: z.number(), end_position: z.number() }),
    ),
  }),
);

// Presidio types onto ours. Types absent here (ORGANIZATION, GPE, TITLE, NRP) are not identifiers
// this layer looks for; a detection on them counts against precision.
const GOLD_TO_OURS: Record<string, IdentifierType[]> = {
  PERSON: ['PERSON', 'PATIENT_NAME'],
  PHONE_NUMBER: ['PHONE'],
  EMAIL_ADDRESS: ['EMAIL'],
  DATE_TIME: ['DATE', 'DOB'],
  STREET_ADDRESS: ['ADDRESS'],
  US_SSN: ['SSN', 'RECORD_ID'],
  US_DRIVER_LICENSE: ['RECORD_ID'],
  CREDIT_CARD: ['PAYMENT_CARD', 'RECORD_ID'],
  IBAN_CODE: ['PAYMENT_CARD', 'RECORD_ID'],
  IP_ADDRESS: ['IP'],
  DOMAIN_NAME: ['URL'],
  ZIP_CODE: ['ADDRESS'],
  AGE: ['AGE_OVER_89'],
};

// Why a mapped type's recall is low by design.
const NOTES: Record<string, string> = {
  AGE: '  (only ages over 89 identify anyone; none here are)',
  ZIP_CODE: '  (a bare postal code outside an address is not sought)',
};
// The goal: recall of at least 0.95 for these.
const GOAL_TYPES = ['PHONE_NUMBER', 'EMAIL_ADDRESS', 'DATE_TIME', 'PERSON'];
const GOAL = 0.95;

interface Tally {
  gold: number;
  hit: number;
  exact: number;
  anyType: number;
}
interface Precision {
  found: number;
  correct: number;
  exact: number;
}

function loadDataset(file: string): z.infer<typeof datasetSchema> {
  try {
    return datasetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const reason = err instanceof z.ZodError ? 'not a list of {full_text, spans}' : (err as Error).message;
    console.error(`eval-privacy: cannot read ${file}: ${reason}`);
    process.exit(2);
  }
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: eval-privacy FILE.json');
    process.exit(2);
  }
  const data = loadDataset(file);
  const recall = new Map<string, Tally>();
  const precision = new Map<string, Precision>();
  const started = process.hrtime.bigint();
  for (const entry of data) {
    const found = detectIdentifiers(entry.full_text);
    for (const g of entry.spans) {
      const tally = recall.get(g.entity_type) ?? { gold: 0, hit: 0, exact: 0, anyType: 0 };
      const compatible = GOLD_TO_OURS[g.entity_type] ?? [];
      const overlapping = found.filter((f) => f.start < g.end_position && g.start_position < f.end);
      tally.gold++;
      if (overlapping.length > 0) tally.anyType++;
      if (overlapping.some((f) => compatible.includes(f.type))) tally.hit++;
      if (
        found.some(
          (f) => compatible.includes(f.type) && f.start === g.start_position && f.end === g.end_position,
        )
      ) {
        tally.exact++;
      }
      recall.set(g.entity_type, tally);
    }
    for (const f of found) {
      const p = precision.get(f.type) ?? { found: 0, correct: 0, exact: 0 };
      const matches = entry.spans.filter(
        (g) =>
          (GOLD_TO_OURS[g.entity_type] ?? []).includes(f.type) &&
          f.start < g.end_position &&
          g.start_position < f.end,
      );
      p.found++;
      if (matches.length > 0) p.correct++;
      if (matches.some((g) => g.start_position === f.start && g.end_position === f.end)) p.exact++;
      precision.set(f.type, p);
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const fmt = (n: number, d: number) => (d === 0 ? '  -  ' : (n / d).toFixed(3));
  console.log(`${data.length} texts, ${ms.toFixed(0)} ms\n`);
  console.log(
    'Recall per Presidio type (overlap with a detection of a compatible type; exact boundaries; any type)',
  );
  console.log('type               gold  recall  exact  any-type');
  for (const [type, t] of [...recall].sort((a, b) => b[1].gold - a[1].gold)) {
    const mapped = GOLD_TO_OURS[type] ? (NOTES[type] ?? '') : '  (not targeted)';
    console.log(
      `${type.padEnd(18)} ${String(t.gold).padStart(4)}  ${fmt(t.hit, t.gold)}  ${fmt(t.exact, t.gold)}  ${fmt(t.anyType, t.gold)}${mapped}`,
    );
  }
  const goalLines = GOAL_TYPES.map((type) => {
    const t = recall.get(type);
    const value = t && t.gold > 0 ? t.hit / t.gold : 0;
    return `${type} ${value.toFixed(3)} ${value >= GOAL ? 'ok' : 'BELOW'}`;
  });
  console.log(`\nGoal recall >= ${GOAL}: ${goalLines.join(', ')}`);
  console.log('\nPrecision per detected type (overlaps a gold span of a compatible type; exact boundaries)');
  console.log('type               found  precision  exact');
  for (const [type, p] of [...precision].sort((a, b) => b[1].found - a[1].found)) {
    console.log(
      `${type.padEnd(18)} ${String(p.found).padStart(5)}  ${fmt(p.correct, p.found)}      ${fmt(p.exact, p.found)}`,
    );
  }
}

main();
