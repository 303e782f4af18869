import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchRatings, meetsGoal, score, shortfalls } from '../../../scripts/drafting-eval/scoring';
import { runScoring } from '../../../scripts/drafting-eval/score-run';
import type { DraftLine } from '../../../scripts/drafting-eval/types';
import { appendFirstScore, hasFirstScore } from '../../../scripts/first-score-log';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafting-scores-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function draft(id: string, lang: string, extra: Partial<DraftLine> = {}): DraftLine {
  return {
    id,
    text: `message ${id}`,
    lang,
    chart_summary: 'Patient',
    urgency: 'routine',
    triage_reasons: [],
    draft: `Hi,\n\nDraft for ${id}.`,
    draft_flags: [],
    source: 'template',
    ...extra,
  };
}

const ok = {
  answers: 'yes',
  wrong_fact: false,
  unrelated_alarm: false,
  needless_visit: false,
  false_promise: false,
};
const DRAFTS = [
  draft('a', 'en'),
  draft('b', 'en'),
  draft('c', 'es', { urgency: 'urgent' }),
  draft('d', 'es'),
];
const RATINGS = [
  { id: 'a', ...ok, verdict: 'send_as_is', note: '' },
  { id: 'b', ...ok, answers: 'partly', verdict: 'small_edit', note: 'misses the second question' },
  { id: 'c', ...ok, unrelated_alarm: true, verdict: 'rewrite', note: '911 on a refill' },
  { id: 'd', ...ok, verdict: 'send_as_is' },
];

