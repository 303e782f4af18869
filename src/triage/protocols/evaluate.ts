import { assessSpan } from '../context';
import { expandPattern, type Hit } from '../matcher';
import { excerpt, sentenceBounds } from '../normalize';
import type { Urgency } from '../types';
import { allCriteria, termsOf, type Catalogue } from './load';
import { buildPrefixScanner } from './scanner';
import { buildSpellingIndex, type SpellingIndex } from './spelling';
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
const CAME_BACK =
  /\b(?:came back|coming back|it'?s back|is back|started again|again now|volvio|regreso|otra vez)\b/;
const EVENT_AREAS = new Set<string>(['poisoning', 'injury', 'violence']);
/** Later in the complaint's sentence: it has stopped ("…for 20 min, stopped with pressure"). */
const STOPPED_SINCE =
  /\b(?:(?:it |has |finally )?stopped|went away|is gone|has gone|resolved|(?:all )?better now|se (?:me |le )?(?:paro|quito|detuvo)(?! de)|ya (?:paro|se (?:me |le )?(?:quito|paso)|no (?:me |le )?(?:duele|sangra)))\b/;

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
  /** Each protocol with its groups resolved to indexes once, so reading a message builds no keys. */
  plans: ProtocolPlan[];
  /** Per group: the plans whose criteria use it; a hit there matters only if one of them is read. */
  groupUsers: number[][];
  /** Groups judged whenever found: complaints, alone criteria's words, the acute and child groups. */
  alwaysJudged: Set<number>;
  complaintGroups: Set<number>;
  /** Complaints that are events (exposures, bites, injuries): told in the past, they still count. */
  eventComplaints: Set<number>;
}

interface ProtocolPlan {
  protocol: ProtocolInput;
  complaintGroup: number;
  criteria: { criterion: CriterionInput; level: Urgency; groups: number[]; anywhere: boolean[] }[];
  /** Some criterion stands alone: the protocol is read even when its complaint is absent. */
  hasAlone: boolean;
}

const compiledCache = new WeakMap<Catalogue, CompiledCatalogue>();
const spellingCache = new WeakMap<Catalogue, SpellingIndex>();

/** Every word the catalogue's patterns name, for tolerant spelling; built once per catalogue. */
export function spellingIndexFor(catalogue: Catalogue): SpellingIndex {
  let index = spellingCache.get(catalogue);
  if (!index) {
    const patterns: string[] = [];
    const addTerms = (t: TermsInput): void => void patterns.push(...t.en, ...t.es);
    Object.values(catalogue.vocabulary).forEach(addTerms);
    for (const p of catalogue.protocols) {
      addTerms(p.complaint);
      for (const c of allCriteria(p)) for (const g of c.with) if (!('ref' in g)) addTerms(g);
    }
    index = buildSpellingIndex(patterns);
    spellingCache.set(catalogue, index);
  }
  return index;
}

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
      // One scanner entry per top-level alternative: the prefix index then tries at each position only
      // the few alternatives that can start there, not every group's whole alternation.
      for (const { lang, pack } of PACKS) {
        for (const pattern of terms[lang]) {
          for (const alternative of topLevelAlternatives(pattern))
            items.push({ tag: { group: index, pack }, source: expandPattern(alternative, true) });
        }
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
  const plans: ProtocolPlan[] = catalogue.protocols.map((protocol) => {
    let n = 0;
    const criteria = LEVELS.flatMap((level) =>
      protocol[level].map((criterion) => ({
        criterion,
        level: level as Urgency,
        groups: criterion.with.map((g) => groupIndex.get(groupKey(protocol, g, ++n))!),
        anywhere: criterion.with.map((g) => !('ref' in g) && g.anywhere === true),
      })),
    );
    return {
      protocol,
      complaintGroup: groupIndex.get(groupKey(protocol, 'complaint', 0))!,
      criteria,
      hasAlone: criteria.some((c) => c.criterion.alone),
    };
  });
  const groupUsers: number[][] = Array.from({ length: groupIndex.size }, () => []);
  const alwaysJudged = new Set<number>([groupIndex.get('ref:acute')!, groupIndex.get('ref:child')!]);
  plans.forEach((plan, p) => {
    alwaysJudged.add(plan.complaintGroup);
    for (const c of plan.criteria) {
      for (const g of c.groups) {
        if (c.criterion.alone) alwaysJudged.add(g);
        if (groupUsers[g].at(-1) !== p) groupUsers[g].push(p);
      }
    }
  });
  const compiled: CompiledCatalogue = {
    complaintGroups: new Set(plans.map((p) => p.complaintGroup)),
    eventComplaints: new Set(
      plans.filter((p) => EVENT_AREAS.has(p.protocol.area)).map((p) => p.complaintGroup),
    ),
    plans,
    groupUsers,
    alwaysJudged,
    catalogue,
    scan: buildPrefixScanner(items.filter((i) => i.source.length > 0)),
    groupIndex,
    groupKey,
    groupLevel,
  };
  compiledCache.set(catalogue, compiled);
  return compiled;
}

