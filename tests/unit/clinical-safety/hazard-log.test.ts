import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  undesirableWithoutOpenItems,
  uncoveredCauses,
  unknownCauseCodes,
  unstatedOpenItems,
} from '../../../scripts/clinical-safety/check';
import {
  HAZARD_LOG_PATH,
  LIKELIHOODS,
  REQUIRED_CAUSES,
  RISK_MATRIX,
  SEVERITIES,
  parseHazardLog,
  readHazardLog,
  riskRating,
  type HazardLog,
} from '../../../scripts/clinical-safety/hazard-log';

const ROOT = path.join(__dirname, '../../..');
const parsed = readHazardLog(path.join(ROOT, HAZARD_LOG_PATH));
const LOG: HazardLog = parsed.success ? parsed.data : { product: '-', version: '-', hazards: [] };

describe('the clinical hazard log (docs/clinical-safety/hazard-log.yaml)', () => {
  it('matches its schema', () => {
    expect(parsed.success ? [] : parsed.problems).toEqual([]);
  });

  it('holds at least 20 hazards, each id once', () => {
    expect(LOG.hazards.length).toBeGreaterThanOrEqual(20);
    expect(duplicateIds(LOG)).toEqual([]);
  });

  it('covers every cause issue 19 names, with no unknown cause code', () => {
    expect(uncoveredCauses(LOG)).toEqual([]);
    expect(unknownCauseCodes(LOG)).toEqual([]);
  });

  it('rates every initial and residual risk by the DCB0129 matrix, residual never above initial', () => {
    expect(ratingProblems(LOG)).toEqual([]);
  });

  it('says what would reduce every residual risk rated 3 or more (an open item)', () => {
    expect(undesirableWithoutOpenItems(LOG)).toEqual([]);
  });

  it('agrees with the summary table and the risk matrix printed in the safety case', () => {
    const markdown = readFileSync(path.join(ROOT, 'docs/clinical-safety/safety-case.md'), 'utf8');
    expect(summaryTableProblems(LOG, markdown)).toEqual([]);
    expect(matrixTableProblems(markdown)).toEqual([]);
  });

  it('gives every hazard at least one automated piece of evidence (a test or an evaluation)', () => {
    expect(hazardsWithoutAutomatedEvidence(LOG)).toEqual([]);
  });

  it('names only test files that exist, each still holding the test it names', () => {
    expect(missingTests(LOG, ROOT)).toEqual([]);
  });

  it('names only controls whose file exists and still contains the named symbol', () => {
    expect(missingControls(LOG, ROOT)).toEqual([]);
  });

  describe('evaluation figures, read from the evaluation logs now', () => {
    const results = evaluate(LOG, ROOT);

    it('has evaluations of blind first scores for triage and drafting', () => {
      const logs = new Set(
        results.flatMap((r) =>
          r.evaluation.source.kind === 'first-score-log' ? [r.evaluation.source.log] : [],
        ),
      );
      expect([...logs].sort()).toEqual([
        'tests/fixtures/drafting/blind/first-scores.jsonl',
        'tests/fixtures/triage/blind/first-scores.jsonl',
      ]);
      expect(evaluationIdProblems(LOG)).toEqual([]);
    });

    it('keeps every figure at or past its threshold', () => {
      expect(thresholdProblems(results)).toEqual([]);
    });

    it('states every goal the evidence does not meet as an open item of its hazard', () => {
      expect(unstatedOpenItems(results)).toEqual([]);
    });
  });
});

describe('the risk matrix', () => {
  it('is the DCB0129 matrix: 1 at the low corner, 5 at the high one, never falling with severity or likelihood', () => {
    expect(riskRating('minor', 'very low')).toBe(1);
    expect(riskRating('catastrophic', 'very high')).toBe(5);
    expect(riskRating('catastrophic', 'very low')).toBe(3);
    expect(riskRating('minor', 'very high')).toBe(3);
    expect(riskRating('major', 'low')).toBe(3);
    for (const [i, l] of LIKELIHOODS.entries())
      for (const [j, s] of SEVERITIES.entries()) {
        if (i > 0) expect(RISK_MATRIX[l][j]).toBeGreaterThanOrEqual(RISK_MATRIX[LIKELIHOODS[i - 1]][j]);
        if (j > 0) expect(riskRating(s, l)).toBeGreaterThanOrEqual(RISK_MATRIX[l][j - 1]);
      }
  });
});

