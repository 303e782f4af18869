/** The slots a template is filled with: chart facts the message asks about, in the reader's words. */
import { displayName } from '../context/result-names';
import type {
  AppointmentFact,
  MedicationFact,
  ObservationFact,
  RelevantContext,
  ResultTrend,
} from '../context/types';
import type { ClinicContacts } from './knowledge';
import type { RequestAnalysis } from './requests';
import {
  DEFAULT_TIME_ZONE,
  followUp,
  formatDate,
  formatTime,
  meaningOf,
  plainMedicine,
  rangeText,
  resultValue,
} from './facts';
import type { VoiceSettings } from './prompts';
import type { MessageReading } from './reading';
import type { TemplateView } from './template-slots';
import type { DraftLanguage } from './types';
import { fold } from './reading-patterns';
import { appointmentFor } from './visit-match';

/** How far a value lies outside the range the latest result gives (0 inside it), or undefined. */
function distanceFromRange(value: number | undefined, range: ObservationFact): number | undefined {
  if (value === undefined || (range.low === undefined && range.high === undefined)) return undefined;
  if (range.high !== undefined && value > range.high) return value - range.high;
  if (range.low !== undefined && value < range.low) return range.low - value;
  return 0;
}

/**
 * Better or worse is judged against the normal range, not the direction of the number: an A1c from
 * 6.7 to 6.0 moved toward the range (better); an HDL going up toward its range is better too.
 */
export function resultDirection(
  latest: ObservationFact,
  before: ObservationFact | undefined,
): 'better' | 'worse' | 'both_normal' | undefined {
  if (!before) return undefined;
  const now = distanceFromRange(latest.value, latest);
  const then = distanceFromRange(before.value, latest);
  if (now === undefined || then === undefined) return undefined;
  if (now === 0 && then === 0) return 'both_normal';
  if (now < then) return 'better';
  if (now > then) return 'worse';
  return undefined;
}

// A goal the patient states ("Dr said we wanted it under 7", "mi meta es menos de 130"): the sentence
// must say it is a goal, so "under 50 lbs" or "less than 2 weeks" never reads as one.
const GOAL_WORDS =
  /\b(?:goal|target|aim\w*|wants?|wanted|supposed to|should be|needs? to be|meta|objetivo|quer\w+|quiere|deberia|debe (?:de )?estar)\b/;
const GOAL_UNDER =
  /\b(?:under|below|less than|lower than|no more than|menos de|por debajo de|debajo de|abajo de)\s+(\d+(?:\.\d+)?)/;
const GOAL_OVER =
  /\b(?:over|above|more than|higher than|at least|mas de|arriba de|por encima de)\s+(\d+(?:\.\d+)?)/;

export interface StatedGoal {
  direction: 'under' | 'over';
  target: number;
}

/**
 * The goal a patient states for a result, if one sentence both names a goal and gives a bound. The bound
 * must be near the result's own value (within a factor of three), so a number about something else
 * (days, pounds) is not read as the result's goal.
 */
export function statedGoal(text: string, value: number | undefined): StatedGoal | undefined {
  if (value === undefined || value <= 0) return undefined;
  for (const sentence of fold(text).split(/(?<=[.?!\n])\s+|\n+/)) {
    if (!GOAL_WORDS.test(sentence)) continue;
    for (const [re, direction] of [
      [GOAL_UNDER, 'under'],
      [GOAL_OVER, 'over'],
    ] as const) {
      const m = re.exec(sentence);
      const target = m ? Number(m[1]) : NaN;
      if (Number.isFinite(target) && target > 0 && target <= value * 3 && target >= value / 3)
        return { direction, target };
    }
  }
  return undefined;
}

function goalSlots(
  trend: ResultTrend,
  text: string,
  lang: DraftLanguage,
): Pick<TemplateView, 'result_goal' | 'goal_word' | 'result_goal_met'> {
  const value = trend.latest.value;
  const goal = statedGoal(text, value);
  if (!goal || value === undefined) return { result_goal_met: false };
  const met = goal.direction === 'under' ? value < goal.target : value > goal.target;
  const words = { under: { en: 'under', es: 'menos de' }, over: { en: 'over', es: 'más de' } };
  return {
    result_goal: String(goal.target),
    goal_word: words[goal.direction][lang === 'es' ? 'es' : 'en'],
    result_goal_met: met,
  };
}