function files(name: string, drafts: object[], ratings: (object | string)[]) {
  const d = path.join(dir, `${name}-drafts.jsonl`);
  const r = path.join(dir, `${name}-ratings.jsonl`);
  fs.writeFileSync(d, drafts.map((x) => JSON.stringify(x)).join('\n'));
  fs.writeFileSync(r, ratings.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n'));
  return { drafts: d, ratings: r };
}

function run(options: Parameters<typeof runScoring>[0]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: runScoring(options), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('scoring ratings of a blind batch', () => {
  const lines = RATINGS.map((r) => JSON.stringify(r));

  it('counts verdicts, answers and each fault over the rated drafts', () => {
    const m = matchRatings(DRAFTS, lines);
    expect(m.problems).toEqual([]);
    expect(m.unrated).toEqual([]);
    expect(score(m.rows)).toEqual({
      rated: 4,
      sendAsIs: 2,
      smallEdit: 1,
      rewrite: 1,
      answersYes: 3,
      answersPartly: 1,
      answersNo: 0,
      wrongFact: 0,
      unrelatedAlarm: 1,
      needlessVisit: 0,
      falsePromise: 0,
    });
    expect(meetsGoal(score(m.rows))).toBe(false);
    expect(meetsGoal(score(m.rows.filter((r) => r.draft.id !== 'c')))).toBe(false); // 2 of 3 as is < 70%
    expect(meetsGoal(score(m.rows.filter((r) => ['a', 'd'].includes(r.draft.id))))).toBe(true);
    expect(meetsGoal(score([]))).toBe(false);
    expect(shortfalls(m.rows[2].rating)).toEqual(['rewrite', 'unrelated alarm']);
    expect(shortfalls(m.rows[0].rating)).toEqual([]);
  });

  it('reports bad lines, unknown and repeated ids, and unrated drafts, without guessing', () => {
    const m = matchRatings(DRAFTS, [
      lines[0],
      '{not json',
      JSON.stringify({ ...RATINGS[1], verdict: 'fine' }),
      JSON.stringify({ ...RATINGS[1], id: 'zz' }),
      lines[0],
      '',
    ]);
    expect(m.rows.map((r) => r.draft.id)).toEqual(['a']);
    expect(m.unrated).toEqual(['b', 'c', 'd']);
    expect(m.problems).toEqual([
      'ratings line 2: not valid JSON',
      expect.stringMatching(/^ratings line 3: verdict: /),
      'ratings line 4: no draft has id "zz"',
      'ratings line 5: "a" is rated twice',
    ]);
  });

  it('prints the figures against the goal, per language and urgency, and every draft that missed a goal with its note', () => {
    const { code, out } = run(files('print', DRAFTS, RATINGS));
    expect(code).toBe(0);
    expect(out).toMatch(/sent as is: +50\.0% \(2\/4\) +goal ≥70%: NOT met/);
    expect(out).toMatch(/answers the question: +75\.0% \(3\/4\) +goal ≥60%: met/);
    expect(out).toMatch(/yes or partly: +100\.0% \(4\/4\)/);
    expect(out).toMatch(/unrelated alarms: +1 +goal 0: NOT met/);
    expect(out).toMatch(/wrong facts: +0 +goal 0: met/);
    expect(out).toContain('goal: NOT met');
    expect(out).toMatch(/by language:\nen +n=2 +as is 50\.0% \(1\/2\)[^\n]*\nes +n=2 +as is 50\.0% \(1\/2\)/);
    expect(out).toMatch(/by urgency:\nroutine +n=3[^\n]*\nurgent +n=1/);
    expect(out).not.toContain('by message kind');
    expect(out).toContain('drafts that missed a goal: 2');
    expect(out).toContain(
      '- b [en, routine]: small edit; answers partly\n  note: misses the second question',
    );
    expect(out).toContain(
      '- c [es, urgent]: rewrite; unrelated alarm\n  note: 911 on a refill\n  draft: Hi, Draft for c.',
    );
  });

  it('groups by message kind when the batch or the rater gives one', () => {
    const kinds = DRAFTS.map((d, i) => ({ ...d, kind: i < 2 ? 'refill' : 'result' }));
    const { out } = run(files('kinds', kinds, RATINGS));
    expect(out).toMatch(/by message kind:\nrefill +n=2[^\n]*\nresult +n=2/);
  });

  it('logs the first score of a batch once and refuses a second time', () => {
    const log = path.join(dir, 'nested', 'first-scores.jsonl');
    const f = files('log', DRAFTS, RATINGS.slice(0, 3));
    const first = run({ ...f, log, batch: 'batch-01' });
    expect(first.code).toBe(0);
    expect(first.out).toContain('not rated: 1 (d)');
    const entries = fs.readFileSync(log, 'utf8').trim().split('\n');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0])).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      batch: 'batch-01',
      drafts: 4,
      notDrafted: 0,
      unrated: 1,
      ...score(matchRatings(DRAFTS, lines.slice(0, 3)).rows),
    });
    const second = run({ ...files('log2', DRAFTS, RATINGS), log, batch: 'batch-01' });
    expect(second.code).toBe(1);
    expect(second.err).toContain('already holds a first score for batch-01');
    expect(second.out).toBe('');
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('logs nothing when the ratings file has problems, and wants --log and --batch together', () => {
    const log = path.join(dir, 'problem-scores.jsonl');
    const bad = run({
      ...files('bad', DRAFTS, [...RATINGS, { id: 'a', answers: 'maybe' }]),
      log,
      batch: 'b2',
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('nothing was logged');
    expect(fs.existsSync(log)).toBe(false);
    expect(run({ ...files('half', DRAFTS, RATINGS), log }).code).toBe(2);
    expect(
      run({ drafts: path.join(dir, 'missing.jsonl'), ratings: path.join(dir, 'missing.jsonl') }).code,
    ).toBe(2);
  });
});

describe('first-score log', () => {
  it('recognises the triage log already in the repository, and appends a new batch once', () => {
    const triageLog = path.join(__dirname, '../../fixtures/triage/blind/first-scores.jsonl');
    expect(hasFirstScore(triageLog, 'batch-01')).toBe(true);
    expect(hasFirstScore(triageLog, 'batch-99')).toBe(false);
    const log = path.join(dir, 'shared.jsonl');
    expect(appendFirstScore(log, 'x', { n: 1 }, new Date('2026-12-07T12:00:00Z'))).toBe(true);
    expect(appendFirstScore(log, 'x', { n: 2 })).toBe(false);
    expect(appendFirstScore(log, 'x-2', { n: 3 }, new Date('2026-12-08T12:00:00Z'))).toBe(true);
    expect(fs.readFileSync(log, 'utf8')).toBe(
      '{"date":"2026-12-07","batch":"x","n":1}\n{"date":"2026-12-08","batch":"x-2","n":3}\n',
    );
  });
});
