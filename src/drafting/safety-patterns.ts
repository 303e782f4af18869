/**
 * Phrases the safety checks flag, in English and Spanish. Each list is a set of alternatives; the
 * matched text is shown to the reviewer as the flag's detail.
 */

const DONE_VERBS_EN =
  'sent|called in|ordered|scheduled|booked|refilled|renewed|approved|faxed|mailed|e-?mailed|submitted|forwarded|cancell?ed|rescheduled|updated|processed|completed|filled|placed|notified|alerted|contacted|arranged|escalated|flagged|marked|waived|reversed|corrected|fixed';

/** A claim that something has already been done: nothing has, until a person approves the draft. */
export const PROMISE_PATTERNS: RegExp[] = [
  new RegExp(
    `\\b(?:i|we)(?:'ve|\\s+have|\\s+already|\\s+just)*\\s+(?:gone ahead and\\s+)?(?:${DONE_VERBS_EN}|put in|set up|spoken|talked|moved|changed)\\b`,
    'i',
  ),
  new RegExp(
    `\\b(?:your|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:refill|prescription|rx|medicine|medication|appointment|visit|referral|forms?|letter|records?|order|request|paperwork|note|bill|claim|account|address|chart|results?)\\s+(?:has been|have been|was|were|is now|is already|are now|are already|is|are)\\s+(?:${DONE_VERBS_EN}|ready|done|on (?:its|the) way)\\b`,
    'iu',
  ),
  new RegExp(`\\b(?:has|have) been (?:${DONE_VERBS_EN})\\b`, 'i'),
  /\b(?:is|are) on (?:its|their|the) way\b/i,
  /\bready (?:for|to) pick ?up\b/i,
  /\b(?:ya\s+)?(?:(?:le|lo|la|se lo|se la|se le)\s+)?(?:enviamos|mandamos|programamos|agendamos|aprobamos|renovamos|cancelamos|avisamos|surtimos|actualizamos|cambiamos|hemos (?:enviado|mandado|programado|agendado|aprobado|renovado|cancelado|avisado|surtido|actualizado|cambiado|pedido)|he (?:enviado|mandado|programado|agendado|aprobado|renovado|cancelado|avisado|surtido|actualizado|cambiado|pedido))\b/i,
  /\b(?:fue|ha sido|han sido|fueron|está ya|ya está|ya están)\s+(?:enviad|mandad|aprobad|programad|agendad|renovad|surtid|cancelad|actualizad|list)[oa]s?\b/i,
];

/** Offering or asking for a visit. */
export const APPOINTMENT_PATTERNS: RegExp[] = [
  /\b(?:schedule|book|make|set up|arrange|request|get)\s+(?:an?\s+|your\s+|a follow-up\s+)?(?:appointment|appt|visit|follow-up|check-?up)\b/i,
  /\bcome in(?:to the (?:office|clinic))?\b(?! contact)/i,
  /\b(?:see|seeing) (?:the|your|a) (?:doctor|provider|physician|clinician)\b/i,
  /\bbe seen\b/i,
  /\b(?:in-person|office|follow-up) visit\b/i,
  /\bget you in\b/i,
  /\b(?:haga|hacer|programe|programar|agende|agendar|pida|pedir|saque|sacar|dar|darle|damos)\s+(?:una\s+)?cita\b/i,
  /\bvenga (?:a la|al) (?:clínica|clinica|oficina|consultorio|consulta)\b/i,
  /\b(?:ver|vea|verle|verlo|verla) (?:al|a su) (?:médico|medico|doctor|doctora)\b/i,
  /\bconsulta en persona\b/i,
];

