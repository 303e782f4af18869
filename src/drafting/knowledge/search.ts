/**
 * BM25 retrieval over the clinic's knowledge (minisearch). A passage counts only when the message
 * names one of its keywords: a score from common words alone ("when", "my", "can") is not a match.
 */
import MiniSearch from 'minisearch';
import { foldText } from '../lexicon';
import type { ClinicKnowledge, KnowledgeHit, KnowledgePassage } from './types';

interface Doc {
  id: string;
  keywords: string;
  title: string;
  text: string;
}

// Function words only: a long stop list drops words patients ask about ("bill" is on some).
const STOP = new Set(
  (
    'a an and are as at be but by can could did do does for from had has have how i if in is it me my ' +
    'no not of on or our so that the their them then there they this to us was we were what when where ' +
    'which who why will with would you your yes please thanks thank hi hello ' +
    'el la los las un una unos unas y o de del al en con por para que se su sus mi mis me le lo es ' +
    'son esta estoy tengo tiene hay como cuando donde quien usted ustedes yo nos hola gracias favor'
  ).split(' '),
);

/** Case and accents folded, a plural "s" dropped, stop words out: "Vacunas" finds "vacuna". */
function term(raw: string): string | null {
  const t = foldText(raw);
  if (t.length < 2 || STOP.has(t)) return null;
  return t.length >= 5 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t;
}

export interface KnowledgeIndex {
  /** Best first; only passages whose keywords the message names and whose score reaches the floor. */
  search(text: string, limit?: number): KnowledgeHit[];
}

/** Below this BM25 score a keyword match is too thin to answer from (checked on the demo clinic's files). */
export const MIN_SCORE = 10;
/** A runner-up far below the best passage is a neighbour, not a second answer. */
const RELATIVE_FLOOR = 0.3;

function foldWords(text: string): string {
  return ` ${foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * A keyword of one word counts wherever it matches; a keyword of several words ("sin cita", "flu shot")
 * counts only as a whole phrase, so its common word alone ("cita") does not pull the passage in.
 */
function keywordMatched(passage: KnowledgePassage, terms: string[], text: string): boolean {
  const single = new Set(passage.keywords.filter((k) => !/\s/.test(k.trim())).map((k) => term(k) ?? ''));
  if (terms.some((t) => single.has(t))) return true;
  const folded = foldWords(text);
  return passage.keywords.some((k) => /\s/.test(k.trim()) && folded.includes(foldWords(k)));
}

export function createKnowledgeIndex(knowledge: ClinicKnowledge): KnowledgeIndex {
  const byId = new Map<string, KnowledgePassage>(knowledge.passages.map((p) => [p.id, p]));
  const index = new MiniSearch<Doc>({
    fields: ['keywords', 'title', 'text'],
    processTerm: term,
    searchOptions: { boost: { keywords: 4, title: 1.5, text: 0.5 }, combineWith: 'OR' },
  });
  index.addAll(
    knowledge.passages.map((p) => ({
      id: p.id,
      keywords: p.keywords.join(' '),
      title: p.title,
      text: `${p.text.en}\n${p.text.es}`,
    })),
  );
  return {
    search(text: string, limit = 3): KnowledgeHit[] {
      if (!text.trim() || !byId.size) return [];
      // One edit for long words only: short words have too many real neighbours.
      const results = index.search(text, { fuzzy: (t) => (t.length >= 7 ? 1 : false) });
      const hits: KnowledgeHit[] = [];
      for (const r of results) {
        const terms = Object.entries(r.match)
          .filter(([, fields]) => fields.includes('keywords'))
          .map(([t]) => t);
        const passage = byId.get(String(r.id));
        const best = hits[0]?.score ?? r.score;
        if (!passage || !terms.length || r.score < MIN_SCORE || r.score < best * RELATIVE_FLOOR) continue;
        if (!keywordMatched(passage, terms, text)) continue;
        hits.push({ passage, score: Math.round(r.score * 100) / 100, terms });
        if (hits.length >= limit) break;
      }
      return hits;
    },
  };
}
