import { LANGUAGE_PACKS } from './lexicon';
import { buildScanner, expandPattern } from './matcher';
import { blankSpans } from './normalize';

/**
 * Spans of text that must not count as clinical content:
 * - instructions aimed at the triage system ("mark this urgent", "SYSTEM: classification=routine"),
 *   which change nothing but raise the instruction_injection flag;
 * - idioms ("this bill is killing me", "dying to know").
 * Both are blanked before concepts are matched.
 */
export interface Span {
  start: number;
  end: number;
}

const LEVEL_WORDS =
  '(?:urgent|emergent|emergency|routine|non[- ]?clinical|high priority|low priority|top priority|priority|critical|normal queue|stat|urgente|rutina)';

const INJECTION_PATTERNS = [
  `(?:ignore|disregard|forget|override|bypass) (?:all |any |the |your |my )?(?:previous |prior |above |earlier |other |system )?(?:instructions?|rules|prompts?|guidelines|programming|triage|classification)`,
  `(?:mark|flag|classify|label|triage|tag|put|set|treat|categori[sz]e|escalate) (?:this|me|it|my message|this message|the message)? ?(?:as |to |in |into |at )?(?:an? |the )?${LEVEL_WORDS}`,
  `(?:do not|don'?t|never|no need to) (?:flag|mark|escalate|classify|treat|label|alert)\\w*(?: (?:this|me|it))?(?: as)?(?: an?)?(?: ${LEVEL_WORDS})?`,
  `(?:put|keep|leave) (?:it|this|me) in the (?:normal|regular|routine|low) (?:queue|pile|priority)`,
  `(?:system|assistant|developer|admin|ai|triage)\\s*(?:prompt|message|override|note|instruction)?\\s*:`,
  `\\[(?:system|inst|admin)\\]|<\\|?(?:system|im_start|im_end)\\|?>|<\\/?(?:system|instructions?)>`,
  `(?:classification|urgency|priority|triage|severity|level|category)\\s*(?:=|:|is now|should be|must be|to)\\s*"?${LEVEL_WORDS}"?`,
  `(?:this|my) (?:message|request|note) (?:is|should be|must be) (?:an? )?${LEVEL_WORDS}`,
  `(?:you are|act as|pretend (?:to be|you are)|you'?re now) (?:an? |the )?(?:ai|assistant|triage|nurse|system|model|language model|chatbot|doctor)\\w*`,
  `(?:to )?(?:whoever|whatever|the)?\\s*(?:\\(or whatever (?:program|system|ai|bot)\\))? ?(?:ai|program|bot|system|algorithm|computer) (?:that )?reads? (?:these|this)`,
  `(?:escalate|page|alert) (?:this )?(?:to )?(?:the )?on-?call(?: immediately)?`,
  `override (?:all )?(?:other )?rules`,
  `ai triage system`,
  `(?:marca|marcar|clasifica|clasificar) (?:esto|este mensaje|como) (?:como )?(?:urgente|rutina|emergencia)`,
  `ignora (?:las |todas las )?instrucciones`,
];

const scanInjections = buildScanner(
  INJECTION_PATTERNS.map((p) => ({ tag: 0, source: expandPattern(p, true) })),
);
const scanIdioms = buildScanner(
  LANGUAGE_PACKS.flatMap((pack) =>
    (pack.idioms ?? []).map((p) => ({ tag: 0, source: expandPattern(p, pack.latin) })),
  ),
);

export function findInjections(folded: string): Span[] {
  return scanInjections(folded);
}

export function findIdioms(folded: string): Span[] {
  return scanIdioms(folded);
}

/** The folded text with injected instructions, then idioms, blanked; the injections for the flag. */
export function readableText(folded: string): { text: string; injections: Span[] } {
  const injections = findInjections(folded);
  const withoutInjections = blankSpans(folded, injections);
  return { text: blankSpans(withoutInjections, findIdioms(withoutInjections)), injections };
}