/** Telling the patient to change how they take a medicine. Negated uses ("do not change") are skipped. */
export const DOSE_CHANGE_PATTERNS: RegExp[] = [
  /\b(?:increase|decrease|raise|lower|reduce|double|halve|cut|adjust|change|switch|skip|hold|taper|titrate)\s+(?:your\s+|the\s+|this\s+)?(?:[\p{L}-]+\s+)?(?:dose|dosage|doses)\b/iu,
  /\b(?:increase|decrease|raise|lower|reduce|bump|go up|go down)\b[^.?!\n]{0,40}?\bto\s+\d+(?:[.,]\d+)?\s*(?:mg|mcg|units?|ml|tablets?|pills?|puffs?)\b/i,
  /\b(?:stop|discontinue|quit|pause)\s+(?:taking|using)\s+[\p{L}-]+/iu,
  /\btake\s+(?:\d+|one|two|three|half|an extra|extra|double)\b[^.?!\n]{0,30}\b(?:instead|more|extra|from now on)\b/i,
  /\bnew dose\b|\bdouble up\b/i,
  /\b(?:aumente|aumentar|suba|subir|baje|bajar|reduzca|reducir|duplique|duplicar|ajuste|ajustar|cambie|cambiar)\s+(?:la\s+|su\s+)?dosis\b/i,
  /\b(?:suspenda|suspender|deje de tomar|dejar de tomar|deje de usar)\b/i,
  /\bnueva dosis\b|\btome\s+(?:\d+|dos|tres|media|una más)\b[^.?!\n]{0,30}\b(?:en vez|más|de ahora en adelante)\b/i,
];

export const NEGATION_BEFORE = /\b(?:do not|don't|never|no|not|nunca|sin)\s+(?:\S+\s+){0,2}$/i;

/** Text meant for staff or for a template engine, never for a patient. */
export const PLACEHOLDER_PATTERNS: RegExp[] = [
  /\{\{[^}]*\}\}/,
  /\[[A-Z][A-Z_ ]*\d*\]/,
  /\[(?:insert|your|patient|name|date|time|doctor|dr|clinic|phone|number|medication|medicine|dose|nombre|fecha|hora|médico|medico|xx+)[^\]]{0,40}\]/i,
  /<(?:name|date|patient|doctor|insert|phone)[^>]{0,30}>/i,
  /\bX{2,}\b|_{3,}|\bTBD\b|\bN\/A\b/,
];

/** Signs that a draft talks about itself or about how it was made: what an injected instruction asks for. */
export const META_PATTERNS: RegExp[] = [
  /\bas an? (?:ai|language model|assistant|chatbot)\b/i,
  /\b(?:my|the) (?:instructions|system prompt|prompt|rules|programming)\b/i,
  /\bignor(?:e|ing|ed) (?:all |any |the |my |your |previous |prior )*(?:instructions|rules)\b/i,
  /\b(?:marked|flagged|classified|triaged|set|escalated|overrid(?:e|den))\b[^.?!\n]{0,30}\b(?:urgent|emergent|emergency|priority|high priority|routine|normal queue)\b/i,
  /\bon-?call\b|\bpriority queue\b|\bnormal queue\b/i,
  /\b(?:i am|i'm) (?:now |no longer )?(?:a|an|the|not)\b[^.?!\n]{0,20}\b(?:ai|assistant|bot|model|doctor)\b/i,
  /\bcomo (?:una |un )?(?:ia|inteligencia artificial|modelo de lenguaje)\b|\bmis instrucciones\b/i,
];

/** Instructions aimed at the drafting system inside the patient's text. */
export const INJECTION_PATTERNS: RegExp[] = [
  /\bignore (?:all |any |the |your |previous |prior |above )*(?:instructions|rules|prompts?)\b/i,
  /\b(?:system|assistant|ai|bot|model|program|triage system)\s*(?:prompt|note|override|instruction)?\s*:/i,
  /\b(?:you are now|act as|pretend (?:to be|you are)|from now on you)\b/i,
  /\b(?:reply|respond|answer|write|say|tell me|output|print|confirm)\b[^.?!\n]{0,20}\b(?:with|that|exactly|only|the words)\b/i,
  /\b(?:do not|don't) (?:flag|mark|triage|escalate)\b|\b(?:mark|flag|classify|escalate) (?:this|me|it)\b/i,
  /\bignora (?:las |tus |todas las )?instrucciones\b|\bresponde (?:solo |solamente )?con\b/i,
];
