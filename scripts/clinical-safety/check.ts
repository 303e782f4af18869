/**
 * Checks that keep the hazard log true: every control's code and every test still exist, every risk
 * rating follows the matrix, every hazard has automated evidence, and every evaluation figure — read
 * from the evaluation logs (or computed from the regression set) now, never copied into the log —
 * still meets its threshold. Each check returns a list of problems, empty when all is well.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { classify, URGENCIES, urgencyRank } from '../../src/triage';
import {
  LIKELIHOODS,
  REQUIRED_CAUSES,
  RISK_MATRIX,
  riskRating,
  type EvaluationEvidence,
  type HazardEntry,
  type HazardLog,
} from './hazard-log';

function readLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

export function duplicateIds(log: HazardLog): string[] {
  const seen = new Set<string>();
  return log.hazards.map((h) => h.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

export function uncoveredCauses(log: HazardLog): string[] {
  const covered = new Set(log.hazards.flatMap((h) => h.causes.map((c) => c.code)));
  return REQUIRED_CAUSES.filter((c) => !covered.has(c));
}

export function unknownCauseCodes(log: HazardLog): string[] {
  const known = new Set<string>(REQUIRED_CAUSES);
  return log.hazards.flatMap((h) =>
    h.causes.filter((c) => c.code !== undefined && !known.has(c.code)).map((c) => `${h.id}: ${c.code}`),
  );
}

export function ratingProblems(log: HazardLog): string[] {
  const problems: string[] = [];
  for (const h of log.hazards) {
    for (const [label, a] of [
      ['initial', h.initial],
      ['residual', h.residual],
    ] as const) {
      const expected = riskRating(a.severity, a.likelihood);
      if (a.rating !== expected)
        problems.push(`${h.id} ${label}: ${a.severity} × ${a.likelihood} is ${expected}, not ${a.rating}`);
    }
    if (h.residual.rating === 5) problems.push(`${h.id}: residual rating 5 is unacceptable`);
    if (h.residual.rating > h.initial.rating)
      problems.push(`${h.id}: residual rating ${h.residual.rating} above initial ${h.initial.rating}`);
  }
  return problems;
}

export function hazardsWithoutAutomatedEvidence(log: HazardLog): string[] {
  return log.hazards
    .filter((h) => h.evidence.tests.length + h.evidence.evaluations.length === 0)
    .map((h) => h.id);
}

/** Evidence tests that are gone, or no longer hold the named test. */
export function missingTests(log: HazardLog, root: string): string[] {
  const problems: string[] = [];
  for (const h of log.hazards) {
    for (const t of h.evidence.tests) {
      const file = path.join(root, t.path);
      if (!existsSync(file)) problems.push(`${h.id}: test ${t.path} does not exist`);
      else if (t.it && !readFileSync(file, 'utf8').includes(t.it))
        problems.push(`${h.id}: ${t.path} no longer holds the test "${t.it}"`);
    }
  }
  return problems;
}

/** Controls whose file is gone, or whose symbol is no longer in it. */
export function missingControls(log: HazardLog, root: string): string[] {
  const problems: string[] = [];
  for (const h of log.hazards) {
    for (const c of h.controls) {
      if (c.kind === 'process' || c.path === undefined) {
        if (c.kind !== 'process' && c.symbol) problems.push(`${h.id}: symbol "${c.symbol}" names no file`);
        continue;
      }
      const file = path.join(root, c.path);
      if (!existsSync(file)) problems.push(`${h.id}: control ${c.path} does not exist`);
      else if (c.symbol && !readFileSync(file, 'utf8').includes(c.symbol))
        problems.push(`${h.id}: control ${c.path} no longer contains "${c.symbol}"`);
    }
  }
  return problems;
}

