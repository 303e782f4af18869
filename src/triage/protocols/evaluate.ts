import { assessSpan } from '../context';
import { buildScanner, expandPattern, type Hit } from '../matcher';
import { excerpt, sentenceBounds } from '../normalize';
import type { Urgency } from '../types';
import { allCriteria, termsOf, type Catalogue } from './load';
import type { CriterionInput, GroupInput, ProtocolInput, TermsInput } from './schema';

/** Term groups are scanned in the two fully read languages; the pack index is the lexicon's. */
const PACKS = [
  { lang: 'en' as const, pack: 0 },
  { lang: 'es' as const, pack: 1 },
];
const LEVELS = ['emergent', 'urgent', 'routine'] as const;
/** A criterion's words must sit near the complaint's, not in an unrelated part of a long story. */
const NEAR = 320;
const DAYS_PER_YEAR = 365;

export interface FiredCriterion {
  protocol: ProtocolInput;
  criterion: CriterionInput;
  level: Urgency;
  /** The complaint's words (or the criterion's own, when it stands alone), quoted. */
  quote: string;
}

export interface ProtocolReading {
  /** Every criterion met, most urgent first. */
  fired: FiredCriterion[];
  /** Protocols whose complaint the patient reports now (affirmed), met criterion or not. */
  complaints: { protocol: ProtocolInput; quote: string; start: number; end: number }[];
  /** Acute markers (new, sudden, worse, severe, cannot …) the patient reports now. */
  acute: { start: number; end: number }[];
  /** The message speaks of a child or infant. */
  child: boolean;
}

export interface ProtocolFacts {
  /** Youngest age in days from the message, else the chart. */
  youngestDays?: number;
  pregnant: boolean;
  onThinner: boolean;
}

interface CompiledCatalogue {
  catalogue: Catalogue;
  scan: (text: string) => Hit<{ group: number; pack: number }>[];
  /** Group keys: 'ref:<name>' for vocabulary groups, '<protocol>#<n>' for inline ones. */
  groupIndex: Map<string, number>;
  groupKey: (protocol: ProtocolInput, group: GroupInput | 'complaint', n: number) => string;
  /** The highest level any criterion using the group leads to, for ConText's resolved-later rule. */
  groupLevel: string[];
}

const compiledCache = new WeakMap<Catalogue, CompiledCatalogue>();

/** One scanner over every term group in the catalogue, built once per catalogue. */
export function compileCatalogue(catalogue: Catalogue): CompiledCatalogue {
  const cached = compiledCache.get(catalogue);
  if (cached) return cached;
  const groupIndex = new Map<string, number>();
  const groupLevel: string[] = [];
  const items: { tag: { group: number; pack: number }; source: string }[] = [];
  const groupKey = (protocol: ProtocolInput, group: GroupInput | 'complaint', n: number): string =>
    group === 'complaint'
      ? `${protocol.id}#complaint`
      : 'ref' in group
        ? `ref:${group.ref}`
        : `${protocol.id}#${n}`;
  const add = (key: string, terms: TermsInput, level: string): void => {
    let index = groupIndex.get(key);
    if (index === undefined) {
      index = groupIndex.size;
      groupIndex.set(key, index);
      groupLevel.push(level);
      for (const { lang, pack } of PACKS) {
        if (terms[lang].length === 0) continue;
        const source = terms[lang].map((p) => expandPattern(p, true)).join('|');
        items.push({ tag: { group: index, pack }, source });
      }
    } else if (level === 'emergent') groupLevel[index] = level;
  };
  add('ref:acute', catalogue.vocabulary.acute ?? { en: [], es: [] }, 'urgent');
  add('ref:child', catalogue.vocabulary.child ?? { en: [], es: [] }, 'urgent');
  for (const protocol of catalogue.protocols) {
    add(groupKey(protocol, 'complaint', 0), protocol.complaint, 'urgent');
    let n = 0;
    for (const level of LEVELS) {
      for (const criterion of protocol[level]) {
        for (const group of criterion.with) {
          n += 1;
          add(groupKey(protocol, group, n), termsOf(group, catalogue.vocabulary), level);
        }
      }
    }
  }
  const compiled: CompiledCatalogue = {
    catalogue,
    scan: buildScanner(
      items.filter((i) => i.source.length > 0),
      { everyMatch: true },
    ),
    groupIndex,
    groupKey,
    groupLevel,
  };
  compiledCache.set(catalogue, compiled);
  return compiled;
}

/**
 * Reads a folded message against the protocol catalogue: which complaints the patient reports now,
 * and which disposition criteria they meet. Every term found is judged by ConText (negated, past,
 * hypothetical, a relative's), as the lexicon's concepts are.
 */
