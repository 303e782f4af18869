import { CONCEPTS } from './concepts';
import { blankSpans, foldText } from './normalize';
import { readProtocols, type Catalogue, type FiredCriterion, type ProtocolReading } from './protocols';
import { spellingIndexFor } from './protocols/evaluate';
import { correctSpelling } from './protocols/spelling';
import { findIdioms, findInjections } from './spans';
import type { Evidence, Finding } from './rule-context';
import { urgencyRank } from './types';

const ANTICOAGULANT_FACT =
  /warfarin|coumadin|jantoven|eliquis|apixaban|xarelto|rivaroxaban|pradaxa|dabigatran|edoxaban|savaysa|enoxaparin|lovenox|heparin/;
const DOUBT_REASON = "urgent: symptoms not recognised — needs a nurse's review";
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
  const has = (id: string): boolean => ev.affirmed.some((m) => m.concept === id);
  const facts = {
    youngestDays:
      ev.vitals.youngestAgeDays?.value ??
      ev.facts.ageDays ??
      (ev.facts.ageYears !== undefined ? ev.facts.ageYears * 365 : undefined),
    pregnant: has('pregnant') || ev.vitals.pregnancyWeeks !== undefined || ev.facts.pregnant === true,
    onThinner: has('blood_thinner') || (ev.facts.medications ?? []).some((m) => ANTICOAGULANT_FACT.test(m)),
  };
  const reading = readProtocols(catalogue, ev.original, ev.folded, negationText, facts);
  const corrected = correctSpelling(ev.original, spellingIndexFor(catalogue));
  if (corrected) {
    // Read again with misspellings put right; quotes then show the corrected words.
    const folded0 = foldText(corrected.text);
    const withoutInjections = blankSpans(folded0, findInjections(folded0));
    const folded = blankSpans(withoutInjections, findIdioms(withoutInjections));
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
  if (!placed && reading.complaints.length > 0) {
    const acute = reading.complaints.find((c) =>
      reading.acute.some((a) => Math.abs(a.start - c.start) <= ACUTE_REACH),
    );
    const doubt = acute ?? (reading.child ? reading.complaints[0] : undefined);
    if (doubt) {
      out.push({ level: 'urgent', category: 'symptom', reason: `${DOUBT_REASON} — ${doubt.quote}` });
    } else {
      const c = reading.complaints[0];
      out.push({
        level: 'routine',
        category: 'symptom',
        reason: `routine: ${c.protocol.title.toLowerCase()} reported, no warning sign found — ${c.quote}`,
      });
    }
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