function resultSlots(
  trend: ResultTrend | undefined,
  lang: DraftLanguage,
  now: Date,
  zone: string,
  text = '',
): Partial<TemplateView> {
  const meaning = trend ? meaningOf(trend.latest) : undefined;
  const flags = {
    result_high: meaning === 'high',
    result_low: meaning === 'low',
    result_normal: meaning === 'normal',
    result_very_high: meaning === 'very_high',
    result_very_low: meaning === 'very_low',
    result_outside: meaning === 'outside',
  };
  const value = trend && resultValue(trend.latest, lang);
  if (!trend || !value) return flags;
  // previous is oldest first: the last one is the value just before the latest.
  const before = trend.previous[trend.previous.length - 1];
  const direction = resultDirection(trend.latest, before);
  return {
    ...flags,
    result_better: direction === 'better',
    result_worse: direction === 'worse',
    result_both_normal: direction === 'both_normal',
    result_name: displayName(trend.latest, lang),
    result_value: value,
    result_range: rangeText(trend.latest, lang),
    result_date: formatDate(trend.latest.date, lang, now, zone),
    result_before: before ? resultValue(before, lang) : undefined,
    ...goalSlots(trend, text, lang),
  };
}

function appointmentSlots(
  a: AppointmentFact | undefined,
  lang: DraftLanguage,
  now: Date,
  zone: string,
): Partial<TemplateView> {
  if (!a) return {};
  return {
    appointment_date: formatDate(a.start, lang, now, zone),
    appointment_time: formatTime(a.start, lang, zone),
    appointment_with: a.practitioner,
  };
}

export interface ViewOptions {
  urgent: boolean;
  voice: VoiceSettings;
  lang: DraftLanguage;
  now: Date;
  zone?: string;
  /** What the message asks, read by the drafter; without it, a plain question about the next visit. */
  reading?: MessageReading;
  /** The patient's message, to find the visit it names. */
  text?: string;
  /** Rendering a second request's paragraph. */
  also?: boolean;
  /** Working time is left today on the clinic's calendar. */
  openToday?: boolean;
  /** Urgent alerts really reach a nurse. */
  nurseAlerted?: boolean;
  contacts?: ClinicContacts;
  analysis?: RequestAnalysis;
  /** The warning signs for the reason that made the message urgent, in the draft's language. */
  warningSigns?: string;
}

/**
 * The medicines a reply may name: those the message names (or the kind it names), or the only one on
 * the chart when the message names none. A message about a medicine the chart lacks gets no other
 * medicine in its place.
 */
function medicinesToName(
  context: RelevantContext | undefined,
  reading: MessageReading | undefined,
): MedicationFact[] {
  const meds = context?.medications ?? [];
  const named = context?.reasons.some(
    (r) => r.startsWith('medicine named in message:') || r.startsWith('kind of medicine named'),
  );
  if (named) return meds;
  const other = !!context?.medicinesNotOnChart?.length || !!reading?.namesOtherMedicine;
  return !other && meds.length === 1 ? meds : [];
}

