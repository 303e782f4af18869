/**
 * `--ratings R.jsonl --drafts D.jsonl [--log LOG --batch NAME]`: prints the batch's figures against
 * the goal, the same per language, per message kind (when the batch gives kinds) and per urgency,
 * and every draft that missed a goal with the rater's note. With --log the headline figures are the
 * batch's first score, appended once (see scripts/first-score-log.ts).
 */
import fs from 'node:fs';
import { appendFirstScore, hasFirstScore } from '../first-score-log';
import {
  GOALS,
  groupBy,
  matchRatings,
  meetsGoal,
  score,
  shortfalls,
  type DraftScore,
  type RatedDraft,
} from './scoring';
import { isDraftLine, type DraftLine, type ErrorLine } from './types';

export interface ScoreRunOptions {
  ratings: string;
  drafts: string;
  log?: string;
  batch?: string;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

function headline(s: DraftScore): string[] {
  const faults: [string, number][] = [
    ['wrong facts', s.wrongFact],
    ['unrelated alarms', s.unrelatedAlarm],
    ['needless visits', s.needlessVisit],
    ['false promises', s.falsePromise],
  ];
  return [
    `sent as is:            ${pct(s.sendAsIs, s.rated).padEnd(16)} goal ≥${GOALS.sendAsIs * 100}%: ${mark(s.sendAsIs >= GOALS.sendAsIs * s.rated && s.rated > 0)}`,
    `  small edit:          ${pct(s.smallEdit, s.rated)}`,
    `  rewrite:             ${pct(s.rewrite, s.rated)}`,
    `answers the question:  ${pct(s.answersYes, s.rated).padEnd(16)} goal ≥${GOALS.answersYes * 100}%: ${mark(s.answersYes >= GOALS.answersYes * s.rated && s.rated > 0)}`,
    `  yes or partly:       ${pct(s.answersYes + s.answersPartly, s.rated)}`,
    ...faults.map(([name, n]) => `${`${name}:`.padEnd(22)} ${String(n).padEnd(16)} goal 0: ${mark(n === 0)}`),
  ];
}

function groupLine(name: string, s: DraftScore): string {
  return (
    `${name.padEnd(22)} n=${String(s.rated).padEnd(4)} as is ${pct(s.sendAsIs, s.rated).padEnd(16)}` +
    ` answers ${pct(s.answersYes, s.rated).padEnd(16)} yes+partly ${pct(s.answersYes + s.answersPartly, s.rated).padEnd(16)}` +
    ` wrong fact ${s.wrongFact}, alarm ${s.unrelatedAlarm}, visit ${s.needlessVisit}, promise ${s.falsePromise}`
  );
}

function readDrafts(file: string): { drafts: DraftLine[]; notDrafted: ErrorLine[] } {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as DraftLine | ErrorLine;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
  return {
    drafts: lines.filter(isDraftLine),
    notDrafted: lines.filter((l): l is ErrorLine => !isDraftLine(l)),
  };
}

function printFailures(rows: RatedDraft[]): void {
  const failed = rows.filter((r) => shortfalls(r.rating).length > 0);
  console.log(`\ndrafts that missed a goal: ${failed.length}`);
  for (const { draft, rating } of failed) {
    console.log(`- ${draft.id} [${draft.lang || '?'}, ${draft.urgency}]: ${shortfalls(rating).join('; ')}`);
    console.log(`  note: ${rating.note.trim() || '(none)'}`);
    console.log(`  draft: ${draft.draft.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
}

export function runScoring(o: ScoreRunOptions): number {
  if (!!o.log !== !!o.batch) {
    console.error('eval-drafting: --log and --batch go together');
    return 2;
  }
  for (const f of [o.ratings, o.drafts]) {
    if (!fs.existsSync(f)) {
      console.error(`eval-drafting: no such file: ${f}`);
      return 2;
    }
  }
  // Refused before anything is printed, so a second scoring is never mistaken for a first.
  if (o.log && o.batch && hasFirstScore(o.log, o.batch)) {
    console.error(`${o.log} already holds a first score for ${o.batch}; a batch is logged once`);
    return 1;
  }
  const { drafts, notDrafted } = readDrafts(o.drafts);
  const { rows, unrated, problems } = matchRatings(drafts, fs.readFileSync(o.ratings, 'utf8').split('\n'));
  const all = score(rows);

  console.log(`drafts: ${drafts.length}, rated: ${all.rated}`);
  if (notDrafted.length) console.log(`batch lines not drafted (input errors): ${notDrafted.length}`);
  if (unrated.length) console.log(`not rated: ${unrated.length} (${unrated.join(', ')})`);
  for (const p of problems) console.error(p);
  console.log('');
  for (const line of headline(all)) console.log(line);
  console.log(`\ngoal: ${meetsGoal(all) ? 'MET' : 'NOT met'}`);

  const kindOf = (r: RatedDraft) => r.rating.kind ?? r.draft.kind;
  type Grouping = [string, (r: RatedDraft) => string | undefined];
  const groupings: Grouping[] = [['language', (r) => r.draft.lang || 'unknown']];
  if (rows.some(kindOf)) groupings.push(['message kind', (r) => kindOf(r) ?? 'unknown']);
  groupings.push(['urgency', (r) => r.draft.urgency]);
  for (const [title, key] of groupings) {
    console.log(`\nby ${title}:`);
    for (const [name, group] of groupBy(rows, key)) console.log(groupLine(name, score(group)));
  }
  printFailures(rows);

  if (problems.length) {
    console.error(`\n${problems.length} problem(s) in ${o.ratings}: fix them before trusting these figures`);
    if (o.log) console.error('nothing was logged');
    return 1;
  }
  if (o.log && o.batch) {
    const figures = { drafts: drafts.length, notDrafted: notDrafted.length, unrated: unrated.length, ...all };
    if (!appendFirstScore(o.log, o.batch, figures)) {
      console.error(`${o.log} already holds a first score for ${o.batch}; a batch is logged once`);
      return 1;
    }
    console.log(`\nfirst score of ${o.batch} appended to ${o.log}`);
  }
  return 0;
}