/** Headline figures of triage over a labelled set, with the definitions `eval:triage` uses. */
export function scoreTriageSet(file: string): Record<string, number> {
  const Item = z.object({
    id: z.string(),
    text: z.string(),
    gold: z.enum(URGENCIES),
    accept: z.array(z.enum(URGENCIES)).optional(),
  });
  const rows = readLines(file).map((line) => {
    const item = Item.parse(line);
    const got = classify(item.text).urgency;
    const ok = got === item.gold || (item.accept ?? []).includes(got);
    return { gold: item.gold, got, ok };
  });
  const below = (r: (typeof rows)[number]) => !r.ok && urgencyRank(r.got) > urgencyRank(r.gold);
  const goldE = rows.filter((r) => r.gold === 'emergent');
  const goldU = rows.filter((r) => r.gold === 'urgent');
  return {
    messages: rows.length,
    emergent: goldE.length,
    emergentCaught: goldE.filter((r) => r.got === 'emergent' || r.ok).length,
    urgent: goldU.length,
    urgentUnder: goldU.filter(below).length,
    goldEmergentUrgentUnder: [...goldE, ...goldU].filter(below).length,
    over: rows.filter((r) => !r.ok && urgencyRank(r.got) < urgencyRank(r.gold)).length,
    exact: rows.filter((r) => r.ok).length,
  };
}

export interface Figure {
  value: number;
  numerator: number;
  denominator: number;
  /** What the figure was computed over, for messages ("batch-01, batch-02"). */
  over: string;
}

function field(entry: unknown, name: string, where: string): number {
  const v = (entry as Record<string, unknown> | null)?.[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: no number "${name}"`);
  return v;
}

/** The evaluation's figure as the evidence stands now. Throws when the source cannot give it. */
export function currentFigure(
  e: EvaluationEvidence,
  root: string,
  cache = new Map<string, unknown>(),
): Figure {
  let entries: unknown[];
  let over: string;
  if (e.source.kind === 'first-score-log') {
    const all = readLines(path.join(root, e.source.log));
    if (all.length === 0) throw new Error(`${e.source.log} holds no first score`);
    entries = all.slice(-e.source.entries);
    over = entries.map((x) => String((x as { batch?: unknown }).batch ?? '?')).join(', ');
  } else {
    const key = `triage:${e.source.file}`;
    if (!cache.has(key)) cache.set(key, scoreTriageSet(path.join(root, e.source.file)));
    entries = [cache.get(key)];
    over = e.source.file;
  }
  const where = e.source.kind === 'first-score-log' ? e.source.log : e.source.file;
  const numerator = entries.reduce<number>((s, x) => s + field(x, e.metric.numerator, where), 0);
  const denominator = entries.reduce<number>((s, x) => s + field(x, e.metric.denominator, where), 0);
  if (denominator === 0) throw new Error(`${where}: "${e.metric.denominator}" is 0, no figure`);
  return { value: numerator / denominator, numerator, denominator, over };
}

const meets = (value: number, direction: 'at_least' | 'at_most', bound: number): boolean =>
  direction === 'at_least' ? value >= bound - 1e-12 : value <= bound + 1e-12;

export interface EvaluationResult {
  hazard: HazardEntry;
  evaluation: EvaluationEvidence;
  figure?: Figure;
  error?: string;
  meetsThreshold: boolean;
  meetsGoal: boolean;
}

export function evaluate(log: HazardLog, root: string): EvaluationResult[] {
  const cache = new Map<string, unknown>();
  return log.hazards.flatMap((hazard) =>
    hazard.evidence.evaluations.map((evaluation) => {
      try {
        const figure = currentFigure(evaluation, root, cache);
        const goal = evaluation.goal?.value ?? evaluation.threshold;
        return {
          hazard,
          evaluation,
          figure,
          meetsThreshold: meets(figure.value, evaluation.direction, evaluation.threshold),
          meetsGoal: meets(figure.value, evaluation.direction, goal),
        };
      } catch (err) {
        return { hazard, evaluation, error: (err as Error).message, meetsThreshold: false, meetsGoal: false };
      }
    }),
  );
}

const fmt = (f: Figure) => `${(100 * f.value).toFixed(1)}% (${f.numerator}/${f.denominator} over ${f.over})`;
const word = (d: 'at_least' | 'at_most') => (d === 'at_least' ? 'at least' : 'at most');

export function thresholdProblems(results: EvaluationResult[]): string[] {
  return results
    .filter((r) => !r.meetsThreshold)
    .map((r) =>
      r.figure
        ? `${r.hazard.id} ${r.evaluation.id}: ${fmt(r.figure)}, threshold ${word(r.evaluation.direction)} ` +
          `${(100 * r.evaluation.threshold).toFixed(1)}%: re-assess the hazard's residual risk with the ` +
          `clinical safety officer and record it in the hazard log (a logged first score is never re-logged)`
        : `${r.hazard.id} ${r.evaluation.id}: ${r.error}`,
    );
}

