/**
 * Greeting and sign-off lines a model (or a staff member's approved reply) may write although the
 * drafter adds its own: removed so a draft never greets twice, and so the names they carry never
 * reach a model in a style example.
 */

const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hola|buen[oa]s?(?: d[ií]as| tardes| noches)?|estimad[oa]|querid[oa])\b[^\n]{0,60}$/i;
const SIGN_OFF =
  /^(?:take care|best(?: regards| wishes)?|kind regards|regards|sincerely|warmly|cordially|thanks|thank you|saludos|atentamente|cordialmente|un saludo|gracias)\b[^.!?\n]{0,40}[,.!]?$/i;

const words = (line: string) => line.split(/\s+/).filter(Boolean).length;

export function stripLetterFrame(text: string): string {
  const lines = text.trim().split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (
    first >= 0 &&
    GREETING.test(lines[first].trim()) &&
    words(lines[first]) <= 8 &&
    lines.length > first + 1
  ) {
    lines.splice(0, first + 1);
  }
  // A sign-off sits in the last three lines and is short; what follows it is a name or a team.
  for (let i = Math.max(0, lines.length - 3); i < lines.length; i += 1) {
    const line = lines[i].trim();
    if (i > 0 && SIGN_OFF.test(line) && words(line) <= 5) {
      lines.splice(i);
      break;
    }
  }
  return lines.join('\n').trim();
}

const ENGLISH = new Set(
  'the and you your to is we will for of it in be this that with please are have can'.split(' '),
);
const SPANISH = new Set(
  'el la los las de que y en su usted por para con es le lo una un se vamos está hoy'.split(' '),
);

/** Which of the two draft languages the text reads as, when the evidence is clear. */
export function readsAs(text: string): 'en' | 'es' | undefined {
  let en = 0;
  let es = 0;
  for (const w of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (ENGLISH.has(w)) en += 1;
    if (SPANISH.has(w)) es += 1;
  }
  if (en >= 4 && en > 2 * es) return 'en';
  if (es >= 4 && es > 2 * en) return 'es';
  return undefined;
}
