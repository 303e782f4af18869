import { CONCEPTS, type ConceptId } from './concepts';
import { assess } from './context';
import { detectLanguage, isSupportedLanguage } from './language';
import { FULLY_SUPPORTED } from './lexicon';
import { findConcepts, type ConceptMatch } from './matcher';
import { blankSpans, excerpt, foldText } from './normalize';
import { readVitals } from './numbers';
import { shippedCatalogue, type Catalogue } from './protocols';
import { protocolFindings } from './protocol-findings';
import { applyRules, seizureAssessedInER, type Finding } from './rules';
import { readableText } from './spans';
import {
  moreUrgent,
  urgencyRank,
  type Category,
  type PatientFacts,
  type TriageFlag,
  type TriageResult,
  type Urgency,
} from './types';

/**
 * Beyond this many characters the text is analysed in full for red flags but only its start is used
 * for language detection; nothing is skipped, so a red flag anywhere still counts.
 */
export const ANALYSIS_NOTE_LENGTH = 20_000;
const MAX_REASONS = 10;
const REQUEST_CUE =
  /\?|\b(?:can|could|would|will) (?:you|u|someone|i|we)\b|\b(?:please|pls|plz|need|needs|want|would like|i'?d like|let me know|call me|help|asap|por favor|necesito|quisiera|pueden?|ayuda)\b/;
const FEVER_QUESTION =
  /\b(?:is|was|would|does|do|counts?) (?:that|this|it|\d+(?:[.,]\d+)?)(?: \w+)? (?:be )?(?:considered |still |counted as |count as |a sign of )?(?:a |an )?(?:low[- ]grade )?$/;
const RELAY_ONLY = /\b(?:can|could) (?:you|u) (?:tell|let|pass|give)\b[^?]*$/;

/**
 * Never throws: a rule that fails on some unforeseen input must not leave a message untriaged, so the
 * message fails safe to urgent with the reason shown (RUBRIC rule 5).
 */
export function classify(
  text: string,
  facts: PatientFacts = {},
  catalogue: Catalogue = shippedCatalogue(),
): TriageResult {
  try {
    return classifyWithRules(text, facts, catalogue);
  } catch {
    return {
      urgency: 'urgent',
      category: 'other',
      categories: ['other'],
      reasons: ['urgent: automatic triage could not finish — a person must read this now'],
      needsReply: true,
      flags: [],
      language: 'und',
    };
  }
}

function classifyWithRules(text: string, facts: PatientFacts, catalogue: Catalogue): TriageResult {
  const original = typeof text === 'string' ? text : '';
  const flags = new Set<TriageFlag>();
  const folded0 = foldText(original);
  if (folded0.trim().length === 0 || !/[\p{L}\p{N}]/u.test(folded0)) {
    return emptyResult(original);
  }
  if (original.length > ANALYSIS_NOTE_LENGTH) flags.add('truncated_input');

  const { text: folded, injections } = readableText(folded0);
  if (injections.length > 0) flags.add('instruction_injection');

  const affirmed: ConceptMatch[] = [];
  const found = findConcepts(folded);
  const redFlagSpans = found.filter((m) => {
    const level = CONCEPTS[m.concept].level;
    return CONCEPTS[m.concept].kind === 'symptom' && (level === 'emergent' || level === 'urgent');
  });
  const negationText = blankSpans(folded, redFlagSpans);
  for (const m of found) if (assess(folded, m, negationText) === 'affirmed') affirmed.push(m);
  const vitals = readVitals(folded);
  // "99.1, is that a fever?": a question about a reading below the threshold is not a fever.
  // What the lexicon rules out here the protocols must not read again.
  const ruledOut: ConceptMatch[] = [];
  if (vitals.tempF && vitals.tempF.value < 100.4) {
    for (let i = affirmed.length - 1; i >= 0; i--) {
      const m = affirmed[i];
      if (m.concept === 'fever' && FEVER_QUESTION.test(folded.slice(Math.max(0, m.start - 40), m.start)))
        ruledOut.push(...affirmed.splice(i, 1));
    }
  }
  if (seizureAssessedInER(folded)) ruledOut.push(...affirmed.filter((m) => m.concept === 'seizure'));
  const evidence = { original, folded, affirmed, vitals, facts };
  const findings = applyRules(evidence);
  const forProtocols = ruledOut.length > 0 ? { ...evidence, folded: blankSpans(folded, ruledOut) } : evidence;
  findings.push(...protocolFindings(catalogue, forProtocols, blankSpans(negationText, ruledOut), findings));
  // Counted before any language finding is added: that one is about the reader, not a request.
  const requestCategories = new Set(findings.map((f) => f.category));
  const language = detectLanguage(original, folded0);

  if (!isSupportedLanguage(language.code)) {
    flags.add('unsupported_language');
    findings.push({
      level: 'urgent',
      category: 'other',
      reason: `urgent: needs a human who reads ${language.name}`,
    });
  } else if (!FULLY_SUPPORTED.has(language.code)) {
    // Only red flags are read in these languages: a message with any symptom (or nothing we could
    // read) goes to a human who reads it, today. Recognised requests alone (a refill, an appointment)
    // keep their level.
    const anySymptom = affirmed.some(
      (m) => CONCEPTS[m.concept].kind === 'symptom' && CONCEPTS[m.concept].level !== null,
    );
    const level = topLevel(findings);
    if (
      (anySymptom || findings.length === 0) &&
      (level === undefined || urgencyRank(level) > urgencyRank('urgent'))
    ) {
      flags.add('unsupported_language');
      findings.push({
        level: 'urgent',
        category: 'other',
        reason: `urgent: needs a human who reads ${language.name} (only red flags are recognised in it)`,
      });
    }
  }
  if (findings.length === 0) {
    findings.push({
      level: 'routine',
      category: 'other',
      reason: 'routine: no specific need recognised, for review',
    });
  }

  const urgency = topLevel(findings)!;
  const categories = orderedCategories(findings);
  if (requestCategories.size > 1 || /(?:^|\n)\s*(?:2[.)]|#2|second(?:ly)?,)/.test(folded))
    flags.add('multiple_requests');
  return {
    urgency,
    category: categories[0],
    categories,
    reasons: orderedReasons(findings),
    needsReply: needsReply(folded, urgency, affirmed),
    flags: [...flags],
    language: language.code,
  };
}

function emptyResult(original: string): TriageResult {
  const thumbsUp = /[\u{1F44D}\u{2764}\u{1F64F}\u{1F60A}\u{1F642}\u{2705}]/u.test(original);
  return {
    urgency: 'non_clinical',
    category: 'other',
    categories: ['other'],
    reasons: [
      original.length === 0
        ? 'non_clinical: empty message'
        : `non_clinical: no words to read — "${excerpt(original, 0, original.length, 20)}"`,
    ],
    needsReply: !thumbsUp,
    flags: ['empty_message'],
    language: 'und',
  };
}

function topLevel(findings: Finding[]): Urgency | undefined {
  return findings.reduce<Urgency | undefined>(
    (acc, f) => (acc === undefined ? f.level : moreUrgent(acc, f.level)),
    undefined,
  );
}

function orderedCategories(findings: Finding[]): Category[] {
  const sorted = [...findings].sort((a, b) => urgencyRank(a.level) - urgencyRank(b.level));
  const out: Category[] = [];
  for (const f of sorted) if (!out.includes(f.category)) out.push(f.category);
  return out;
}

function orderedReasons(findings: Finding[]): string[] {
  const sorted = [...findings].sort((a, b) => urgencyRank(a.level) - urgencyRank(b.level));
  const out: string[] = [];
  for (const f of sorted) {
    if (!out.includes(f.reason)) out.push(f.reason);
    if (out.length >= MAX_REASONS) break;
  }
  return out;
}

const FYI_CONCEPTS: ConceptId[] = ['thanks', 'clinical_update'];

/** Pure thank-you notes and "it's better now" updates with no question need no reply. */
function needsReply(folded: string, urgency: Urgency, affirmed: ConceptMatch[]): boolean {
  if (urgency === 'emergent' || urgency === 'urgent') return true;
  const kinds = new Set(affirmed.map((m) => m.concept));
  const isUpdate = kinds.has('clinical_update');
  const onlyFyi = [...kinds].every(
    (k) =>
      FYI_CONCEPTS.includes(k) ||
      CONCEPTS[k].level === null ||
      (isUpdate && CONCEPTS[k].category === 'symptom'),
  );
  const hasFyi = FYI_CONCEPTS.some((k) => kinds.has(k));
  if (!hasFyi || !onlyFyi) return true;
  const asks = REQUEST_CUE.test(folded) && !RELAY_ONLY.test(folded);
  return asks;
}
