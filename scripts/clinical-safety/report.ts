/**
 * Prints the hazard log for a review: each hazard's ratings, its open items, and every evaluation's
 * figure as the logs give it now, against threshold and goal; then every problem the hazard-log test
 * would report. Exit code 1 when there is one.
 *
 * Usage: npx tsx scripts/clinical-safety/report.ts
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  duplicateIds,
  evaluate,
  evaluationIdProblems,
  hazardsWithoutAutomatedEvidence,
  matrixTableProblems,
  missingControls,
  missingTests,
  ratingProblems,
  summaryTableProblems,
  thresholdProblems,
  uncoveredCauses,
  undesirableWithoutOpenItems,
  unknownCauseCodes,
  unstatedOpenItems,
} from './check';
import { HAZARD_LOG_PATH, readHazardLog } from './hazard-log';

// `report | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const root = path.join(__dirname, '../..');
const parsed = readHazardLog(path.join(root, HAZARD_LOG_PATH));
if (!parsed.success) {
  console.error(parsed.problems.join('\n'));
  process.exit(1);
}
const log = parsed.data;
const results = evaluate(log, root);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

for (const h of log.hazards) {
  console.log(`${h.id}  ${h.initial.rating} → ${h.residual.rating}  ${h.title}`);
  for (const r of results.filter((x) => x.hazard === h)) {
    const e = r.evaluation;
    const bound = `${e.direction === 'at_least' ? '≥' : '≤'} ${pct(e.threshold)}`;
    const goal = e.goal ? `, goal ${pct(e.goal.value)} ${r.meetsGoal ? 'met' : 'NOT MET'}` : '';
    console.log(
      r.figure
        ? `    ${e.id}: ${pct(r.figure.value)} (${r.figure.numerator}/${r.figure.denominator}, ${r.figure.over}); threshold ${bound} ${r.meetsThreshold ? 'ok' : 'FAILED'}${goal}`
        : `    ${e.id}: ${r.error}`,
    );
  }
  for (const o of h.residual.open_items) console.log(`    ${o.text}`);
}

const markdown = readFileSync(path.join(root, 'docs/clinical-safety/safety-case.md'), 'utf8');
const problems = [
  ...duplicateIds(log).map((id) => `${id} is used twice`),
  ...uncoveredCauses(log).map((c) => `no hazard has the cause ${c}`),
  ...unknownCauseCodes(log),
  ...ratingProblems(log),
  ...undesirableWithoutOpenItems(log),
  ...hazardsWithoutAutomatedEvidence(log).map((id) => `${id} has no automated evidence`),
  ...missingTests(log, root),
  ...missingControls(log, root),
  ...evaluationIdProblems(log),
  ...thresholdProblems(results),
  ...unstatedOpenItems(results),
  ...summaryTableProblems(log, markdown),
  ...matrixTableProblems(markdown),
];
console.log(
  `\n${log.hazards.length} hazards; ${problems.length === 0 ? 'no problems' : `${problems.length} problem(s):`}`,
);
for (const p of problems) console.log(`- ${p}`);
process.exitCode = problems.length === 0 ? 0 : 1;