export function readProtocols(
  catalogue: Catalogue,
  original: string,
  folded: string,
  negationText: string,
  facts: ProtocolFacts,
): ProtocolReading {
  const compiled = compileCatalogue(catalogue);
  const affirmed = new Map<number, Hit<{ group: number; pack: number }>[]>();
  for (const hit of compiled.scan(folded)) {
    const level = compiled.groupLevel[hit.tag.group];
    const assertion = assessSpan(
      folded,
      { pack: hit.tag.pack, start: hit.start, end: hit.end },
      negationText,
      {
        kind: 'symptom',
        level,
      },
    );
    if (assertion !== 'affirmed') continue;
    const list = affirmed.get(hit.tag.group) ?? [];
    list.push(hit);
    affirmed.set(hit.tag.group, list);
  }
  const hitsOf = (key: string): Hit<{ group: number; pack: number }>[] =>
    affirmed.get(compiled.groupIndex.get(key) ?? -1) ?? [];
  const child =
    hitsOf('ref:child').length > 0 ||
    (facts.youngestDays !== undefined && facts.youngestDays < 18 * DAYS_PER_YEAR);
  const reading: ProtocolReading = {
    fired: [],
    complaints: [],
    acute: hitsOf('ref:acute').map((h) => ({ start: h.start, end: h.end })),
    child,
  };

  for (const protocol of catalogue.protocols) {
    if (!populationFits(protocol, facts, child)) continue;
    const complaintHits = hitsOf(compiled.groupKey(protocol, 'complaint', 0));
    const firstComplaint = complaintHits[0];
    if (firstComplaint) {
      reading.complaints.push({
        protocol,
        quote: `"${excerpt(original, firstComplaint.start, firstComplaint.end)}"`,
        start: firstComplaint.start,
        end: firstComplaint.end,
      });
    }
    let n = 0;
    for (const level of LEVELS) {
      for (const criterion of protocol[level]) {
        const groupKeys = criterion.with.map((g) => compiled.groupKey(protocol, g, ++n));
        const fired = criterionMet(criterion, groupKeys, complaintHits, hitsOf, facts, child, folded);
        if (fired)
          reading.fired.push({
            protocol,
            criterion,
            level,
            quote: `"${excerpt(original, fired.start, fired.end)}"`,
          });
      }
    }
  }
  reading.fired.sort((a, b) => LEVELS.indexOf(a.level as never) - LEVELS.indexOf(b.level as never));
  return reading;
}

function populationFits(protocol: ProtocolInput, facts: ProtocolFacts, child: boolean): boolean {
  switch (protocol.population) {
    case 'pregnancy':
      return facts.pregnant;
    case 'child':
    case 'infant':
      return child;
    case 'adult':
      // A message about a child uses the paediatric protocols where they exist; an adult protocol
      // still applies when the age is unknown.
      return facts.youngestDays === undefined || facts.youngestDays >= 16 * DAYS_PER_YEAR || !child;
    default:
      return true;
  }
}

/** The span that shows the criterion is met (the complaint, or the first term when it stands alone). */
function criterionMet(
  criterion: CriterionInput,
  groupKeys: string[],
  complaintHits: Hit<unknown>[],
  hitsOf: (key: string) => Hit<unknown>[],
  facts: ProtocolFacts,
  child: boolean,
  folded: string,
): { start: number; end: number } | undefined {
  if (criterion.age) {
    const days = facts.youngestDays;
    if (days === undefined) return undefined;
    if (criterion.age.min_days !== undefined && days < criterion.age.min_days) return undefined;
    if (criterion.age.max_days !== undefined && days > criterion.age.max_days) return undefined;
  }
  if (criterion.when && !criterion.when.some((w) => conditionHolds(w, facts, child))) return undefined;
  const anchors = criterion.alone ? [undefined, ...complaintHits] : complaintHits;
  for (const anchor of anchors) {
    let first: { start: number; end: number } | undefined = anchor;
    let ok = true;
    for (const key of groupKeys) {
      const hits = hitsOf(key).filter((h) => !anchor || near(folded, anchor, h));
      if (hits.length === 0) {
        ok = false;
        break;
      }
      first ??= hits[0];
    }
    if (ok && first) return first;
  }
  return undefined;
}

function conditionHolds(condition: string, facts: ProtocolFacts, child: boolean): boolean {
  switch (condition) {
    case 'pregnant':
      return facts.pregnant;
    case 'on_blood_thinner':
      return facts.onThinner;
    case 'infant':
      return facts.youngestDays !== undefined && facts.youngestDays < DAYS_PER_YEAR;
    default:
      return child;
  }
}

/** Within reach of each other, and never across a paragraph break in a long story. */
function near(folded: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const from = Math.min(a.start, b.start);
  const to = Math.max(a.end, b.end);
  if (to - from > NEAR) return false;
  const [s] = sentenceBounds(folded, from, from + 1, NEAR);
  return s <= from && !folded.slice(from, to).includes('\n\n');
}

export { allCriteria };
