import MiniSearch from 'minisearch';
import { foldText } from '../normalize';
import { allCriteria, termsOf, type Catalogue } from './load';
import type { ProtocolInput, TermsInput } from './schema';

const LEVELS = ['emergent', 'urgent', 'routine'] as const;
const indexCache = new WeakMap<Catalogue, MiniSearch<{ id: string; title: string; words: string }>>();

/** The literal words of a term group's patterns ("chest~(?:pain|pressure)" → "chest pain pressure"). */
function wordsOf(terms: TermsInput): string {
  return [...terms.en, ...terms.es]
    .join(' ')
    .replace(/\\[a-z]/g, ' ')
    .replace(/[^a-z ]+/g, ' ');
}

/** A BM25 index (minisearch) over each protocol's title, complaint words and criteria. */
function indexFor(catalogue: Catalogue): MiniSearch<{ id: string; title: string; words: string }> {
  let index = indexCache.get(catalogue);
  if (!index) {
    index = new MiniSearch({
      fields: ['title', 'words'],
      storeFields: ['id'],
      searchOptions: { boost: { title: 2 } },
    });
    index.addAll(
      catalogue.protocols.map((p) => ({
        id: p.id,
        title: p.title,
        words: [
          wordsOf(p.complaint),
          ...allCriteria(p).flatMap((c) => [
            c.says,
            ...c.with.map((g) => wordsOf(termsOf(g, catalogue.vocabulary))),
          ]),
        ].join(' '),
      })),
    );
    indexCache.set(catalogue, index);
  }
  return index;
}

/**
 * The protocols a message most resembles: those whose criteria the rules already met come first
 * (named in the reasons), then the best BM25 matches on the message's words.
 */
export function relevantProtocols(
  catalogue: Catalogue,
  text: string,
  reasons: readonly string[],
  limit = 3,
): ProtocolInput[] {
  const byId = new Map(catalogue.protocols.map((p) => [p.id, p]));
  const out: ProtocolInput[] = [];
  for (const r of reasons) {
    const id = /\[protocol ([a-z0-9-]+):/.exec(r)?.[1];
    const p = id ? byId.get(id) : undefined;
    if (p && !out.includes(p)) out.push(p);
  }
  const hits = indexFor(catalogue).search(foldText(text).slice(0, 4000), { fuzzy: 0.15, prefix: true });
  for (const h of hits) {
    if (out.length >= limit) break;
    const p = byId.get(String(h.id));
    if (p && !out.includes(p)) out.push(p);
  }
  return out.slice(0, limit);
}

/** A protocol as the model reads it: its complaint and each disposition's criteria with sources. */
export function describeProtocol(p: ProtocolInput): string {
  const lines = [`Protocol ${p.id} — ${p.title} (${p.population})`];
  for (const level of LEVELS) {
    for (const c of p[level])
      lines.push(`- ${level}: ${c.says} (source: ${c.source.title}, ${c.source.url})`);
  }
  return lines.join('\n');
}
