/** Picks the results a message asks about and lays out each as latest value, earlier values and direction. */
import { parseFhirDate } from './fhir-values';
import { GENERAL_RESULT_WORDS, TEST_GROUPS, type TestGroup } from './result-names';
import { PhraseScanner, tokenize, wordMatches } from './text-match';
import type { ObservationFact, ResultTrend } from './types';

/** A change smaller than this share of the earlier value reads as "stable": lab noise, not a trend. */
const STABLE_SHARE = 0.03;
const MAX_PREVIOUS = 5;
const MAX_GENERAL_RESULTS = 12;
/** Words that name many tests at once and so cannot pick one out on their own. */
const VAGUE_NAME_WORDS = new Set([
  'blood',
  'serum',
  'total',
  'level',
  'panel',
  'urine',
  'count',
  'plasma',
  'test',
]);

function numericValue(o: ObservationFact): number | undefined {
  return o.value ?? o.components?.[0]?.value;
}

function seriesKey(o: ObservationFact): string {
  return o.code ? `code:${o.code}` : `name:${o.name.toLowerCase()}`;
}

/** Observations are newest first; every series becomes one trend. */
export function trendsOf(observations: ObservationFact[]): ResultTrend[] {
  const series = new Map<string, ObservationFact[]>();
  for (const o of observations) series.set(seriesKey(o), [...(series.get(seriesKey(o)) ?? []), o]);
  return [...series.values()].map((list) => {
    const [latest, ...older] = list as [ObservationFact, ...ObservationFact[]];
    const previous = older.slice(0, MAX_PREVIOUS).reverse();
    const trend: ResultTrend = { latest, previous };
    const now = numericValue(latest);
    const before = older[0] ? numericValue(older[0]) : undefined;
    if (now !== undefined && before !== undefined) {
      const change = now - before;
      const scale = Math.abs(before) || 1;
      trend.direction = Math.abs(change) / scale < STABLE_SHARE ? 'stable' : change > 0 ? 'up' : 'down';
    }
    return trend;
  });
}

function belongsToGroup(o: ObservationFact, group: TestGroup): boolean {
  return o.code ? group.codes.includes(o.code) : group.namePattern.test(o.name);
}

/** Groups named in the text; a phrase shared by two groups ("kidney function") picks both. */
export function namedTestGroups(text: string): { group: TestGroup; phrase: string }[] {
  return scanTestGroups(text).found;
}

/** The groups named, and the words left once their names are taken ("bad cholesterol" is used up). */
function scanTestGroups(text: string): { found: { group: TestGroup; phrase: string }[]; rest: string[] } {
  const scanner = new PhraseScanner(text);
  const byWord = new Map<string, TestGroup[]>();
  for (const g of TEST_GROUPS) for (const w of g.words) byWord.set(w, [...(byWord.get(w) ?? []), g]);
  const words = [...byWord.keys()].sort(
    (a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length,
  );
  const found: { group: TestGroup; phrase: string }[] = [];
  for (const word of words) {
    const phrase = scanner.take(word);
    if (!phrase) continue;
    for (const group of byWord.get(word)!)
      if (!found.some((f) => f.group === group)) found.push({ group, phrase });
  }
  return { found, rest: scanner.rest() };
}

export function mentionsResultsInGeneral(text: string): string | undefined {
  const scanner = new PhraseScanner(text);
  for (const w of GENERAL_RESULT_WORDS) {
    const phrase = scanner.take(w);
    if (phrase) return phrase;
  }
  return undefined;
}

/** Chart results whose own name is written in the text (tests our table does not know, e.g. "ferritin"). */
function namedByChartName(tokens: string[], observations: ObservationFact[]): ObservationFact[] {
  return observations.filter((o) => {
    const first = tokenize(o.name).find((w) => w.length >= 5 && !VAGUE_NAME_WORDS.has(w));
    return !!first && tokens.some((t) => wordMatches(t, first));
  });
}

export interface ResultPick {
  trends: ResultTrend[];
  reasons: string[];
}

export function pickResults(
  text: string,
  observations: ObservationFact[],
  resultQuestion: boolean,
): ResultPick {
  const reasons: string[] = [];
  const picked = new Set<ObservationFact>();
  const { found: named, rest } = scanTestGroups(text);
  for (const { group, phrase } of named) {
    const matches = observations.filter((o) => belongsToGroup(o, group));
    if (matches.length) {
      matches.forEach((o) => picked.add(o));
      reasons.push(`result named in message: "${phrase}"`);
    } else {
      reasons.push(`result named in message but not in the chart: "${phrase}"`);
    }
  }
  for (const o of namedByChartName(rest, observations)) {
    if (picked.has(o)) continue;
    for (const same of observations.filter((x) => seriesKey(x) === seriesKey(o))) picked.add(same);
    reasons.push(`result named in message: "${o.name}"`);
  }
  let general = false;
  // A named test the chart lacks is answered as such, not with other results.
  if (!picked.size && !named.length && resultQuestion) {
    general = true;
    const phrase = mentionsResultsInGeneral(text);
    const labs = observations.filter((o) => o.category === 'laboratory');
    const newest = labs[0] ? parseFhirDate(labs[0].date)?.toISODate() : undefined;
    const latestDraw = labs.filter((o) => parseFhirDate(o.date)?.toISODate() === newest);
    const seriesInDraw = new Set(latestDraw.map(seriesKey));
    for (const o of labs) if (seriesInDraw.has(seriesKey(o))) picked.add(o);
    if (latestDraw.length) {
      reasons.push(
        phrase
          ? `results asked about in general ("${phrase}"): the latest lab draw`
          : 'result question without a named test: the latest lab draw',
      );
    }
  }
  const trends = trendsOf(observations.filter((o) => picked.has(o)));
  // The tests in the order the message named them, each panel in its own order (total cholesterol first).
  const order = named.flatMap(({ group }) => group.codes);
  const rank = (t: ResultTrend) => {
    const i = t.latest.code ? order.indexOf(t.latest.code) : -1;
    return i < 0 ? order.length : i;
  };
  trends.sort((a, b) => rank(a) - rank(b));
  return { trends: general ? trends.slice(0, MAX_GENERAL_RESULTS) : trends, reasons };
}