/** A goal the evidence does not meet must be an open item of its hazard: no hazard may imply it is met. */
export function unstatedOpenItems(results: EvaluationResult[]): string[] {
  return results
    .filter((r) => r.figure && r.evaluation.goal && !r.meetsGoal)
    .filter((r) => !r.hazard.residual.open_items.some((o) => o.evaluation === r.evaluation.id))
    .map(
      (r) =>
        `${r.hazard.id} ${r.evaluation.id}: ${fmt(r.figure as Figure)} misses the goal ` +
        `${(100 * (r.evaluation.goal?.value ?? 0)).toFixed(1)}% but no open item names it`,
    );
}

export function evaluationIdProblems(log: HazardLog): string[] {
  const ids = log.hazards.flatMap((h) => h.evidence.evaluations.map((e) => e.id));
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `evaluation id ${id} is used twice`);
  const dangling = log.hazards.flatMap((h) =>
    h.residual.open_items
      .filter((o) => o.evaluation !== undefined && !h.evidence.evaluations.some((e) => e.id === o.evaluation))
      .map((o) => `${h.id}: open item names evaluation ${o.evaluation}, which the hazard does not have`),
  );
  return [...dup, ...dangling];
}

/** DCB0129: a residual rating of 3 or more is undesirable; the log must say what would reduce it. */
export function undesirableWithoutOpenItems(log: HazardLog): string[] {
  return log.hazards
    .filter((h) => h.residual.rating >= 3 && h.residual.open_items.length === 0)
    .map((h) => `${h.id}: residual rating ${h.residual.rating} with no open item`);
}

/**
 * The safety case's summary table (`| H-001 | title | initial | residual | open items |`) must list
 * every hazard once, with the log's ratings and open-item state, so the document cannot drift.
 */
export function summaryTableProblems(log: HazardLog, markdown: string): string[] {
  const rows = new Map<string, { initial: number; residual: number; open: boolean }>();
  for (const m of markdown.matchAll(/^\| (H-\d{3}) \|[^\n]*?\| (\d) \| (\d) \| (yes|no) \|\s*$/gm))
    rows.set(m[1], { initial: Number(m[2]), residual: Number(m[3]), open: m[4] === 'yes' });
  const problems: string[] = [];
  for (const h of log.hazards) {
    const row = rows.get(h.id);
    const open = h.residual.open_items.length > 0;
    if (!row) problems.push(`${h.id} is not in the summary table`);
    else if (row.initial !== h.initial.rating || row.residual !== h.residual.rating || row.open !== open)
      problems.push(
        `${h.id}: table says ${row.initial} → ${row.residual}, open ${row.open ? 'yes' : 'no'}; ` +
          `the log says ${h.initial.rating} → ${h.residual.rating}, open ${open ? 'yes' : 'no'}`,
      );
    rows.delete(h.id);
  }
  return [...problems, ...[...rows.keys()].map((id) => `${id} is in the summary table but not in the log`)];
}

/** The matrix printed in the safety case must be RISK_MATRIX, row for row. */
export function matrixTableProblems(markdown: string): string[] {
  return LIKELIHOODS.flatMap((l) => {
    const row = new RegExp(`^\\| ${l} \\|((?: \\d \\|){5})\\s*$`, 'm').exec(markdown);
    const cells = row?.[1].match(/\d/g)?.map(Number);
    return JSON.stringify(cells) === JSON.stringify(RISK_MATRIX[l])
      ? []
      : [
          `the safety case's matrix row "${l}" is ${cells ? cells.join(' ') : 'missing'}, not ${RISK_MATRIX[l].join(' ')}`,
        ];
  });
}
