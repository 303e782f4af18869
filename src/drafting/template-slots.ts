/** The slots a template may use; documented for clinics in prompts/templates/README.md. */
export interface TemplateView {
  clinic_name: string;
  clinic_phone: string;
  /** Who follows up, written to start a sentence. */
  follow_up: string;
  urgent: boolean;
  medicine?: string;
  refills_left?: number;
  has_refills: boolean;
  /** Exactly one refill left (singular wording). */
  one_refill: boolean;
  no_refills: boolean;
  result_name?: string;
  result_value?: string;
  result_range?: string;
  result_date?: string;
  result_before?: string;
  result_high: boolean;
  result_low: boolean;
  result_normal: boolean;
  result_very_high: boolean;
  result_very_low: boolean;
  result_outside: boolean;
  appointment_date?: string;
  appointment_time?: string;
  appointment_with?: string;
  /** This paragraph answers a second request in the message: templates keep it to a line or two. */
  also: boolean;
  /** What a scheduling message asks: exactly one is true. */
  sched_cancel: boolean;
  sched_reschedule: boolean;
  sched_book: boolean;
  sched_question: boolean;
  /** Which contact detail a contact-update message changes: at most one is true. */
  contact_phone: boolean;
  contact_address: boolean;
  contact_email: boolean;
  contact_pharmacy: boolean;
  contact_name: boolean;
  contact_other: boolean;
  /** The portal or app is failing; without it, a portal message is a how-to question. */
  portal_trouble: boolean;
  /** The message asks a question (not only an update). */
  asks: boolean;
  /** Triage's reasons or the text speak of suicide or self-harm: the crisis line applies. */
  self_harm: boolean;
  /** Working time is left today on the clinic's calendar: "today" promises may be made. */
  open_today: boolean;
  /** An urgent alert really reaches a nurse (alerts configured). */
  nurse_alerted: boolean;
  /** The patient is already out of the medicine. */
  out_now: boolean;
  /** The patient says the pharmacy needs a new approval (whatever refills the chart shows). */
  needs_new_approval: boolean;
  /** The named result moved toward (better) or away from (worse) the normal range since last time. */
  result_better: boolean;
  result_worse: boolean;
  result_both_normal: boolean;
  /** A goal the patient states for the named result ("we wanted it under 7"), as the number they wrote. */
  result_goal?: string;
  /** "under" or "over" (Spanish "menos de" / "más de"), as the patient put the goal. */
  goal_word?: string;
  /** The latest value meets the stated goal. */
  result_goal_met: boolean;
  /**
   * The message also asks about a result, and the chart's value is outside its range: a refill waits for
   * the clinician to look at it (the dose may change), so no "we will send it today".
   */
  refill_after_result: boolean;
  /** The medicine the patient asks to refill is not on the chart's active list (stopped, or never there). */
  not_on_list: boolean;
  /** The name the patient used for that medicine. */
  not_on_list_name?: string;
  /** Warning signs from prompts/knowledge/warning-signs.yaml for the reason that made the message urgent. */
  warning_signs?: string;
  /** The clinic knowledge passage that answers the question, in the draft's language. */
  knowledge_answer?: string;
  /** Numbers from prompts/knowledge/contacts.yaml. */
  emergency_number: string;
  poison_control: string;
  crisis_line: string;
  labor_delivery?: string;
  labor_delivery_place?: string;
  dv_hotline: string;
  nurse_line?: string;
  after_hours_line?: string;
}

export const TEMPLATE_SLOTS: ReadonlySet<string> = new Set<keyof TemplateView>([
  'clinic_name',
  'clinic_phone',
  'follow_up',
  'urgent',
  'medicine',
  'refills_left',
  'has_refills',
  'one_refill',
  'no_refills',
  'result_name',
  'result_value',
  'result_range',
  'result_date',
  'result_before',
  'result_high',
  'result_low',
  'result_normal',
  'result_very_high',
  'result_very_low',
  'result_outside',
  'appointment_date',
  'appointment_time',
  'appointment_with',
  'also',
  'sched_cancel',
  'sched_reschedule',
  'sched_book',
  'sched_question',
  'contact_phone',
  'contact_address',
  'contact_email',
  'contact_pharmacy',
  'contact_name',
  'contact_other',
  'portal_trouble',
  'asks',
  'self_harm',
  'open_today',
  'nurse_alerted',
  'out_now',
  'needs_new_approval',
  'result_better',
  'result_worse',
  'result_both_normal',
  'result_goal',
  'goal_word',
  'result_goal_met',
  'refill_after_result',
  'not_on_list',
  'not_on_list_name',
  'knowledge_answer',
  'warning_signs',
  'emergency_number',
  'poison_control',
  'crisis_line',
  'labor_delivery',
  'labor_delivery_place',
  'dv_hotline',
  'nurse_line',
  'after_hours_line',
]);
