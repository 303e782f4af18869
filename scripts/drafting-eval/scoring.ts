/**
 * Scores a rater's judgements of a blind batch's drafts against the goal of issue 15: at least 70%
 * sent as is, at least 60% answering the patient's question, and no wrong fact, unrelated alarm,
 * needless visit or false promise.
 */
import { z } from 'zod';
import type { DraftLine } from './types';

export const ratingSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  answers: z.enum(['yes', 'partly', 'no']),
  wrong_fact: z.boolean(),
  unrelated_alarm: z.boolean(),
  needless_visit: z.boolean(),
  false_promise: z.boolean(),
  verdict: z.enum(['send_as_is', 'small_edit', 'rewrite']),
  note: z.string().optional().default(''),
  kind: z.string().optional(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const GOALS = { sendAsIs: 0.7, answersYes: 0.6 } as const;
export const FAULTS = ['wrong_fact', 'unrelated_alarm', 'needless_visit', 'false_promise'] as const;

export interface DraftScore {
  rated: number;
  sendAsIs: number;
  smallEdit: number;
  rewrite: number;
  answersYes: number;
  answersPartly: number;
  answersNo: number;
  wrongFact: number;
  unrelatedAlarm: number;
  needlessVisit: number;
  falsePromise: number;
}

export interface RatedDraft {
  draft: DraftLine;
  rating: Rating;
}

export function score(rows: RatedDraft[]): DraftScore {
  const n = (test: (r: Rating) => boolean) => rows.filter((row) => test(row.rating)).length;
  return {
    rated: rows.length,
    sendAsIs: n((r) => r.verdict === 'send_as_is'),
    smallEdit: n((r) => r.verdict === 'small_edit'),
    rewrite: n((r) => r.verdict === 'rewrite'),
    answersYes: n((r) => r.answers === 'yes'),
    answersPartly: n((r) => r.answers === 'partly'),
    answersNo: n((r) => r.answers === 'no'),
    wrongFact: n((r) => r.wrong_fact),
    unrelatedAlarm: n((r) => r.unrelated_alarm),
    needlessVisit: n((r) => r.needless_visit),
    falsePromise: n((r) => r.false_promise),
  };
}

export function meetsGoal(s: DraftScore): boolean {
  return (
    s.rated > 0 &&
    s.sendAsIs >= GOALS.sendAsIs * s.rated &&
    s.answersYes >= GOALS.answersYes * s.rated &&
    s.wrongFact + s.unrelatedAlarm + s.needlessVisit + s.falsePromise === 0
  );
}

/** What keeps one draft from the goal: empty when it was sent as is, answered, with no fault. */
export function shortfalls(r: Rating): string[] {
  const out: string[] = [];
  if (r.verdict !== 'send_as_is') out.push(r.verdict.replace(/_/g, ' '));
  if (r.answers !== 'yes') out.push(`answers ${r.answers}`);
  for (const f of FAULTS) if (r[f]) out.push(f.replace(/_/g, ' '));
  return out;
}

export interface Matched {
  rows: RatedDraft[];
  /** Drafts without a rating (ids). */
  unrated: string[];
  /** Problems with the ratings file: bad lines, unknown or repeated ids. */
  problems: string[];
}

/** Pairs each rating with its draft by id; every problem is reported, none is guessed around. */
export function matchRatings(drafts: DraftLine[], ratingLines: string[]): Matched {
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const seen = new Map<string, Rating>();
  const problems: string[] = [];
  ratingLines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push(`ratings line ${i + 1}: not valid JSON`);
      return;
    }
    const parsed = ratingSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`ratings line ${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
      return;
    }
    const r = parsed.data;
    if (!byId.has(r.id)) problems.push(`ratings line ${i + 1}: no draft has id "${r.id}"`);
    else if (seen.has(r.id)) problems.push(`ratings line ${i + 1}: "${r.id}" is rated twice`);
    else seen.set(r.id, r);
  });
  const rows: RatedDraft[] = [];
  const unrated: string[] = [];
  for (const d of drafts) {
    const rating = seen.get(d.id);
    if (rating) rows.push({ draft: d, rating });
    else unrated.push(d.id);
  }
  return { rows, unrated, problems };
}

/** Groups by a key, in name order; drafts without the key are left out of that grouping. */
export function groupBy(
  rows: RatedDraft[],
  key: (r: RatedDraft) => string | undefined,
): [string, RatedDraft[]][] {
  const groups = new Map<string, RatedDraft[]>();
  for (const r of rows) {
    const k = key(r);
    if (k) groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
