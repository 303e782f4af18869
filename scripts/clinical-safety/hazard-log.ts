/**
 * The clinical hazard log (docs/clinical-safety/hazard-log.yaml) as data: its zod schema, the DCB0129
 * 5×5 risk matrix, and the causes issue 19 requires the log to cover. The checks that keep the log
 * true against the code and the evaluation logs live in ./check.ts; the test runs them in `npm test`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** DCB0129 consequence (severity) categories, least to most severe. */
export const SEVERITIES = ['minor', 'significant', 'considerable', 'major', 'catastrophic'] as const;
/** DCB0129 likelihood categories, least to most likely. */
export const LIKELIHOODS = ['very low', 'low', 'medium', 'high', 'very high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Likelihood = (typeof LIKELIHOODS)[number];

/**
 * The DCB0129 risk matrix: RISK_MATRIX[likelihood][severity] is the risk rating, 1 (acceptable, no
 * further action) to 5 (unacceptable). Rows follow LIKELIHOODS, columns SEVERITIES.
 */
export const RISK_MATRIX: Readonly<Record<Likelihood, readonly [number, number, number, number, number]>> = {
  'very low': [1, 1, 2, 2, 3],
  low: [1, 2, 2, 3, 4],
  medium: [2, 2, 3, 3, 4],
  high: [2, 3, 3, 4, 5],
  'very high': [3, 4, 4, 5, 5],
};

export function riskRating(severity: Severity, likelihood: Likelihood): number {
  return RISK_MATRIX[likelihood][SEVERITIES.indexOf(severity)];
}

/** Every cause issue 19 names; each must be a cause of at least one hazard. */
export const REQUIRED_CAUSES = [
  'missed-emergency/unfamiliar-wording',
  'missed-emergency/language',
  'missed-emergency/long-message',
  'missed-emergency/poison-input',
  'missed-emergency/backlog',
  'missed-emergency/outage',
  'over-triage/alert-fatigue',
  'draft/wrong-or-unasked-chart-fact',
  'draft/untrue-promise',
  'draft/wrong-emergency-instruction',
  'reply/wrong-patient-or-thread',
  'reply/stale-approval',
  'reply/duplicate-or-lost',
  'alert/not-delivered',
  'alert/not-acknowledged',
  'privacy/phi-to-model',
  'privacy/phi-in-logs-or-slack',
  'security/unauthorised-access',
  'security/audit-tampering',
  'input/injected-instructions',
  'dependency/model-outage',
  'config/clinic-settings-misconfigured',
  'draft/reading-level-too-high',
  'language/untranslated-message',
] as const;

const text = z.string().trim().min(1);
const repoPath = z
  .string()
  .trim()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a path inside the repository');

const Assessment = z
  .object({
    severity: z.enum(SEVERITIES),
    likelihood: z.enum(LIKELIHOODS),
    rating: z.number().int().min(1).max(5),
  })
  .strict();

const Cause = z.object({ code: z.string().trim().min(1).optional(), text }).strict();

/** `path` (and `symbol`, text that must appear in it) is required for code, optional for config. */
const Control = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('code'), text, path: repoPath, symbol: text.optional() }).strict(),
  z.object({ kind: z.literal('config'), text, path: repoPath.optional(), symbol: text.optional() }).strict(),
  z.object({ kind: z.literal('process'), text, owner: text }).strict(),
]);

const TestEvidence = z
  .object({
    path: repoPath.refine((p) => /\.test\.tsx?$/.test(p), 'a jest test file (*.test.ts or *.test.tsx)'),
    /** Text of the test (its name) that must still be in the file. */
    it: text.optional(),
  })
  .strict();

const Metric = z.object({ numerator: text, denominator: text }).strict();
const Direction = z.enum(['at_least', 'at_most']);

/**
 * Where an evaluation's figure comes from, read at test time:
 * - `first-score-log`: the last `entries` lines of a blind batch's first-score log, pooled (sums of the
 *   numerator and denominator fields over those lines);
 * - `triage-labelled-set`: `classify` run over a labelled JSONL set now, scored as `eval:triage` does.
 */
const Source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first-score-log'), log: repoPath, entries: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal('triage-labelled-set'), file: repoPath }).strict(),
]);

const Evaluation = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    command: text,
    source: Source,
    metric: Metric,
    direction: Direction,
    /** A floor (at_least) or ceiling (at_most) the evidence meets today; CI fails past it. */
    threshold: z.number().min(0).max(1),
    /** The product's goal, when it differs from the threshold: unmet, it must be an open item. */
    goal: z
      .object({ value: z.number().min(0).max(1), from: text })
      .strict()
      .optional(),
  })
  .strict();

const ManualEvidence = z.object({ text, command: text.optional() }).strict();

const OpenItem = z.object({ text, evaluation: z.string().optional() }).strict();

const Hazard = z
  .object({
    id: z.string().regex(/^H-\d{3}$/),
    title: text,
    description: text,
    causes: z.array(Cause).min(1),
    effect: text,
    initial: Assessment,
    controls: z.array(Control).min(1),
    residual: Assessment.extend({ text, open_items: z.array(OpenItem).default([]) }).strict(),
    evidence: z
      .object({
        tests: z.array(TestEvidence).default([]),
        evaluations: z.array(Evaluation).default([]),
        manual: z.array(ManualEvidence).default([]),
      })
      .strict(),
  })
  .strict();

export const HazardLogSchema = z
  .object({
    product: text,
    version: text,
    reviewed: z
      .object({ by: text, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
      .strict()
      .optional(),
    hazards: z.array(Hazard),
  })
  .strict();

export type HazardLog = z.infer<typeof HazardLogSchema>;
export type HazardEntry = HazardLog['hazards'][number];
export type EvaluationEvidence = z.infer<typeof Evaluation>;

export const HAZARD_LOG_PATH = 'docs/clinical-safety/hazard-log.yaml';

export type ParsedHazardLog = { success: true; data: HazardLog } | { success: false; problems: string[] };

/** Parses the YAML text; on failure, says what is wrong (the YAML error, or zod's, field by field). */
export function parseHazardLog(yamlText: string): ParsedHazardLog {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (err) {
    return { success: false, problems: [`YAML: ${(err as Error).message}`] };
  }
  const r = HazardLogSchema.safeParse(raw);
  if (r.success) return { success: true, data: r.data };
  return { success: false, problems: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

export function readHazardLog(file: string) {
  return parseHazardLog(readFileSync(file, 'utf8'));
}
