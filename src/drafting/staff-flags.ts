/**
 * Notes for the approver, never for the patient: what the message says that the chart lacks or
 * contradicts (both sides), and every promise of an action the draft makes. They live with the draft
 * (database), never in events or logs.
 */
import type { ObservationFact, RelevantContext } from '../context/types';
import { testNamedNotOnChart } from './named-tests';
import type { RequestAnalysis, RequestKind } from './requests';
import type { DraftFlag, DraftFlagCode, TemplateKind } from './types';

/** Notes for the approver that describe the message or the draft's commitments, not a fault of the draft. */
export const APPROVER_NOTES: ReadonlySet<DraftFlagCode> = new Set([
  'knowledge_used',
  'promise_made',
  'chart_contradiction',
  'not_in_chart',
  'part_not_answered',
]);

export function chartFlags(
  text: string,
  analysis: RequestAnalysis,
  context: RelevantContext | undefined,
  now: Date,
  observations: ObservationFact[] = [],
): DraftFlag[] {
  const flags: DraftFlag[] = [];
  const meds = context?.medications ?? [];
  if (analysis.refill.pharmacyNeedsApproval) {
    for (const m of meds.filter((x) => (x.refillsLeft ?? 0) > 0)) {
      flags.push({
        code: 'chart_contradiction',
        detail: `message: the pharmacy needs a new approval; chart: ${m.refillsLeft} refill(s) left on ${m.name} (${m.source})`,
      });
    }
  }
  if (analysis.refill.outNow) {
    for (const m of meds) {
      if (!m.lastFill || !m.daysSupply) continue;
      const end = Date.parse(m.lastFill) + m.daysSupply * 86_400_000;
      if (Number.isFinite(end) && end > now.getTime() + 7 * 86_400_000)
        flags.push({
          code: 'chart_contradiction',
          detail: `message: already out; chart: ${m.name} filled ${m.lastFill} for ${m.daysSupply} days (${m.source})`,
        });
    }
  }
  for (const name of context?.medicinesNotOnChart ?? []) {
    flags.push({
      code: 'not_in_chart',
      detail: `message names ${name}; it is not on the chart's medicine list`,
    });
  }
  if (analysis.parts.some((p) => p.kind === 'result')) {
    const test = testNamedNotOnChart(text, observations);
    if (test)
      flags.push({
        code: 'not_in_chart',
        detail: `message asks about a ${test} result; the chart holds none`,
      });
  }
  return flags;
}

// Actions with a time or a person behind them: a call, a send, an alert, anything "today".
const PROMISE_SENTENCE = [
  /\bhas been alerted\b/i,
  /\bwill (?:call|send)\b/i,
  /\bya avisamos\b/i,
  /\b(?:le va a llamar|le llama|mandamos|enviamos)\b/i,
];

/** Each sentence of the draft that promises an action, for the approver to confirm before sending. */
export function promiseFlags(body: string): DraftFlag[] {
  return body
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => PROMISE_SENTENCE.some((p) => p.test(s)))
    .map((s) => ({ code: 'promise_made' as const, detail: s }));
}

export interface PromiseTruth {
  /** Working time is left today on the clinic's calendar. */
  openToday: boolean;
  /** Urgent alerts really reach a nurse. */
  nurseAlerted: boolean;
}

const TODAY_PROMISE = [
  /\b(?:will|going to)\b[^.!?\n]{0,60}\b(?:today|this (?:morning|afternoon|evening))\b/i,
  /\btoday\b[^.!?\n]{0,30}\bwill (?:call|send|check)\b/i,
  /\b(?:le va a llamar|le llamamos|mandamos|enviamos|vamos a (?:llamar|mandar|enviar))\b[^.!?\n]{0,40}\bhoy\b/i,
  /\bhoy\b[^.!?\n]{0,30}\b(?:le llamamos|mandamos|enviamos)\b/i,
];
const ALERT_CLAIM = [/\b(?:has|have) been (?:alerted|notified|paged)\b/i, /\b(?:ya )?avisamos a\b/i];

/**
 * Promises the clinic cannot keep at this hour or with this set-up: "today" when no working time is
 * left today, "a nurse has been alerted" when no alert reaches one. A model draft with one is replaced.
 */
export function falsePromiseFlags(body: string, truth: PromiseTruth): DraftFlag[] {
  const out: DraftFlag[] = [];
  const sentences = body.split(/(?<=[.!?])\s+|\n+/);
  for (const s of sentences) {
    if (!truth.openToday && TODAY_PROMISE.some((p) => p.test(s)))
      out.push({ code: 'false_promise', detail: `${s.trim()} (no working time is left today)` });
    if (!truth.nurseAlerted && ALERT_CLAIM.some((p) => p.test(s)))
      out.push({ code: 'false_promise', detail: `${s.trim()} (no alert channel is configured)` });
  }
  return out;
}

/** The reply paragraphs that answer or acknowledge each kind of request. */
const ANSWERED_BY: Partial<Record<RequestKind, TemplateKind[]>> = {
  result: ['results'],
  medicine: ['medication', 'refill'],
  refill: ['refill', 'medication'],
  appointment: ['scheduling'],
  form: ['forms_records', 'knowledge', 'contact_update'],
  billing: ['billing', 'knowledge'],
  portal: ['portal_technical', 'knowledge'],
  information: ['knowledge'],
  complaint: ['complaint'],
  symptom: ['symptom_routine', 'symptom_urgent', 'improving', 'medication', 'results'],
};

/**
 * Parts of the message the draft neither answers nor acknowledges (a third request, or one the urgent
 * reply leaves to the nurse's call), with the patient's words, so the approver can add a line.
 */
export function unansweredParts(analysis: RequestAnalysis, kinds: TemplateKind[]): DraftFlag[] {
  if (kinds.some((k) => k.startsWith('emergency'))) return [];
  return analysis.parts
    .filter((p) => {
      const by = ANSWERED_BY[p.kind];
      return by && !by.some((k) => kinds.includes(k));
    })
    .map((p) => ({ code: 'part_not_answered' as const, detail: `${p.kind}: "${p.words}"` }));
}