/** Numbers the patient wrote right after the test's name: the value they read, if they give one. */
function quotedValues(text: string, phrase: string): number[] {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const first = phrase.toLowerCase().split(' ')[0];
  const at = first ? folded.indexOf(first) : -1;
  if (at < 0) return [];
  const window = folded.slice(at, at + phrase.length + 70).split(/[?!\n]/)[0];
  // Whole numbers only: not the "1" of "A1c", a date's "10/2" or a unit's "10*3".
  return (window.match(/(?<![\w/.*])\d+(?:\.\d+)?(?![\w/*])/g) ?? []).map(Number);
}

/**
 * A result question that names a test gets that test's value; "my labs" in general gets none, and
 * neither does a test whose value the patient quotes but the chart does not hold (another lab, a home
 * test): the reply must not contradict what the patient sees without a person looking first.
 */
function namedResult(context: RelevantContext | undefined, text: string): ResultTrend | undefined {
  if (!context?.results.length) return undefined;
  const phrases = context.reasons
    .map((r) => /^result named in message: "(.+)"$/.exec(r)?.[1])
    .filter((p): p is string => !!p);
  if (!phrases.length && context.results.length > 1) return undefined;
  const trend = context.results[0];
  const known = [trend.latest, ...trend.previous]
    .map((x) => x.value ?? x.components?.[0]?.value)
    .filter((v): v is number => v !== undefined);
  const quoted = phrases.flatMap((p) => quotedValues(text, p));
  if (quoted.length && !quoted.some((q) => known.some((k) => Math.abs(k - q) < 1e-9))) return undefined;
  return trend;
}

/**
 * A medicine the message names that the chart's active list lacks (stopped, or never prescribed here),
 * with none of the named ones on the list: a refill reply must not promise to send it.
 */
function notOnList(
  context: RelevantContext | undefined,
): Pick<TemplateView, 'not_on_list' | 'not_on_list_name'> {
  const missing = context?.medicinesNotOnChart ?? [];
  const named = context?.reasons.some((r) => r.startsWith('medicine named in message:'));
  if (!missing.length || named) return { not_on_list: false };
  const name = missing[0]!;
  return { not_on_list: true, not_on_list_name: name.charAt(0).toUpperCase() + name.slice(1) };
}

/** A result the message asks about lies outside its range: the refill waits for the clinician's look. */
function refillAfterResult(context: RelevantContext | undefined, o: ViewOptions): boolean {
  if (!o.analysis?.parts.some((p) => p.kind === 'result')) return false;
  const trend = namedResult(context, o.text ?? '');
  const meaning = trend ? meaningOf(trend.latest) : undefined;
  return !!meaning && meaning !== 'normal';
}

export function templateView(context: RelevantContext | undefined, o: ViewOptions): TemplateView {
  const { lang, now, voice } = o;
  const zone = o.zone ?? DEFAULT_TIME_ZONE;
  const reading = o.reading;
  const meds = medicinesToName(context, reading);
  const single = meds.length === 1 ? meds[0] : undefined;
  const joiner = lang === 'es' ? ' y ' : ' and ';
  const request = reading?.scheduling ?? 'question';
  const contact = reading?.contact;
  return {
    clinic_name: voice.clinic_name,
    clinic_phone: voice.clinic_phone,
    follow_up: followUp(context, lang),
    urgent: o.urgent,
    medicine:
      meds.length > 0 && meds.length <= 3 ? meds.map((m) => plainMedicine(m, lang)).join(joiner) : undefined,
    refills_left: single?.refillsLeft,
    ...notOnList(context),
    has_refills: single?.refillsLeft !== undefined && single.refillsLeft > 0,
    one_refill: single?.refillsLeft === 1,
    no_refills: single?.refillsLeft === 0,
    result_high: false,
    result_low: false,
    result_normal: false,
    result_very_high: false,
    result_very_low: false,
    result_outside: false,
    result_better: false,
    result_worse: false,
    result_both_normal: false,
    result_goal_met: false,
    refill_after_result: refillAfterResult(context, o),
    ...resultSlots(namedResult(context, o.text ?? ''), lang, now, zone, o.text ?? ''),
    ...appointmentSlots(
      appointmentFor(context?.appointments ?? [], o.text ?? '', request, zone, now),
      lang,
      now,
      zone,
    ),
    also: o.also ?? false,
    sched_cancel: request === 'cancel',
    sched_reschedule: request === 'reschedule',
    sched_book: request === 'book',
    sched_question: request === 'question',
    contact_phone: contact === 'phone',
    contact_address: contact === 'address',
    contact_email: contact === 'email',
    contact_pharmacy: contact === 'pharmacy',
    contact_name: contact === 'name',
    contact_other: contact === 'other',
    portal_trouble: reading?.portalTrouble ?? true,
    asks: reading?.asks ?? false,
    self_harm: reading?.selfHarm ?? false,
    open_today: o.openToday ?? false,
    nurse_alerted: o.nurseAlerted ?? false,
    out_now: o.analysis?.refill.outNow ?? false,
    needs_new_approval: o.analysis?.refill.pharmacyNeedsApproval ?? false,
    knowledge_answer: o.analysis?.answers.length
      ? o.analysis.answers.map((h) => h.passage.text[lang]).join(' ')
      : undefined,
    warning_signs: o.warningSigns,
    emergency_number: o.contacts?.emergency ?? '911',
    poison_control: o.contacts?.poison_control ?? '1-800-222-1222',
    crisis_line: o.contacts?.crisis_line ?? '988',
    labor_delivery: o.contacts?.labor_delivery,
    labor_delivery_place: o.contacts?.labor_delivery_place,
    dv_hotline: o.contacts?.dv_hotline ?? '1-800-799-7233',
    nurse_line: o.contacts?.nurse_line,
    after_hours_line: o.contacts?.after_hours,
  };
}
