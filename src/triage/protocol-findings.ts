import { CONCEPTS } from './concepts';
import { foldText, sentenceBounds } from './normalize';
import { readProtocols, type Catalogue, type FiredCriterion, type ProtocolReading } from './protocols';
import { spellingIndexFor } from './protocols/evaluate';
import { correctSpelling } from './protocols/spelling';
import { readableText } from './spans';
import { patientFacts, type Evidence, type Finding } from './rule-context';
import { urgencyRank } from './types';

const DOUBT_REASON = "urgent: symptoms not recognised — needs a nurse's review";
const PAST_NARRATIVE = /\b(?:was|were|had|did|needed|came|went|got|fue|estaba|tuvo|tuve|necesito)\b/;
const PRESENT_CUE =
  /\b(?:now|today|tonight|still|is|are|am|has been|have been|keeps?|ahora|hoy|sigue|tiene|tengo|esta|estoy)\b/;
const BODY_PART =
  /\b(?:head|skull|face|eyes?|ears?|nose|mouth|tongue|teeth|gums|neck|chest|belly|tummy|stomach|back|arms?|legs?|hands?|feet|foot|toes?|fingers?|skin|rash|spots?|bumps?|lumps?|navel|belly button|cabeza|cara|ojos?|oidos?|orejas?|nariz|boca|lengua|dientes|encias|cuello|pecho|panza|barriga|estomago|espalda|brazos?|piernas?|manos?|pies?|dedos?|piel|granitos?|bolitas?|manchas?|ombligo)\b/;
const BODY_PART_ALL = new RegExp(BODY_PART.source, 'g');
const ASKS =
  /\?|\b(?:should (?:we|i)|is (?:it|this|that) normal|anything (?:we|i) (?:should|can)|deberia|es normal|que (?:hacemos|hago))\b/;
/** An acute marker counts for a complaint when it sits this close to it. */
const ACUTE_REACH = 240;

/**
 * What the protocol catalogue adds to the lexicon's findings: each protocol's most urgent criterion
 * met, cited with its protocol and criterion ids; and the rule for doubt — a current complaint that
 * nothing placed is never routine by default when an acute marker or a child comes with it.
 */
export function protocolFindings(
  catalogue: Catalogue,
  ev: Evidence,
  negationText: string,
  lexiconFindings: readonly Finding[],
): Finding[] {
  const facts = patientFacts(ev, (id) => ev.affirmed.some((m) => m.concept === id));
  const reading = readProtocols(catalogue, ev.original, ev.folded, negationText, facts);
  const corrected = correctSpelling(ev.original, spellingIndexFor(catalogue));
  if (corrected) {
    // Read again with misspellings put right; quotes then show the corrected words.
    const folded = readableText(foldText(corrected.text)).text;
    merge(reading, readProtocols(catalogue, corrected.text, folded, folded, facts));
  }
  const out: Finding[] = [];
  const byProtocol = new Map<string, FiredCriterion>();
  for (const f of reading.fired) {
    const best = byProtocol.get(f.protocol.id);
    if (!best || urgencyRank(f.level) < urgencyRank(best.level)) byProtocol.set(f.protocol.id, f);
  }
  for (const f of byProtocol.values()) {
    out.push({
      level: f.level,
      category: 'symptom',
      reason: `${f.level}: ${f.criterion.says} — ${f.quote} [protocol ${f.protocol.id}: ${f.criterion.id}]`,
    });
  }
  const placed =
    byProtocol.size > 0 ||
    ev.affirmed.some((m) => CONCEPTS[m.concept].kind === 'symptom' && CONCEPTS[m.concept].level !== null) ||
    lexiconFindings.some((f) => f.category === 'symptom' && f.level !== 'routine');
  // A story told in the past ("I was panicking", "he needed help breathing at first") is not a
  // symptom reported now: doubt is for current complaints.
  const current = reading.complaints.filter((c) => {
    const [start, end] = sentenceBounds(ev.folded, c.start, c.end);
    const sentence = ev.folded.slice(start, end);
    return !PAST_NARRATIVE.test(sentence) || PRESENT_CUE.test(sentence);
  });
  if (!placed && current.length > 0) {
    const acute = current.find((c) => reading.acute.some((a) => Math.abs(a.start - c.start) <= ACUTE_REACH));
    const doubt = acute ?? (reading.child ? current[0] : undefined);
    if (doubt) {
      out.push({ level: 'urgent', category: 'symptom', reason: `${DOUBT_REASON} — ${doubt.quote}` });
    } else {
      const c = current[0];
      out.push({
        level: 'routine',
        category: 'symptom',
        reason: `routine: ${c.protocol.title.toLowerCase()} reported, no warning sign found — ${c.quote}`,
      });
    }
  }
  // "Anything we should be doing about her flat head before the checkup?": a question about a child's
  // body is a clinical question, whatever administrative word comes with it.
  const top = [...lexiconFindings, ...out].reduce<number>(
    (best, f) => Math.min(best, urgencyRank(f.level)),
    9,
  );
  if (
    reading.child &&
    top >= urgencyRank('non_clinical') &&
    [...ev.folded.matchAll(BODY_PART_ALL)].some(
      // A body part in a negation ("no chest pain") is not what the question is about.
      (m) => !/\b(?:no|not|sin|ni)\s+(?:\w+\s+)?$/.test(ev.folded.slice(Math.max(0, m.index - 20), m.index)),
    ) &&
    ASKS.test(ev.folded)
  ) {
    out.push({ level: 'routine', category: 'symptom', reason: "routine: a question about a child's health" });
  }
  return out;
}

/** Adds what a second reading found that the first did not. */
function merge(into: ProtocolReading, other: ProtocolReading): void {
  for (const f of other.fired) {
    if (!into.fired.some((g) => g.protocol.id === f.protocol.id && g.criterion.id === f.criterion.id))
      into.fired.push(f);
  }
  for (const c of other.complaints) {
    if (!into.complaints.some((d) => d.protocol.id === c.protocol.id)) into.complaints.push(c);
  }
  into.acute.push(...other.acute.filter((a) => !into.acute.some((b) => b.start === a.start)));
  into.child ||= other.child;
}
