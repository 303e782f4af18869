import { CONCEPTS, type ConceptId } from './concepts';
import { LANGUAGE_PACKS, type ContextTriggers, type LanguagePack } from './lexicon';
import type { ConceptMatch } from './matcher';
import { expandPattern } from './matcher';
import { sentenceBounds } from './normalize';

/**
 * ConText-style modifiers (Chapman 2001 NegEx; Harkema 2009 ConText): decides whether a concept is
 * the patient's current state, or negated, historical, hypothetical, or someone else's history.
 * Scopes stay inside one sentence and stop at terminations ("but", "pero").
 */
export type Assertion = 'affirmed' | 'negated' | 'historical' | 'hypothetical' | 'family';

interface CompiledContext {
  negationPre?: RegExp;
  negationPost?: RegExp;
  pseudo?: RegExp;
  historyPre?: RegExp;
  historyPost?: RegExp;
  hypothetical?: RegExp;
  family?: RegExp;
  termination?: RegExp;
}

const PRE_REACH = 90;
const RECURRENCE =
  /\b(?:(?:it'?s|its|it is|they'?re|is|are|came|come|coming|has come) back|returned|recurr\w*)\b/;
const RESOLVED_LATER =
  /^[^.!?;]{0,40}?\bbut (?:it'?s|its|it is|they'?re|they are|that'?s|it has|they have) (?:all |completely |totally )?(?:gone|resolved|over)\b/;
const POST_REACH = 60;

function compile(pack: LanguagePack): CompiledContext {
  const t: ContextTriggers = pack.context;
  const alt = (list: string[] | undefined): string | undefined =>
    list && list.length > 0 ? list.map((p) => expandPattern(p, pack.latin)).join('|') : undefined;
  const rx = (source: string | undefined, build: (s: string) => string): RegExp | undefined =>
    source === undefined ? undefined : new RegExp(build(source), 'g');
  const words = pack.latin ? "(?:[^\\w']+[\\w']+){0,5}[^\\w]*$" : '.{0,8}$';
  return {
    // The trigger must sit within five words before the concept.
    negationPre: rx(alt(t.negationPre), (s) => `(?:${s})${words}`),
    negationPost: rx(alt(t.negationPost), (s) =>
      pack.latin ? `^[^\\w]*(?:[\\w']+[^\\w]+){0,3}?(?:${s})` : `^.{0,4}(?:${s})`,
    ),
    pseudo: rx(alt(t.pseudoNegation), (s) => s),
    historyPre: rx(alt(t.historyPre), (s) => s),
    historyPost: rx(alt(t.historyPost), (s) => s),
    // A hypothetical cue governs the next few words only: "if I ever get chest pain", not a whole sentence.
    hypothetical: rx(alt(t.hypotheticalPre), (s) =>
      pack.latin ? `(?:${s})(?:[^\\w']+[\\w']+){0,7}[^\\w]*$` : s,
    ),
    family: rx(alt(t.familyHistoryPre), (s) => s),
    termination: rx(alt(t.termination), (s) => s),
  };
}

const COMPILED: readonly CompiledContext[] = LANGUAGE_PACKS.map(compile);

function test(rx: RegExp | undefined, text: string): boolean {
  if (!rx) return false;
  rx.lastIndex = 0;
  return rx.test(text);
}

/** Cut a pre-window after the last termination word, so "no fever but chest pain" keeps chest pain. */
function afterLastTermination(rx: RegExp | undefined, window: string): string {
  if (!rx) return window;
  rx.lastIndex = 0;
  let cut = -1;
  let m: RegExpExecArray | null;
  while ((m = rx.exec(window)) !== null) {
    cut = m.index + m[0].length;
    if (m[0].length === 0) rx.lastIndex++;
  }
  return cut < 0 ? window : window.slice(cut);
}

function beforeFirstTermination(rx: RegExp | undefined, window: string): string {
  if (!rx) return window;
  rx.lastIndex = 0;
  const m = rx.exec(window);
  return m ? window.slice(0, m.index) : window;
}

function blankPseudo(rx: RegExp | undefined, window: string): string {
  if (!rx) return window;
  rx.lastIndex = 0;
  return window.replace(rx, (s) => ' '.repeat(s.length));
}

/** "since last week" is ongoing, "last week" alone is past. */
function historicalAfter(rx: RegExp | undefined, post: string): boolean {
  if (!rx) return false;
  rx.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = rx.exec(post)) !== null) {
    // A time cue must follow in the same clause ("chest pain last year"), not in a later one.
    const between = post.slice(0, m.index);
    if (between.includes(',') || between.split(/\s+/).filter(Boolean).length > 7) break;
    // "rash after starting lamotrigine last week": the time dates the medicine, not the symptom.
    if (/\b(?:after|since) (?:i |he |she )?(?:start\w*|began|beginning|taking|switch\w*)\b/.test(between))
      break;
    // "red patch from a scrape last week", "swelling after the surgery last week": the time dates the
    // cause, not the symptom, which is reported now.
    if (
      /\b(?:from|after|since) (?:a|an|the|my|his|her|that) (?:\w+ )?(?:scrape|scratch|cut|fall|bite|burn|sting|wound|surgery|procedure|operation|injury|accident|shot|vaccine|injection|splinter|blister)\s*$/.test(
        between,
      )
    )
      break;
    const before = post.slice(Math.max(0, m.index - 14), m.index);
    if (!/\b(?:since|for|from|started|starting|began|until|desde)\s+$/.test(before)) return true;
    if (m[0].length === 0) rx.lastIndex++;
  }
  return false;
}

