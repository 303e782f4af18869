/**
 * What the message actually asks, read by the drafter itself: triage gives the urgency and the broad
 * categories, but a reply must fit the sub-kind (cancel, not book; a new phone number, not a form) and
 * must not answer requests the message does not make. English and Spanish; accents and case ignored.
 */
import { namedTestGroups, mentionsResultsInGeneral } from '../context/select-results';
import type { ChartContext } from '../context/types';
import { namesForMedicine } from '../context/medicine-names';
import { findPhrase, tokenize, wordMatches } from '../context/text-match';
import type { Category, TriageResult } from '../triage/types';
import { foldText, isMedicineWord } from './lexicon';

export type SchedulingRequest = 'cancel' | 'reschedule' | 'book' | 'question';
export type ContactChange = 'phone' | 'address' | 'email' | 'pharmacy' | 'name' | 'other';

export interface MessageReading {
  /** The portal or app is failing (not a how-to question about it). */
  portalTrouble: boolean;
  /** The message names a medicine that is not on the chart. */
  namesOtherMedicine: boolean;
  /** The message names a medicine on the patient's chart. */
  namesMedicine: boolean;
  /** The categories to draft for, most important first (triage's, corrected where the text is clear). */
  categories: Category[];
  scheduling: SchedulingRequest;
  /** Set when the message asks to change contact details on the record. */
  contact?: ContactChange;
  /** The patient reports getting better (and nothing getting worse). */
  improving: boolean;
  /** The message asks something (a question mark or a question phrase). */
  asks: boolean;
  /** Triage's reasons or the text speak of suicide or self-harm. */
  selfHarm: boolean;
}

/** Words the patterns below rely on; a misspelling of one ("famracia", "rceords") is read as the word. */
const KEY_WORDS = [
  'pharmacy',
  'farmacia',
  'preferred',
  'address',
  'direccion',
  'appointment',
  'reschedule',
  'cancel',
  'records',
  'expediente',
  'insurance',
  'password',
  'contrasena',
  'paperwork',
  'prescription',
  'telefono',
  'number',
];

function fold(text: string): string {
  return foldText(text)
    .replace(/\s+/g, ' ')
    .replace(/\p{L}{5,}/gu, (w) => KEY_WORDS.find((k) => k !== w && wordMatches(w, k)) ?? w);
}
const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

