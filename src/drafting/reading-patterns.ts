/**
 * The phrases the drafter reads a message by, in English and Spanish (accents and case folded, common
 * misspellings of key words corrected first). Each list is a set of alternatives.
 */
import type { Category } from '../triage/types';
import { wordMatches } from '../context/text-match';
import { foldText } from './lexicon';
import { isRealWord } from './real-words';
import type { ContactChange } from './reading';

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

export function fold(text: string): string {
  return (
    foldText(text)
      .replace(/\s+/g, ' ')
      // A real word is what the patient meant ("cancer" is not a misspelt "cancel").
      .replace(/\p{L}{5,}/gu, (w) =>
        isRealWord(w) ? w : (KEY_WORDS.find((k) => k !== w && wordMatches(w, k)) ?? w),
      )
  );
}
export const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

export const CANCEL = [
  /\bcancel\w*/,
  /\b(?:can(?:no|')?t|cannot|won'?t be able to|will not be able to) make (?:it|my)\b/,
];
export const RESCHEDULE = [
  /\bre-?schedul\w*/,
  /\breprogram\w*/,
  /\b(?:move|change|push back|switch)\b[^.?!\n]{0,30}\b(?:appointment|appt|visit|time|date|physical|check ?up)\b/,
  /\b(?:cambiar|cambien|mover|muevan|pasar)\b[^.?!\n]{0,30}\bcita\b/,
  // "Me la pueden cambiar para la otra semana?": the visit is the "la" already named.
  /\b(?:me la|la) (?:pueden |puede |podrian )?(?:cambiar|mover|pasar|reprogramar)\b/,
  /\b(?:cambiarmela|moverla|cambiarla|pasarla)\b/,
  /\b(?:another|different|other|new) (?:day|time|date)\b/,
];
const VISIT_WORDS = '(?:appointment|appt|visit|physical|check ?-?up|exam|flu shot|follow ?-?up)';
/** Asking for a new visit ("I'd like to schedule", "can I get an appointment"); "should I make one?" asks the clinician. */
export const BOOK = [
  new RegExp(`\\b(?:schedule|book|set up|make|get|request)\\s+(?:\\w+\\s+){0,3}?${VISIT_WORDS}\\b`),
  new RegExp(
    `\\b(?:need|want|like) (?:to )?(?:schedule|book|make|get|set up|come in for) (?:\\w+\\s+){0,3}?${VISIT_WORDS}\\b`,
  ),
  /\b(?:hacer|sacar|pedir|quiero|necesito|agendar|programar) (?:una |otra )?cita\b/,
  /\bhay cita\b/,
];
/** A question about a visit needs no request phrase, only a visit. */
export const VISIT_MENTION =
  /\b(?:appointments?|appts?|visits?|citas?|check ?-?ups?|physical|reschedul\w*|cancel\w*)\b/;
export const SHOULD_I =
  /\b(?:should (?:i|we) (?:make|schedule|book|get|come)|do (?:i|we) (?:need|have) to)\b|\bdo (?:i|we) need (?:an?|the) /;

export const CONTACT: { kind: ContactChange; patterns: RegExp[] }[] = [
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

export const BETTER = [
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
export const WORSE = [
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

export const SELF_HARM_REASON =
  /suicid|self-?harm|hurt(?:ing)? (?:him|her|them|my|your)sel|not wanting to (?:live|be alive)|kill(?:ing)? (?:him|her|them|my)sel|end(?:ing)? (?:my|his|her|their) life/i;
export const SELF_HARM_TEXT = [
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

export const QUESTION = [
  /[?¿]/,
  /\b(?:do|should|can|could|is|are|will) (?:i|we|you|it|my|he|she)\b/,
  /\b(?:puedo|debo|tengo que|necesito)\b/,
];

/**
 * Checking a visit without the word "appointment": "am I still on for Monday at 9 with Dr Patel?",
 * "¿sigo teniendo cita el lunes?". The chart's visit answers it.
 */
export const CONFIRM_VISIT = [
  /\b(?:still on for|(?:just )?confirm\w*|am i (?:still )?(?:scheduled|booked|set)|do i (?:still )?have (?:an? )?(?:appointment|appt|visit))\b[^.?!\n]{0,50}\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|morning|afternoon|dr\.?|doctor|\d{1,2}(?::\d{2})? ?(?:am|pm))\b/,
  /\b(?:sigo teniendo|todavia tengo|sigue (?:en pie|mi cita)|confirm\w*)\b[^.?!\n]{0,50}\b(?:cita|lunes|martes|miercoles|jueves|viernes|sabado|manana|tarde|dr\.?|doctora?)\b/,
];

/** Clear signs of each kind of request, used before a second reply paragraph is added for it. */
export const REQUEST_SIGNS: Partial<Record<Category, RegExp[]>> = {
  scheduling: [...CANCEL, ...RESCHEDULE, ...BOOK, ...CONFIRM_VISIT],
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
export const RESULT_CUES = [
  /\b(?:results?|labs?|lab work|blood ?work|tests?|came back|numbers?|levels?|went (?:from|up|down)|portal says|flagged|marked)\b/,
  /\b(?:resultados?|analisis|laboratorio|examen(?:es)?|salio|salieron|nivel|antes era|subio|bajo)\b/,
];
export const HOME_READING = [
  /\b(?:at home|home (?:reading|machine|monitor|cuff|meter|test)|my (?:meter|monitor|cuff|machine|glucometer|watch)|on the meter|i checked|i measured|readings?|log)\b/,
  /\bfasting (?:sugars?|glucose|numbers)\b/,
  /\d+(?:\.\d+)?, \d+(?:\.\d+)?, \d+(?:\.\d+)?/,
  /\b(?:en casa|mi aparato|mi maquina|mi medidor|el medidor|me medi|me tome la presion)\b/,
];
