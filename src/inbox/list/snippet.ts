/**
 * The snippet a list row shows: the first sentence of the message that says something, so the
 * Message column reads "My knee is still swollen after the injection" rather than "Hi," or
 * "Question for my doctor". Pure, so unit tests pin it; patient text stays text (the row escapes it).
 */

export const SNIPPET_CHARS = 100;

/** A greeting at the start of a sentence, with an optional name or title, up to its comma or stop. */
const GREETING =
  /^(?:hi+|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|hola|buen(?:os|as)? (?:d[ií]as?|tardes|noches)|saludos|estimad[oa]s?|querid[oa]s?)\b(?:(?:dr|dra|mr|mrs|ms|sr|sra|srta)\.|[^,.!?:;\n]){0,40}(?:[,.!:;]+|$)\s*/iu;

/** Whole sentences that say nothing about the question: subjects and openers patients often write. */
const EMPTY_SENTENCES = [
  /^(?:a |my )?(?:question|pregunta|message|mensaje|consulta|inquiry|query)(?: (?:for|para|to|about|from|de|a) (?:my |mi |the |el |la )?(?:doctor|doctora|dr|dra|nurse|enfermer[oa]|clinic|cl[ií]nica|provider|care team|office))?$/iu,
  /^(?:i have )?(?:a )?(?:quick )?(?:question|pregunta)(?: for you| para usted)?$/iu,
  /^(?:tengo una (?:pregunta|duda|consulta))$/iu,
  /^(?:hope|i hope|espero que) (?:you(?:'re| are)?|est[eé]s?|se encuentre)\b.{0,30}(?:well|bien|good)\b.*$/iu,
  /^(?:thanks?(?: you)?|thank you so much|gracias|muchas gracias)\b.{0,20}$/iu,
  /^(?:(?:it'?s|this is|i am|i'm|soy) [^ ]+(?: [^ ]+)?(?: here)?)$/iu,
  /^(?:no subject|sin asunto|re|fw|fwd)$/iu,
];

/** Abbreviations whose full stop does not end a sentence ("Dr. Lee", "Sra. Ruiz", "approx. 3"). */
const ABBREVIATION = /(?:^|\s)(?:dr|dra|mr|mrs|ms|sr|sra|srta|st|no|approx|vs|etc|e\.g|i\.e)\.$/i;

/** Splits text into sentences at . ! ? (keeping them) and at line breaks, not after abbreviations. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    let current = '';
    const parts = line.split(/(?<=[.!?¡¿…])\s+/u);
    for (const part of parts) {
      current = current ? `${current} ${part}` : part;
      if (!ABBREVIATION.test(current.trim())) {
        out.push(current);
        current = '';
      }
    }
    if (current) out.push(current);
  }
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

/** The sentence without its leading greeting, or '' when it is only a greeting or an empty opener. */
export function meaningfulPart(sentence: string): string {
  let rest = sentence.trim();
  // "Hi Dr. Lee, good morning, my …": greetings can come in a row.
  for (let i = 0; i < 3; i++) {
    const stripped = rest.replace(GREETING, '').trim();
    if (stripped === rest) break;
    rest = stripped;
  }
  const bare = rest.replace(/[\s.,!?¡¿:;…-]+$/u, '').replace(/^[\s¡¿-]+/u, '');
  if (letters(bare) < 3) return '';
  if (EMPTY_SENTENCES.some((re) => re.test(bare))) return '';
  return rest;
}

function cut(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= SNIPPET_CHARS) return text;
  return `${chars.slice(0, SNIPPET_CHARS - 1).join('')}…`;
}

/**
 * The first sentence of the body that says something (greetings and empty openers skipped, a greeting
 * in front of a sentence cut off), else the subject if it says something, else the first words there
 * are; cut to ~100 characters by code point so an emoji or surrogate pair is never split.
 */
export function snippetOf(subject: string | null, body: string): string {
  for (const sentence of sentencesOf(body)) {
    const part = meaningfulPart(sentence);
    if (part) return cut(part);
  }
  const subjectText = (subject ?? '').replace(/\s+/g, ' ').trim();
  if (subjectText && meaningfulPart(subjectText)) return cut(subjectText);
  const anything = subjectText || sentencesOf(body)[0] || '';
  return anything ? cut(anything) : '(no text)';
}