const CANCEL = [
  /\bcancel\w*/,
  /\b(?:can(?:no|')?t|cannot|won'?t be able to|will not be able to) make (?:it|my)\b/,
];
const RESCHEDULE = [
  /\bre-?schedul\w*/,
  /\breprogram\w*/,
  /\b(?:move|change|push back|switch)\b[^.?!\n]{0,30}\b(?:appointment|appt|visit|time|date|physical|check ?up)\b/,
  /\b(?:cambiar|cambien|mover|muevan|pasar)\b[^.?!\n]{0,30}\bcita\b/,
  /\b(?:another|different|other|new) (?:day|time|date)\b/,
];
const VISIT_WORDS = '(?:appointment|appt|visit|physical|check ?-?up|exam|flu shot|follow ?-?up)';
/** Asking for a new visit ("I'd like to schedule", "can I get an appointment"); "should I make one?" asks the clinician. */
const BOOK = [
  new RegExp(`\\b(?:schedule|book|set up|make|get|request)\\s+(?:\\w+\\s+){0,3}?${VISIT_WORDS}\\b`),
  new RegExp(
    `\\b(?:need|want|like) (?:to )?(?:schedule|book|make|get|set up|come in for) (?:\\w+\\s+){0,3}?${VISIT_WORDS}\\b`,
  ),
  /\b(?:hacer|sacar|pedir|quiero|necesito|agendar|programar) (?:una |otra )?cita\b/,
  /\bhay cita\b/,
];
/** A question about a visit needs no request phrase, only a visit. */
const VISIT_MENTION =
  /\b(?:appointments?|appts?|visits?|citas?|check ?-?ups?|physical|reschedul\w*|cancel\w*)\b/;
const SHOULD_I =
  /\b(?:should (?:i|we) (?:make|schedule|book|get|come)|do (?:i|we) (?:need|have) to)\b|\bdo (?:i|we) need (?:an?|the) /;

const CONTACT: { kind: ContactChange; patterns: RegExp[] }[] = [
  {
    kind: 'pharmacy',
    patterns: [
      /\b(?:change|update|switch|use|send \w+ to) (?:my |the )?(?:preferred |default )?pharmacy\b/,
      /\bnew pharmacy\b/,
      /\b(?:cambien|cambiar|actualicen|actualizar) (?:mi |la )?farmacia\b/,
      /\bnueva farmacia\b/,
    ],
  },
  {
    kind: 'phone',
    patterns: [
      /\b(?:update|change|correct|fix) (?:my |the )?(?:phone|cell|mobile|contact|home)? ?(?:phone )?number\b/,
      /\bmy (?:new|old) (?:phone|cell|mobile) ?(?:number)?\b/,
      /\bnew (?:phone|cell|mobile)(?: number)?\b/,
      /\b(?:cambien|cambiar|actualicen|actualizar|corrijan) (?:mi |el )?(?:numero(?: de telefono| de celular)?|telefono|celular)\b/,
      /\bmi nuevo (?:numero|telefono|celular)\b/,
    ],
  },
  {
    kind: 'address',
    patterns: [
      /\b(?:update|change|correct|fix) (?:my |the )?(?:home |mailing )?address\b/,
      /\b(?:my )?new (?:home |mailing )?address\b/,
      /\bi (?:have |just )?moved\b/,
      /\b(?:cambien|cambiar|actualicen|actualizar|corrijan) (?:mi |la )?(?:direccion|domicilio)\b/,
      /\bmi nueva (?:direccion|casa)\b/,
      /\bme (?:mude|cambie de casa)\b/,
    ],
  },
  {
    kind: 'email',
    patterns: [
      /\b(?:update|change|correct|fix) (?:my |the )?e-?mail(?: address)?\b/,
      /\bmy new e-?mail\b/,
      /\b(?:cambien|cambiar|actualicen|actualizar|corrijan) (?:mi |el )?correo\b/,
      /\bmi nuevo correo\b/,
    ],
  },
  {
    kind: 'name',
    patterns: [
      /\b(?:update|change|correct|fix) (?:my |the )?(?:last |legal |first )?name\b/,
      /\b(?:old|maiden|married) (?:last )?name\b[^.?!\n]{0,80}\b(?:update|change)\b/,
      /\b(?:cambien|cambiar|actualicen|actualizar|corrijan) (?:mi |el )?(?:nombre|apellido)\b/,
    ],
  },
];

const BETTER = [
  /\b(?:went|goes|has gone|have gone) away\b/,
  /\bhaven'?t had (?:any|it|one|another)(?: \w+)? since\b/,
  /\b(?:all|way|much|lot) better\b/,
  /\b(?:is|'s|s|are) (?:completely |totally |finally |all )?(?:gone|cleared up|resolved)\b/,
  /\b(?:is|'s|s) working (?:great|well|so well)\b/,
  /\b(?:feel|feels|feeling|felt|doing|am|is|are|getting)\s+(?:much |a lot |so much |way |a little |a bit )?better\b/,
  /\b(?:is|are) (?:finally |all )?gone\b/,
  /\bno more (?:fever|pain|cough|rash|vomiting|diarrhea)\b/,
  /\bback (?:at|to) (?:school|work|daycare)\b/,
  /\bfeel like (?:myself|my old self)\b/,
  /\b(?:me siento|se siente|esta|estoy|sigue|se ve) (?:mucho |muy |un poco )?mejor\b/,
  /\bya no tengo (?:tos|fiebre|dolor)\b/,
  /\bregreso a la escuela\b/,
];
const WORSE = [
  /\bworse\b/,
  /\bworsening\b/,
  /\bcame back\b/,
  /\b(?:is|are) back\b(?! (?:at|to) (?:school|work))/,
  /\bnot (?:any )?better\b/,
  /\bno better\b/,
  /\bpeor\b/,
  /\botra vez\b/,
  /\bvolvio\b/,
  /\bno (?:estoy|me siento) mejor\b/,
];

const SELF_HARM_REASON =
  /suicid|self-?harm|hurt(?:ing)? (?:him|her|them|my|your)sel|not wanting to (?:live|be alive)|kill(?:ing)? (?:him|her|them|my)sel|end(?:ing)? (?:my|his|her|their) life/i;
const SELF_HARM_TEXT = [
  /\bsuicid\w*/,
  /\bkill(?:ing)? myself\b/,
  /\bend(?:ing)? (?:my|it all|my own) ?life\b/,
  /\bhurt(?:ing)? myself\b/,
  /\bbetter off without me\b/,
  /\bwant to die\b/,
  /\b(?:wouldn'?t|would not|didn'?t|did not) wake up\b/,
  /\bno quiero vivir\b/,
  /\bquitarme la vida\b/,
  /\bmatarme\b/,
  /\bhacerme dano\b/,
  /\bno despertar\b/,
];

const QUESTION = [
  /[?¿]/,
  /\b(?:do|should|can|could|is|are|will) (?:i|we|you|it|my|he|she)\b/,
  /\b(?:puedo|debo|tengo que|necesito)\b/,
];

/** Clear signs of each kind of request, used before a second reply paragraph is added for it. */
const REQUEST_SIGNS: Partial<Record<Category, RegExp[]>> = {
  scheduling: [...CANCEL, ...RESCHEDULE, ...BOOK],
  // Asking for a form, letter or records, not just naming one ("the new patient form asks...").
  forms_records: [
    /\b(?:need|want|request|get|send|fax|sign|signed|fill(?:ed)? out|complete|drop(?:ped)? off|upload|email)\b[^.?!\n]{0,40}\b(?:forms?|paperwork|letter|note|records?|fmla|immunizations?|vaccine record|shot record)\b/,
    /\b(?:forms?|paperwork|letter)\b[^.?!\n]{0,30}\b(?:filled out|signed|completed|sent|faxed)\b/,
    /\b(?:copy|copies) of (?:my|his|her|our|the)\b/,
    /\bnote for (?:work|school|my (?:job|work|boss|school))\b/,
    /\b(?:work|school|doctor'?s|excuse) note\b/,
    /\b(?:fmla|disability) (?:forms?|paperwork)\b/,
    /\b(?:necesito|quiero|ocupo|pido|mandar|manden|llenar|firmar|me pueden dar)\b[^.?!\n]{0,40}\b(?:formularios?|forma|papeles|carta|expediente|record de vacunas|constancia|justificante|incapacidad)\b/,
    /\bcopia de (?:mi|su|el|la|los)\b/,
  ],
  billing: [
    /\b(?:bills?|billed|billing|invoice|copay|co-pay|balance|payment|charged?|refund|deductible|collections|cost|fee)\b/,
    /\b(?:take|accept) (?:my |our )?(?:new )?(?:insurance|\w+ cross|medicaid|medicare)\b/,
    /\binsurance (?:should have |didn'?t |did not |won'?t |denied|cover|changed|company|claim)/,
    /\b(?:factura|cobro|cobraron|pagos?|saldo|deducible|reembolso|cuanto cuesta)\b/,
    /\bseguro (?:no )?(?:la |lo )?(?:debia |deberia )?(?:cubr\w*|pag\w*)/,
  ],
  // Trouble with the portal, not just the word "portal" ("the numbers in the portal").
  portal_technical: [
    /\b(?:log ?in|sign ?in|password|username|verification code|lock(?:s|ed)? (?:me )?out|reset)\b/,
    /\b(?:portal|app|page|site)\b[^.?!\n]{0,40}\b(?:blank|not (?:working|loading|showing)|won'?t (?:load|open|work|let me)|error|crash\w*|empty|spins?|spinning)\b/,
    /\b(?:won'?t|will not|doesn'?t|does not) let me (?:log|sign|save|upload|see|open)\b/,
    /\b(?:can'?t|cannot|unable to) (?:upload|save)\b/,
    /\b(?:can'?t|cannot|unable to) (?:get in|open|see|access)\b/,
    /\b(?:contrasena|clave|usuario|codigo de verificacion)\b/,
    /\bno (?:puedo entrar|me deja entrar|aparece(?:n)? nada|abre|carga|funciona)\b/,
  ],
  medication: [
    /\b(?:refill|renew|prescription|ran out|run out|running out|out of my|none left|can i take|should i take|is it ok to (?:take|give)|side effects?|dose)\b/,
    /\b(?:same (?:medicine|medication|thing)|different(?: looking)? pills?|generic|with (?:food|coffee|breakfast|alcohol)|empty stomach|interact\w*|missed|forgot(?: to take)?)\b/,
    /\b(?:resurt\w*|receta|se me acab\w*|puedo tomar|me tomo|le doy|dosis|efectos?|misma medicina|se ven diferentes|se me olvido|en ayunas|con el (?:desayuno|cafe))\b/,
  ],
};
const RESULT_CUES = [
  /\b(?:results?|labs?|lab work|blood ?work|tests?|came back|numbers?|levels?|went (?:from|up|down)|portal says|flagged|marked)\b/,
  /\b(?:resultados?|analisis|laboratorio|examen(?:es)?|salio|salieron|nivel|antes era|subio|bajo)\b/,
];
const HOME_READING = [
  /\b(?:at home|home (?:reading|machine|monitor|cuff|meter|test)|my (?:meter|monitor|cuff|machine|glucometer|watch)|on the meter|i checked|i measured|readings?|log)\b/,
  /\bfasting (?:sugars?|glucose|numbers)\b/,
  /\d+(?:\.\d+)?, \d+(?:\.\d+)?, \d+(?:\.\d+)?/,
  /\b(?:en casa|mi aparato|mi maquina|mi medidor|el medidor|me medi|me tome la presion)\b/,
];

export function schedulingRequest(text: string): SchedulingRequest {
  const t = fold(text);
  if (any(CANCEL, t)) return 'cancel';
  if (any(RESCHEDULE, t)) return 'reschedule';
  if (any(BOOK, t) && !SHOULD_I.test(t)) return 'book';
  return 'question';
}

/** The contact detail a message changes; two or more at once are "other" (the reply then says "your record"). */
export function contactChange(text: string): ContactChange | undefined {
  const t = fold(text);
  const kinds = CONTACT.filter((c) => any(c.patterns, t)).map((c) => c.kind);
  if (kinds.length > 1) return 'other';
  return kinds[0];
}

// "Is my result better?" asks about a number, not how the patient feels.
const RESULT_BETTER_QUESTION =
  /\b(?:resultados?|results?|levels?|nivel|numbers?|numeros?)\b[^.?!]*\b(?:mejor|better)\b[^.!]*\?/;

export function reportsImproving(text: string): boolean {
  const t = fold(text);
  return any(BETTER, t) && !any(WORSE, t) && !RESULT_BETTER_QUESTION.test(t);
}

export function mentionsSelfHarm(text: string, reasons: string[] = []): boolean {
  return reasons.some((r) => SELF_HARM_REASON.test(r)) || any(SELF_HARM_TEXT, fold(text));
}

/** The message carries a clear request of this kind (not just a word triage happened to catch). */
export function asksFor(category: Category, text: string): boolean {
  const signs = REQUEST_SIGNS[category];
  return signs ? any(signs, fold(text)) : false;
}

/** A plain request for a new visit, not a question whether one is needed. */
export function asksToBook(text: string): boolean {
  const t = fold(text);
  return any(BOOK, t) && !SHOULD_I.test(t);
}

/** A medicine the message names that is not on the chart (so no chart medicine may stand in for it). */
export function namesOtherMedicine(text: string, chart: ChartContext | undefined): boolean {
  const onChart = new Set((chart?.medications ?? []).flatMap((m) => namesForMedicine(m.name)));
  return tokenize(text).some(
    (t) => isMedicineWord(t) && ![...onChart].some((n) => tokenize(n).some((w) => wordMatches(t, w))),
  );
}

/** A test the message names that the chart holds, asked about as a result (a value, "came back", "resultado"). */
export function asksAboutChartResult(text: string, chart: ChartContext | undefined): boolean {
  // Lab results only, unless the patient says "result": a blood pressure, pulse or weight in a message is
  // most often a reading taken at home.
  const t = fold(text);
  if (any(HOME_READING, t)) return false;
  const explicit = /\b(?:results?|resultados?)\b/.test(t);
  const labs = chart?.observations.filter((o) => explicit || o.category === 'laboratory') ?? [];
  if (!labs.length) return false;
  const groups = namedTestGroups(text).map((n) => n.group);
  const tokens = tokenize(text);
  const named = labs.filter((o) => {
    if (groups.some((g) => (o.code ? g.codes.includes(o.code) : g.namePattern.test(o.name)))) return true;
    const first = tokenize(o.name).find((w) => w.length >= 5);
    return !!first && tokens.some((tok) => wordMatches(tok, first));
  });
  if (!named.length) return false;
  // A value of the named test itself, not a number that happens to equal another result.
  const quotesValue = named.some(
    (o) =>
      o.value !== undefined &&
      new RegExp(`(?<![\\d.])${String(o.value).replace('.', '\\.')}(?![\\d])`).test(t),
  );
  return quotesValue || any(RESULT_CUES, t);
}

/** "My lab results": a question about results in general, not about one test. */
export function asksAboutResultsInGeneral(text: string): boolean {
  return !!mentionsResultsInGeneral(text) && any(QUESTION, fold(text));
}

/**
 * Triage's categories, corrected by what the text makes clear: a result question read as a symptom, a
 * medicine or bill question read as "other". Urgent and emergent messages keep triage's reading.
 */
export function readMessage(
  text: string,
  triage: TriageResult,
  chart: ChartContext | undefined,
): MessageReading {
  const given: Category[] = triage.categories.length ? triage.categories : [triage.category];
  let categories = [...given];
  const calm = triage.urgency === 'routine' || triage.urgency === 'non_clinical';
  const primary = categories[0];
  // "Is my creatinine better?" asks about a result; it is not news that the patient feels better.
  // A portal "question" that is really about a value the portal shows ("the portal says my INR is 4.8").
  const portalQuestion = primary === 'portal_technical' && !asksFor('portal_technical', text);
  const resultQuestion =
    calm &&
    (primary === 'symptom' || primary === 'other' || portalQuestion) &&
    (asksAboutChartResult(text, chart) || (primary === 'other' && asksAboutResultsInGeneral(text)));
  if (resultQuestion) {
    // The result reply already says the clinician will look at it; a symptom paragraph would repeat it.
    categories = ['results', ...categories.filter((c) => c !== 'results' && c !== 'symptom')];
  }
  const improving = calm && !resultQuestion && categories[0] !== 'results' && reportsImproving(text);
  // Triage's first category may rest on one word ("the new patient form"); a category whose request the
  // text clearly makes goes first. A blocked portal comes before a form.
  const ADMIN = ['portal_technical', 'forms_records', 'billing', 'scheduling'] as const;
  const first = categories[0];
  const stands = first === 'scheduling' ? VISIT_MENTION.test(fold(text)) : asksFor(first, text);
  if (calm && (ADMIN as readonly Category[]).includes(first) && !stands) {
    const clear = ADMIN.filter((c) => c !== first && categories.includes(c) && asksFor(c, text));
    if (clear.length) categories = [...clear, ...categories.filter((c) => !clear.includes(c as never))];
  }
  if (calm && categories[0] === 'other') {
    // Triage saw no category; a clear request in the text names one.
    const named = (['billing', 'forms_records', 'scheduling', 'portal_technical'] as const).find((c) =>
      asksFor(c, text),
    );
    if (named) categories = [named, ...categories];
    else if (chart && asksFor('medication', text) && namesChartMedicine(text, chart))
      categories = ['medication', ...categories];
  }
  // "Reschedule my blood pressure check": the visit's name is not a symptom to answer first, and when it
  // is the only symptom triage saw, not one to answer at all.
  const request = schedulingRequest(text);
  if (
    calm &&
    categories[0] === 'symptom' &&
    categories.includes('scheduling') &&
    (request === 'cancel' || request === 'reschedule')
  ) {
    categories = ['scheduling', ...categories.filter((c) => c !== 'scheduling')];
    if (symptomIsVisitName(text, triage.reasons)) categories = categories.filter((c) => c !== 'symptom');
  }
  // "Should I take another losartan?" beside a symptom: the medicine question gets its line too.
  if (
    calm &&
    chart &&
    !categories.includes('medication') &&
    asksFor('medication', text) &&
    namesChartMedicine(text, chart)
  )
    categories = [...categories, 'medication'];
  // "My results are ready but the portal page is blank": the portal is the problem to solve first.
  if (
    calm &&
    categories[0] === 'results' &&
    categories.includes('portal_technical') &&
    asksFor('portal_technical', text)
  )
    categories = ['portal_technical', ...categories.filter((c) => c !== 'portal_technical')];
  return {
    portalTrouble: asksFor('portal_technical', text),
    namesMedicine: !!chart && namesChartMedicine(text, chart),
    namesOtherMedicine: namesOtherMedicine(text, chart),
    categories: [...new Set(categories)],
    scheduling: request,
    contact: calm ? contactChange(text) : undefined,
    improving,
    asks: any(QUESTION, fold(text)),
    selfHarm: mentionsSelfHarm(text, triage.reasons),
  };
}

const NOT_SYMPTOM_REASON =
  /scheduling|billing|forms?|records|portal|refill|medication|medicine|result|other/i;
const VISIT_AFTER =
  /^\s*(?:check|checkup|check-up|follow-?up|visit|appointment|appt|clinic|control|consulta|cita)\b/;

/** Every symptom phrase triage quoted is the name of a visit ("blood pressure check"), not a complaint. */
function symptomIsVisitName(text: string, reasons: string[]): boolean {
  const t = fold(text);
  const phrases = reasons
    .filter((r) => !NOT_SYMPTOM_REASON.test(r.split('—')[0] ?? r))
    .map((r) => /"([^"]+)"/.exec(r)?.[1])
    .filter((p): p is string => !!p)
    .map((p) => fold(p));
  if (!phrases.length) return false;
  return phrases.every((p) => {
    const at = t.indexOf(p);
    return at >= 0 && VISIT_AFTER.test(t.slice(at + p.length));
  });
}

/** The message names a medicine on the chart (generic, brand or misspelled). */
export function namesChartMedicine(text: string, chart: ChartContext): boolean {
  const tokens = tokenize(text);
  return chart.medications.some((m) => namesForMedicine(m.name).some((n) => findPhrase(tokens, n) >= 0));
}