/**
 * `negationText` is the folded text with other red-flag phrases blanked, so the "not" inside "not
 * breathing" or the "hindi" inside "hindi makapagsalita" cannot negate the next concept.
 */
export function assess(folded: string, match: ConceptMatch, negationText: string = folded): Assertion {
  const concept = CONCEPTS[match.concept];
  return assessSpan(folded, match, negationText, {
    kind: concept.kind,
    level: concept.level,
    id: match.concept,
  });
}

/** What assess needs to know of the thing found: a lexicon concept, or a protocol's term group. */
export interface SpanKind {
  kind: string;
  level: string | null;
  id?: ConceptId;
  /** A complaint that has since stopped ("nose bled for 20 min, stopped") is still reported. */
  keepResolved?: boolean;
  /** An event (an exposure, a bite, an injury) is told in the past and still matters now. */
  event?: boolean;
}

/** ConText over any span found in one language pack's words (protocol terms use this directly). */
export function assessSpan(
  folded: string,
  match: { pack: number; start: number; end: number },
  negationText: string,
  span: SpanKind,
): Assertion {
  const kind = span.kind;
  const [sStart, sEnd] = sentenceBounds(folded, match.start, match.end);
  const ownPack = COMPILED[match.pack];
  // English triggers also apply to other languages (portal writing mixes them: "no tengo fever"), and
  // Spanish ones to the other Romance packs ("sintomas de un derrame"); never the reverse, so a Spanish
  // "no" cannot negate an English sentence.
  const code = LANGUAGE_PACKS[match.pack].code;
  const packs =
    match.pack === 0
      ? [ownPack]
      : code === 'pt' || code === 'fr'
        ? [ownPack, COMPILED[0], COMPILED[1]]
        : [ownPack, COMPILED[0]];
  const rawPre = folded.slice(Math.max(sStart, match.start - PRE_REACH), match.start);
  const rawPost = folded.slice(match.end, Math.min(sEnd, match.end + POST_REACH));
  const negPre = negationText.slice(Math.max(sStart, match.start - PRE_REACH), match.start);

  // A pseudo-negation in any of the packs read ("no se puede parar": cannot stand) is blanked before
  // any pack's negation triggers look, so an English "no" cannot negate inside a Spanish phrase.
  let negPreNoPseudo = negPre;
  for (const ctx of packs) negPreNoPseudo = blankPseudo(ctx.pseudo, negPreNoPseudo);
  for (const ctx of packs) {
    const pre = afterLastTermination(ctx.termination, rawPre);
    const post = beforeFirstTermination(ctx.termination, rawPost);
    if (kind === 'request') {
      // "the refill last week" is not a new request; "what are your hours?" is still a question.
      if (span.id === 'refill' && historicalAfter(ctx.historyPost, post)) return 'historical';
      continue;
    }
    if (test(ctx.hypothetical, pre)) return 'hypothetical';
    const preForNegation = afterLastTermination(ctx.termination, negPreNoPseudo);
    if (test(ctx.negationPre, preForNegation)) return 'negated';
    // "went away ... but it's back" is a recurrence, and "... but it's gone now" a resolution.
    const recurs = RECURRENCE.test(rawPost);
    // A red flag that has since passed is judged later (still same-day), not dropped.
    const resolvedLater = span.level !== 'emergent' && RESOLVED_LATER.test(rawPost);
    // "My insulin is all gone" means out of it, not that the medicine is negated.
    const namesMedicine = span.id === 'critical_med' || span.id === 'blood_thinner';
    if (!recurs && !namesMedicine && !span.keepResolved && (test(ctx.negationPost, post) || resolvedLater))
      return 'negated';
    if (test(ctx.family, pre)) return 'family';
    // "Started a new pill last week" dates the change; it is still the current context.
    // A disclosure of violence at home matters even when the event itself is past.
    if (span.id === 'new_med' || span.id === 'abuse') continue;
    // A threat of violence is about what may happen next, whatever past event follows it in the sentence.
    const threat = span.id === 'harm_others';
    // An event (a spraying, a bite) is told in the past tense; only an explicit time ("last spring") dates it.
    if (
      (!span.event && test(ctx.historyPre, pre)) ||
      (!recurs && !threat && historicalAfter(ctx.historyPost, post))
    )
      return 'historical';
  }
  return 'affirmed';
}
