import { CONCEPTS, type ConceptId } from '../../../src/triage/concepts';
import { prefixes } from '../../../src/triage/first-chars';
import { LANGUAGE_PACKS } from '../../../src/triage/lexicon';
import { expandPattern, findConcepts } from '../../../src/triage/matcher';
import { foldText } from '../../../src/triage/normalize';

describe('lexicon patterns', () => {
  const entries = (Object.keys(CONCEPTS) as ConceptId[]).flatMap((concept) =>
    LANGUAGE_PACKS.filter((pack) => pack.concepts[concept]).map((pack) => ({
      name: `${pack.code}.${concept}`,
      source: pack.concepts[concept]!.map((p) => expandPattern(p, pack.latin)).join('|'),
    })),
  );

  it('every pattern compiles and names a known concept', () => {
    for (const pack of LANGUAGE_PACKS) {
      for (const concept of Object.keys(pack.concepts)) expect(CONCEPTS).toHaveProperty(concept);
    }
    for (const e of entries) expect(() => new RegExp(e.source)).not.toThrow();
  });

  it('no pattern has an empty alternative (it would match nothing and shadow the rest)', () => {
    const lists = LANGUAGE_PACKS.flatMap((pack) => [
      ...Object.entries(pack.concepts).flatMap(([concept, list]) =>
        (list ?? []).map((p) => ({ name: `${pack.code}.${concept}`, p })),
      ),
      ...Object.entries(pack.context).flatMap(([kind, list]) =>
        ((list as string[] | undefined) ?? []).map((p) => ({ name: `${pack.code}.context.${kind}`, p })),
      ),
      ...(pack.idioms ?? []).map((p) => ({ name: `${pack.code}.idioms`, p })),
    ]);
    const empty = lists.filter(({ p }) => /^\||(?<!\\)\|$|\|\||\(\?:\||(?<!\\)\|\)/.test(p));
    expect(empty.map((e) => e.name)).toEqual([]);
  });

  it('every pattern has a short list of starting letters (keeps classify fast)', () => {
    // A pattern that can start anywhere would be tried at every position of every message.
    const broad = entries.filter((e) => {
      const set = prefixes(e.source);
      return set === 'any' || [...set].filter((p) => p.length === 1 && /[a-z0-9]/.test(p)).length > 3;
    });
    expect(broad.map((e) => e.name)).toEqual([]);
  });
});

describe('prefixes', () => {
  it('lists what a pattern can start with', () => {
    expect(prefixes('chest|pain')).toEqual(new Set(['che', 'pai']));
    expect(prefixes('ab?c')).toEqual(new Set(['abc', 'ac']));
    expect(prefixes('a.b')).toEqual(new Set(['a']));
    expect(prefixes('x*y')).toEqual(new Set(['xxx', 'xxy', 'xy', 'y']));
    expect(prefixes('\\w*y')).toBe('any');
  });
});

describe('findConcepts', () => {
  it('finds a short concept inside a longer one and keeps offsets of the original', () => {
    const text = 'Crushing CHEST pain since noon';
    const found = findConcepts(foldText(text));
    const chest = found.find((m) => m.concept === 'chest_pain')!;
    expect(text.slice(chest.start, chest.end)).toMatch(/^Crushing CHEST/);
    expect(found.some((m) => m.concept === 'mild_symptom')).toBe(true);
  });
});
