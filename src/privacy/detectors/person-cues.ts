/** Word patterns around people's names, on folded (lower-case, accent-free) text. */

const RELATIONS = String.raw`wife|husband|son|daughter|kid|kids|mother|mom|mum|father|dad|sister|brother|friend|partner|boyfriend|girlfriend|fianc[eé]e?|caregiver|neighbou?r|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|niece|nephew|child|baby|doctor|therapist|nurse|coworker|boss|roommate|stepson|stepdaughter|esposa|esposo|hijo|hija|madre|mama|padre|papa|hermana|hermano|amiga|amigo|abuela|abuelo|tia|tio|nieta|nieto|pareja|novia|novio|prima|primo|vecina|vecino|sobrina|sobrino|cuidador[a]?`;
// Folded text before a name that says a name follows.
export const STRONG_CUE = new RegExp(
  String.raw`(?:\b(?:dr|dra|mr|mrs|ms|mx|prof|sr|sra|srta)\.?|\b(?:doctor|doctora|miss|nurse|senor|senora|senorita|don|dona)|\b(?:my|mi|our|his|her|your|su|nuestr[oa])\s+(?:(?:late|ex|new|older|younger|little|big|step)[\s-])?(?:${RELATIONS})(?:\s*,)?|\b(?:my name is|my name's|name is|i am|i'm|this is|it's|(?:called|named)(?:\s+(?:him|her|them|me))?|calls? me|me llamo|mi nombre es|se llama|soy|habla|signed|dear|hi|hello|hey|hola|estimad[oa]|querid[oa]|attn:?|c\/o|name\s*:|nombre\s*:|patient\s*:|paciente\s*:|from\s*:|by\s*:|to\s*:)\s*,?)\s*$`,
  'u',
);
// Weaker cues: enough for a capitalized word outside the everyday vocabulary ("Producer Gherardo").
// "from", "to" and "in" are left out: an unfamiliar word after them is more often a place.
export const WEAK_CUE =
  /\b(?:by|with|says|said|told|asked|call me|calls me|called me|producer|director|author|including|according to|ask|tell|con|de parte de|dile a)\s*,?\s*$/u;
// Family-name endings common across Europe and Asia ("-ová", "-sson", "-nen", "-ić", "-shvili").
export const SURNAME_ENDING =
  /(?:ov[aá]|ev[aá]?|ova|ski|ska|sky|ck[aiy]|i[cć]|vi[cć]|ss?on|sen|d[oó]ttir|nen|enko|escu|poulos|shvili|[ai]dze|yan|aite|yte|iene|ez|ius|zadeh|oglu|stein|berg|mann|ck|rek)$/;
// A cue after which a lower-case name is still taken ("my name is lena andersson").
export const INTRO_CUE =
  /\b(?:my name is|my name's|name is|calls? me|me llamo|mi nombre es|se llama|name\s*:|nombre\s*:)\s*$/u;
export const CLOSING_LINE =
  /^\s*(?:thanks|thank you|many thanks|regards|best regards|kind regards|sincerely|best|cheers|love|respectfully|take care|gracias|muchas gracias|saludos|atentamente|cordialmente|bendiciones|un abrazo)[\s,.!]*$/u;
export const SIGNATURE_DASH = /(?:^|\n)[ \t]*(?:[-–—~>]+[ \t]*)?$/;
// Words that, next to capitalized words, say they name a place or an organization.
export const NOT_A_PERSON = new Set(
  'day princess prince ceo research software investments corporation orchestra sons partners associates consulting solutions systems technologies services holdings capital ventures media analytics agency street st avenue ave road rd boulevard blvd drive lane court way hospital clinic pharmacy center centre medical health university college school church bank insurance inc llc ltd corp company group foundation county city state park lake river mountain airport calle avenida hospital clinica farmacia centro universidad escuela iglesia'.split(
    ' ',
  ),
);
// Actions only a person takes, after an unfamiliar capitalized word: "Tomomi is from", "Alvir spent".
// Deliberately no "is", "was", "doesn't": a medicine "is" or "doesn't work" as often as a person.
export const PERSON_VERB_AFTER =
  /^\s+(?:spent|began|begins|lives|lived|shouted|says|said|told|asks|asked|wants|wanted|went|works|worked|married|died|is from|was from|comes from|came from|had given|has given|gave|texted|emailed|will be talking|just has to|vive|trabaja|dijo|quiere)\b/u;
// Lower-case particles inside a name: "Maika van de Noort", "Ana de la Cruz".
export const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'dos',
  'das',
  'ter',
  'ten',
]);
// What may stand between two coordinated names: "Usamov and Bowers", "Gaetane, Hannah".
export const COORDINATION = /^(?:\s*,\s*(?:and\s+|y\s+|&\s+)?|\s+(?:and|y|&|or|o|e)\s+)$/u;
// Field names of forms and chat transcripts, which look like a speaker's name before a colon.
export const FIELD_LABELS = new Set(
  'fax phone tel telephone mobile cell desk office home work email e-mail mail website web address billing shipping name date time when where dob zip postcode city state country company title subject user bot agent customer assistant system patient note notes re fwd cc bcc from to sent'.split(
    ' ',
  ),
);
// Family words and titles written before a name ("Mom Rosa", "Nurse Patricia", "Hey Doc"), and the
// unit words that follow a name in an address block ("Jennifer Alcaraz Suite 541"): never part of a name.
export const KINSHIP_AND_TITLES = new Set(
  'apt apartment suite ste unit floor room box mom dad mum mama papa mami papi mommy daddy doc doctor doctora nurse baby aunt auntie uncle grandma grandpa granny nana sister brother sis bro tia tio abuela abuelo abuelita abuelito hermana hermano hijo hija senor senora senorita don dona sir madam maam coach pastor father dietitian pharmacist therapist counselor provider physician surgeon midwife assistant coordinator manager receptionist technician specialist practitioner rn lpn np pa md'.split(
    ' ',
  ),
);
// First words of place names ("Santa Ana", "San José", "Fort Worth").
export const PLACE_PREFIXES = new Set([
  'san',
  'santa',
  'santo',
  'sao',
  'saint',
  'fort',
  'port',
  'mount',
  'lake',
  'new',
  'los',
  'las',
]);
// Words before an organization's name: "I work for Socrata", "employed by Wolters Kluwer".
export const ORGANIZATION_CUE =
  /\b(?:work(?:s|ed|ing)?\s+(?:for|at)|employed\s+by|employer(?:\s+is)?|company|firm|agency|brand|trabajo\s+(?:en|para)|empresa)\s*$/u;