/** "a|b(?:c|d)|[x|y]" → ["a", "b(?:c|d)", "[x|y]"]: splits on bars outside groups and classes. */
export function topLevelAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  out.push(pattern.slice(from));
  return out.filter((a) => a.length > 0);
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
  const affirmed: Hit<{ group: number; pack: number }>[][] = [];
  let lastStart = -1;
  const judgedHere = new Set<number>();
  const resolved = new Set<Hit<{ group: number; pack: number }>>();
  const hits = compiled.scan(folded);
  // ConText is the costly part: judge only hits that can matter, those of groups always judged or
  // used by a protocol whose complaint words appear somewhere in the message.
  const complaintSeen = new Set<number>(hits.map((h) => h.tag.group));
  const planRead = compiled.plans.map((plan) => complaintSeen.has(plan.complaintGroup));
  for (const hit of hits) {
    const group = hit.tag.group;
    if (!compiled.alwaysJudged.has(group) && !compiled.groupUsers[group].some((p) => planRead[p])) continue;
    // Alternatives of one group may match at one position: judge the group there once.
    if (hit.start !== lastStart) {
      judgedHere.clear();
      lastStart = hit.start;
    }
    if (judgedHere.has(hit.tag.group)) continue;
    judgedHere.add(hit.tag.group);
    const span = { pack: hit.tag.pack, start: hit.start, end: hit.end };
    const kind = {
      kind: 'symptom',
      level: compiled.groupLevel[hit.tag.group],
      event: compiled.eventComplaints.has(hit.tag.group),
    };
    let assertion = assessSpan(folded, span, negationText, kind);
    // A complaint that has since stopped ("nose bled 20 min, stopped with pressure") is still
    // reported: its criteria decide, capped at same-day (a passed red flag is not an ambulance call).
    if (assertion === 'negated' && compiled.complaintGroups.has(hit.tag.group)) {
      assertion = assessSpan(folded, span, negationText, { ...kind, keepResolved: true });
      if (assertion === 'affirmed') resolved.add(hit);
    } else if (assertion === 'affirmed' && compiled.complaintGroups.has(hit.tag.group)) {
      const [, end] = sentenceBounds(folded, hit.start, hit.end);
      // "Went away when I sat. Now it came back": a recurrence later on undoes the resolution.
      const stopped = STOPPED_SINCE.test(folded.slice(hit.end, end));
      if (stopped && !CAME_BACK.test(folded.slice(end, end + 200))) resolved.add(hit);
    }
    if (assertion !== 'affirmed') continue;
    (affirmed[hit.tag.group] ??= []).push(hit);
  }
  const NONE: Hit<{ group: number; pack: number }>[] = [];
  const hitsOfGroup = (group: number): Hit<{ group: number; pack: number }>[] => affirmed[group] ?? NONE;
  const hitsOf = (key: string): Hit<{ group: number; pack: number }>[] =>
    hitsOfGroup(compiled.groupIndex.get(key) ?? -1);
  const child =
    hitsOf('ref:child').length > 0 ||
    (facts.youngestDays !== undefined && facts.youngestDays < 18 * DAYS_PER_YEAR);
  const reading: ProtocolReading = {
    fired: [],
    complaints: [],
    acute: hitsOf('ref:acute').map((h) => ({ start: h.start, end: h.end })),
    child,
  };

  for (const plan of compiled.plans) {
    const complaintHits = hitsOfGroup(plan.complaintGroup);
    if (complaintHits.length === 0 && !plan.hasAlone) continue;
    const protocol = plan.protocol;
    if (!populationFits(protocol, facts, child)) continue;
    // The rule of doubt reads only complaints that are current, not ones that have since stopped.
    const firstComplaint = complaintHits.find((h) => !resolved.has(h));
    if (firstComplaint) {
      reading.complaints.push({
        protocol,
        quote: `"${excerpt(original, firstComplaint.start, firstComplaint.end)}"`,
        start: firstComplaint.start,
        end: firstComplaint.end,
      });
    }
    for (const { criterion, level, groups, anywhere } of plan.criteria) {
      if (complaintHits.length === 0 && !criterion.alone) continue;
      const fired = criterionMet(
        criterion,
        groups,
        anywhere,
        complaintHits,
        hitsOfGroup,
        facts,
        child,
        folded,
      );
      if (!fired) continue;
      const passed = complaintHits.length > 0 && complaintHits.every((h) => resolved.has(h));
      reading.fired.push({
        protocol,
        criterion,
        level: passed && level === 'emergent' ? 'urgent' : level,
        quote: `"${excerpt(original, fired.start, fired.end)}"${passed ? ' (has since stopped)' : ''}`,
      });
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
  groupKeys: number[],
  anywhere: boolean[],
  complaintHits: Hit<unknown>[],
  hitsOf: (group: number) => Hit<unknown>[],
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
    for (const [g, key] of groupKeys.entries()) {
      // A criterion must add to the complaint: its words inside the complaint's own ("pecho apretado"
      // is the complaint, not a squeezing pain on top of it) do not meet it.
      const hits = hitsOf(key).filter(
        (h) =>
          !anchor ||
          ((anywhere[g] || near(folded, anchor, h)) && !(h.start >= anchor.start && h.end <= anchor.end)),
      );
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
