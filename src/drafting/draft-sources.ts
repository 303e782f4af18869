/**
 * Where a draft's words come from, for the drafter: the chart facts the message asks about, the clinic's
 * own words (voice, guidance, contacts, the knowledge passages used) and how staff see the passages.
 */
import { selectRelevant } from '../context';
import type { ChartContext, RelevantContext } from '../context/types';
import type { Category } from '../triage/types';
import type { KnowledgeHit } from './knowledge';
import { testNamedNotOnChart } from './named-tests';
import type { PromptSet } from './prompts';
import type { DraftFlag, KnowledgeUse } from './types';

/** The chart facts for the message; "are my biopsy results back?" with no biopsy gets no other result. */
export function relevantFacts(chart: ChartContext, text: string, categories: Category[]): RelevantContext {
  const selected = selectRelevant(chart, text, categories);
  const missingTest = testNamedNotOnChart(text, chart.observations);
  if (!missingTest || !selected.results.length) return selected;
  return {
    ...selected,
    results: [],
    reasons: [...selected.reasons, `results left out: the message names a ${missingTest}, not on the chart`],
  };
}

export function knowledgeUses(hits: KnowledgeHit[]): KnowledgeUse[] {
  return hits.map((h) => ({
    id: h.passage.id,
    file: h.passage.file,
    title: h.passage.title,
    score: h.score,
    ...(h.passage.approvedBy ? { approvedBy: h.passage.approvedBy, approvedOn: h.passage.approvedOn } : {}),
  }));
}

/** A model draft used a passage when it repeats one of its numbers, or (without numbers) its keywords. */
export function passageUsed(body: string, h: KnowledgeHit): boolean {
  const numbers = h.passage.text.en.match(/\d+(?:[:.]\d+)?/g) ?? [];
  const folded = body.toLowerCase();
  if (numbers.length)
    return numbers.some((n) => new RegExp(`(?<![\\d.:])${n.replace('.', '\\.')}(?![\\d])`).test(body));
  return h.terms.filter((t) => folded.includes(t)).length >= Math.max(1, Math.ceil(h.terms.length / 2));
}

export function knowledgeFlag(h: KnowledgeHit): DraftFlag {
  const approved = h.passage.approvedBy
    ? `, approved by ${h.passage.approvedBy} on ${h.passage.approvedOn}`
    : '';
  return { code: 'knowledge_used', detail: `"${h.passage.id}" from prompts/${h.passage.file}${approved}` };
}

/** The clinic's own words a draft may repeat without being flagged: voice settings and category guidance. */
export function clinicWords(prompts: PromptSet, categories: Category[], hits: KnowledgeHit[] = []): string {
  const v = prompts.voice;
  const c = prompts.knowledge.contacts;
  return [
    ...hits.flatMap((h) => [h.passage.text.en, h.passage.text.es]),
    ...Object.values(c).filter((x): x is string => !!x),
    v.clinic_name,
    v.clinic_phone,
    v.description,
    ...Object.values(v.greeting),
    ...Object.values(v.greeting_no_name),
    ...Object.values(v.sign_off),
    ...categories.map((c) => prompts.categories[c]?.guidance ?? ''),
  ].join('\n');
}

/** FHIR references of every chart fact a draft may use, for its audit trail. */
export function sourcesOf(relevant: RelevantContext | undefined): string[] {
  if (!relevant) return [];
  return [
    relevant.patient.source,
    ...relevant.medications.map((m) => m.source),
    ...relevant.allergies.map((a) => a.source),
    ...relevant.problems.map((p) => p.source),
    ...relevant.results.flatMap((r) => [r.latest.source, ...r.previous.map((p) => p.source)]),
    ...relevant.appointments.map((a) => a.source),
    ...relevant.careTeam.map((c) => c.source),
  ];
}
