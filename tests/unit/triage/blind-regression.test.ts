import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, urgencyRank, type Urgency } from '../../../src/triage';

/**
 * Every blind batch joins the regression set once its first score is logged and the engine has been
 * fixed for it in general form: what was learned from it must stay learned. (The first scores, which
 * are the evidence, live in first-scores.jsonl; this test guards against forgetting.) A batch whose
 * first score is logged but whose fixes are not finished waits in blind/pending/ and joins here then.
 */
interface Item {
  id: string;
  text: string;
  gold: Urgency;
  accept?: Urgency[];
}

const DIR = join(__dirname, '../../fixtures/triage/blind');
const BATCHES = readdirSync(DIR)
  .filter((f) => /^batch-\d+\.jsonl$/.test(f))
  .sort();

const itemsOf = (file: string): Item[] =>
  readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item);

describe('blind batches as a regression set', () => {
  it('holds every batch whose first score is logged', () => {
    const logged = readFileSync(join(DIR, 'first-scores.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { batch: string }).batch);
    expect(BATCHES.map((f) => f.replace('.jsonl', ''))).toEqual(
      logged.filter((b) => BATCHES.includes(`${b}.jsonl`)),
    );
    expect(BATCHES.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(BATCHES)('%s', (file) => {
    const rows = itemsOf(file).map((item) => ({ item, got: classify(item.text).urgency }));
    const ok = (r: (typeof rows)[number]) => r.got === r.item.gold || (r.item.accept ?? []).includes(r.got);

    it('catches every emergency and under-triages no urgent message', () => {
      const under = rows.filter(
        (r) =>
          !ok(r) &&
          (r.item.gold === 'emergent' || r.item.gold === 'urgent') &&
          urgencyRank(r.got) > urgencyRank(r.item.gold),
      );
      expect(under.map((r) => `${r.item.id}: ${r.item.gold} read as ${r.got}`)).toEqual([]);
    });

    it('is exactly right for at least 90% and over-triages at most 10%', () => {
      const exact = rows.filter(ok).length / rows.length;
      const over = rows.filter((r) => !ok(r) && urgencyRank(r.got) < urgencyRank(r.item.gold)).length;
      expect(exact).toBeGreaterThanOrEqual(0.9);
      expect(over / rows.length).toBeLessThanOrEqual(0.1);
    });
  });
});
