/**
 * Plain-words explanations of the flags a draft or a message can carry, for the staff member who
 * decides whether to send it. Drafts store flags as "code" or "code: detail"; the detail may quote
 * the draft and is shown as text beside the explanation.
 */
const DRAFT_FLAGS: Record<string, string> = {
  ungrounded_medicine: 'Names a medicine that is not in the chart or the patient’s message. Check it.',
  ungrounded_dose: 'States a dose that is not in the chart or the message. Check it.',
  ungrounded_value: 'States a test value or number that is not in the chart or the message. Check it.',
  new_diagnosis: 'Seems to name an illness the patient does not have on record. A draft must not diagnose.',
  dose_change: 'Seems to start, stop or change a medicine. Only a clinician may decide that.',
  promised_action:
    'Says something was already done (a refill sent, a visit booked). Nothing has been done yet.',
  appointment_suggested: 'Suggests a visit. Make sure one is really needed.',
  over_length: 'Longer than the clinic’s word limit.',
  leftover_placeholder: 'Contains a placeholder in square brackets that was never filled in.',
  identifier_in_draft:
    'Contains an identifier (record number, phone, date of birth) that should not be there.',
  obeyed_instruction: 'May follow instructions written inside the patient’s message. Read it carefully.',
  avoided_word: 'Uses a word the clinic asked drafts to avoid.',
  wrong_language: 'Not written in the language the patient used.',
  above_target_grade: 'Harder to read than the patient’s target reading level.',
  model_timeout: 'The language model did not answer in time; this draft comes from templates.',
  model_rate_limited: 'The language model was busy; this draft comes from templates.',
  model_server_error: 'The language model failed; this draft comes from templates.',
  model_invalid_output: 'The language model answered something unusable.',
  model_connection: 'The language model could not be reached; this draft comes from templates.',
  model_rejected: 'The language model refused the request; this draft comes from templates.',
  model_draft_rejected: 'The model’s draft failed a safety check and was replaced by the template draft.',
  model_skipped: 'The model was not asked (no safe request could be built); this draft comes from templates.',
  simplified: 'The model was asked to simplify its first draft.',
  needs_translation: 'The patient wrote in a language the clinic does not draft in; the draft is in English.',
  message_truncated: 'The patient’s message was very long; only its beginning went to the model.',
  chart_missing: 'The chart could not be read, so the draft states no chart facts.',
  chart_warnings: 'Some chart records were malformed and skipped.',
  drafting_error: 'Drafting hit an error and fell back to a draft without the chart.',
  knowledge_used:
    'Answers from the clinic’s knowledge folder (prompts/knowledge): the passage and its file are named. Check it is still current.',
  promise_made: 'Promises an action (a call, a send, an alert). Make sure it will happen before you send.',
  false_promise:
    'The model promised something the clinic cannot do at this hour or with this set-up; that draft was replaced.',
  chart_contradiction:
    'What the patient says does not match the chart (both sides shown). The draft does not state either; check before replying.',
  not_in_chart:
    'The patient names something the chart does not hold. The draft does not guess; check the record.',
  redrafted:
    'This draft replaced an earlier one because the message’s urgency changed; the earlier draft is kept.',
};

const MESSAGE_FLAGS: Record<string, string> = {
  instruction_injection:
    'The message contains text that tries to give instructions to software. It was treated as data.',
  unsupported_language: 'Written in a language the triage rules do not fully understand.',
  multiple_requests: 'The patient asks for several things at once.',
  empty_message: 'The message is empty.',
  truncated_input: 'The message was too long to triage in full.',
  model_raised_urgency: 'The language model judged this more urgent than the rules did.',
  model_unavailable: 'The language model was not available for a second opinion on urgency.',
  chart_unavailable: 'The chart could not be read when the draft was made.',
  no_draft: 'No draft was made for this message.',
  needs_translation: 'The patient wrote in a language the clinic does not draft in.',
  draft_failed: 'Drafting failed for this message.',
  draft_changed: 'The draft was made again after the urgency changed. Read the new draft before sending.',
  triage_failed: 'The triage rules could not read this message; it was marked urgent to be safe.',
  unreadable:
    'The portal sent something this system could not read, so there is no text here. Open it in the ' +
    'portal by its portal id and read it there; it was marked urgent to be safe.',
  text_normalised:
    'Some characters could not be stored as sent (a null character or a broken character code) and ' +
    'show as �. The original is kept below, escaped.',
  long_message: 'A very long message (over 10,000 characters). It is kept whole: read all of it.',
  body_shortened:
    'Longer than 1,000,000 characters: only its beginning and its end are kept here. Read the whole ' +
    'message in the portal.',
  send_failed:
    'Sending the approved reply failed at least once. The reply section says whether it has gone since.',
  non_text_payload:
    'The patient also sent something that is not text (an attachment). Look at it in the portal.',
};

export interface ExplainedFlag {
  code: string;
  explanation: string;
  detail: string | null;
}

function explain(raw: string, table: Record<string, string>): ExplainedFlag {
  const colon = raw.indexOf(': ');
  const code = colon > 0 ? raw.slice(0, colon) : raw;
  const detail = colon > 0 ? raw.slice(colon + 2) : null;
  return { code, explanation: table[code] ?? `Flag “${code.replace(/_/g, ' ')}”.`, detail };
}

export const explainDraftFlag = (raw: string) => explain(raw, DRAFT_FLAGS);
export const explainMessageFlag = (raw: string) => explain(raw, { ...DRAFT_FLAGS, ...MESSAGE_FLAGS });
