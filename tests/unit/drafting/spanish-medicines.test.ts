/** Spanish drafts name medicines in Spanish where a Spanish name exists, without tripping the grounding check. */
import path from 'node:path';
import { draftReply } from '../../../src/drafting/drafter';
import { medicineKey } from '../../../src/drafting/grounding';
import { loadPrompts } from '../../../src/drafting/prompts';
import { SPANISH_MEDICINE_NAMES, spanishMedicineName } from '../../../src/drafting/spanish-medicines';
import { NOW, sampleChart, triage } from './fixtures';

const prompts = loadPrompts(path.join(__dirname, '../../../prompts'));

describe('Spanish medicine names', () => {
  it.each(Object.entries(SPANISH_MEDICINE_NAMES))('%s -> %s keeps the grounding key', (en, es) => {
    expect(medicineKey(es)).toBe(medicineKey(en));
  });

  it('translates the medicine words only', () => {
    expect(spanishMedicineName('Metformin 500 mg')).toBe('Metformina 500 mg');
    expect(spanishMedicineName('albuterol 2 puffs')).toBe('albuterol 2 puffs');
  });

  it('writes a Spanish refill reply with the Spanish name and no grounding flag', async () => {
    const chart = sampleChart({ preferredLanguage: 'es' });
    chart.medications = [
      { source: 'MedicationRequest/met', name: 'Metformin 500 mg tablet', dose: '500 mg', refillsLeft: 2 },
    ];
    const d = await draftReply(
      {
        text: 'Necesito un resurtido de mi metformina por favor',
        chart,
        triage: triage({ category: 'medication', language: 'es' }),
      },
      { model: null, prompts, now: NOW },
    );
    expect(d.body).toMatch(/Recibimos su pedido de metformina 500 mg\./);
    expect(d.flags.map((f) => f.code)).not.toContain('ungrounded_medicine');
  });
});