describe('the checks catch what they must', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hazard-log-'));
    mkdirSync(path.join(root, 'src'), { recursive: true });
    mkdirSync(path.join(root, 'tests/logs'), { recursive: true });
    writeFileSync(path.join(root, 'src/a.ts'), 'export function approveReply() {}\n');
    writeFileSync(path.join(root, 'tests/a.test.ts'), "it('lets only one approval through', () => {});\n");
    writeFileSync(
      path.join(root, 'tests/logs/first-scores.jsonl'),
      [
        { batch: 'b1', emergent: 10, emergentCaught: 10 },
        { batch: 'b2', emergent: 10, emergentCaught: 9 },
        { batch: 'b3', emergent: 20, emergentCaught: 13 },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n') + '\n',
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const yaml = (over: {
    symbol?: string;
    test?: string;
    rating?: number;
    threshold?: number;
    entries?: number;
  }) =>
    [
      'product: p',
      'version: v',
      'hazards:',
      '  - id: H-001',
      '    title: t',
      '    description: d',
      '    causes: [{ code: missed-emergency/backlog, text: c }]',
      '    effect: e',
      '    initial: { severity: major, likelihood: medium, rating: 3 }',
      '    controls:',
      `      - { kind: code, text: c, path: src/a.ts, symbol: ${over.symbol ?? 'approveReply'} }`,
      '      - { kind: process, text: c, owner: clinical safety officer }',
      `    residual: { severity: major, likelihood: low, rating: ${over.rating ?? 3}, text: r }`,
      '    evidence:',
      `      tests: [{ path: ${over.test ?? 'tests/a.test.ts'}, it: lets only one approval through }]`,
      '      evaluations:',
      '        - id: e1',
      '          command: c',
      `          source: { kind: first-score-log, log: tests/logs/first-scores.jsonl, entries: ${over.entries ?? 2} }`,
      '          metric: { numerator: emergentCaught, denominator: emergent }',
      '          direction: at_least',
      `          threshold: ${over.threshold ?? 0.7}`,
      '          goal: { value: 0.98, from: issue 14 }',
    ].join('\n');

  const load = (over: Parameters<typeof yaml>[0]): HazardLog => {
    const r = parseHazardLog(yaml(over));
    if (!r.success) throw new Error(r.problems.join('\n'));
    return r.data;
  };

  it('accepts a consistent log, and then asks for the unmet goal as an open item', () => {
    const log = load({});
    expect(missingControls(log, root)).toEqual([]);
    expect(missingTests(log, root)).toEqual([]);
    expect(ratingProblems(log)).toEqual([]);
    const results = evaluate(log, root);
    expect(results[0].figure).toMatchObject({ numerator: 22, denominator: 30, over: 'b2, b3' });
    expect(thresholdProblems(results)).toEqual([]);
    expect(unstatedOpenItems(results)).toEqual([
      expect.stringMatching(/H-001 e1: 73\.3% .* misses the goal 98\.0%/),
    ]);
    expect(uncoveredCauses(log)).toContain('missed-emergency/outage');
  });

  it('reports a control whose symbol left its file, and a test file that is gone', () => {
    expect(missingControls(load({ symbol: 'retrySend' }), root)).toEqual([
      'H-001: control src/a.ts no longer contains "retrySend"',
    ]);
    expect(missingTests(load({ test: 'tests/b.test.ts' }), root)).toEqual([
      'H-001: test tests/b.test.ts does not exist',
    ]);
  });

  it('reports a rating the matrix does not give', () => {
    expect(ratingProblems(load({ rating: 2 }))).toEqual(['H-001 residual: major × low is 3, not 2']);
  });

  it('reports a figure in the log below its threshold, over the latest entries only', () => {
    expect(thresholdProblems(evaluate(load({ entries: 1 }), root))).toEqual([
      expect.stringMatching(/^H-001 e1: 65\.0% \(13\/20 over b3\), threshold at least 70\.0%/),
    ]);
    expect(thresholdProblems(evaluate(load({ entries: 3, threshold: 0.85 }), root))).toEqual([
      expect.stringMatching(/^H-001 e1: 80\.0% \(32\/40 over b1, b2, b3\)/),
    ]);
  });

  it('refuses a code control without a path, an unknown severity and a test path that is no test file', () => {
    const bad = yaml({})
      .replace('path: src/a.ts, ', '')
      .replace('severity: major, likelihood: medium', 'severity: serious, likelihood: medium')
      .replace('path: tests/a.test.ts', 'path: tests/a.ts');
    const r = parseHazardLog(bad);
    expect(r.success).toBe(false);
    const where = r.success ? [] : r.problems.map((p) => p.split(':')[0]);
    expect(where).toEqual(
      expect.arrayContaining([
        'hazards.0.initial.severity',
        'hazards.0.controls.0.path',
        'hazards.0.evidence.tests.0.path',
      ]),
    );
  });

  it('reports a summary table that disagrees with the log, and an undesirable risk with no open item', () => {
    const log = load({});
    expect(summaryTableProblems(log, '| H-001 | t | 3 | 3 | no |\n| H-002 | t | 1 | 1 | no |\n')).toEqual([
      'H-002 is in the summary table but not in the log',
    ]);
    expect(summaryTableProblems(log, '| H-001 | t | 3 | 2 | no |\n')).toEqual([
      'H-001: table says 3 → 2, open no; the log says 3 → 3, open no',
    ]);
    expect(summaryTableProblems(log, '')).toEqual(['H-001 is not in the summary table']);
    expect(undesirableWithoutOpenItems(log)).toEqual(['H-001: residual rating 3 with no open item']);
    expect(matrixTableProblems('| high | 2 | 3 | 3 | 4 | 4 |')).toEqual(
      expect.arrayContaining([
        'the safety case\'s matrix row "high" is 2 3 3 4 4, not 2 3 3 4 5',
        'the safety case\'s matrix row "low" is missing, not 1 2 2 3 4',
      ]),
    );
  });

  it('requires cause codes that exist', () => {
    expect(REQUIRED_CAUSES.length).toBeGreaterThanOrEqual(18);
    const log = load({});
    log.hazards[0].causes.push({ code: 'made/up', text: 'x' });
    expect(unknownCauseCodes(log)).toEqual(['H-001: made/up']);
  });
});
