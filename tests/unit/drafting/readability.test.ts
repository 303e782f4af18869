import {
  countText,
  easeToGrade,
  fernandezHuertaEase,
  fleschKincaidGrade,
  readingGrade,
  splitSentences,
  splitWords,
} from '../../../src/drafting/readability';
import { countSpanishSyllables } from '../../../src/drafting/spanish-syllables';

describe('Flesch–Kincaid grade (English)', () => {
  it('applies 0.39·words/sentence + 11.8·syllables/word − 15.59', () => {
    expect(fleschKincaidGrade({ words: 100, sentences: 5, syllables: 150 })).toBeCloseTo(9.91, 2);
    expect(fleschKincaidGrade({ words: 0, sentences: 1, syllables: 0 })).toBe(0);
  });

  it('scores a known sentence by hand: 9 words, 11 syllables, 1 sentence → 2.3', () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    expect(countText(text, 'en')).toEqual({ words: 9, sentences: 1, syllables: 11 });
    expect(readingGrade(text, 'en')).toBe(2.3);
  });

  it('never reports a grade below zero', () => {
    expect(readingGrade('The cat sat on the mat.', 'en')).toBe(0);
  });

  it('rates long words and long sentences higher than short plain ones', () => {
    const plain = 'We got your note. A nurse will call you today. Please keep your phone close.';
    const dense =
      'Your hemoglobin concentration demonstrates a statistically significant deviation from the established reference interval, necessitating additional laboratory evaluation.';
    expect(readingGrade(plain, 'en')).toBeLessThan(4);
    expect(readingGrade(dense, 'en')).toBeGreaterThan(14);
  });

  it('counts a figure as one word with one syllable per group of digits', () => {
    expect(countText('Your TSH was 5.8 today.', 'en')).toEqual({ words: 5, sentences: 1, syllables: 7 });
    expect(countText('Call 555-867-5309.', 'en')).toEqual({ words: 2, sentences: 1, syllables: 4 });
  });
});

describe('sentences and words', () => {
  it('does not end a sentence at a title or a decimal point, but does at a line break', () => {
    expect(splitSentences('Dr. Lee saw your A1c of 7.4 today. It is a bit high.')).toHaveLength(2);
    expect(splitSentences('Hi Ana,\n\nThanks for writing.\nTake care,\nThe team')).toHaveLength(4);
  });

  it('keeps hyphenated words and contractions whole and drops bare punctuation', () => {
    expect(splitWords("Don't re-check it — ever.")).toEqual(["Don't", 're-check', 'it', 'ever']);
  });
});

describe('Spanish syllables (RAE rules)', () => {
  it.each([
    ['hospital', 3],
    ['medicina', 4],
    ['ciudad', 2], // diphthong iu
    ['puerta', 2], // diphthong ue
    ['aeropuerto', 5], // hiatus a-e
    ['leer', 2], // hiatus e-e
    ['día', 2], // accented weak vowel breaks the diphthong
    ['país', 2],
    ['buey', 1], // triphthong with final y
    ['averigüéis', 4],
    ['guerra', 2], // silent u
    ['química', 3],
    ['pingüino', 3], // ü is pronounced
    ['hoy', 1],
    ['y', 1],
    ['construcción', 3],
    ['mg', 1],
  ])('%s has %i', (word, n) => {
    expect(countSpanishSyllables(word)).toBe(n);
  });
});

describe('Fernández-Huerta (Spanish)', () => {
  it('applies 206.84 − 60·syllables/word − 1.02·words/sentence (Law 2011)', () => {
    expect(fernandezHuertaEase({ words: 100, sentences: 10, syllables: 200 })).toBeCloseTo(76.64, 2);
  });

  it('maps ease to a school grade through the interpretation table', () => {
    expect(easeToGrade(105)).toBe(3);
    expect(easeToGrade(90)).toBe(4);
    expect(easeToGrade(70)).toBe(6);
    expect(easeToGrade(76.64)).toBeCloseTo(5.34, 2);
    expect(easeToGrade(60)).toBe(8);
    expect(easeToGrade(55)).toBe(10);
    expect(easeToGrade(-10)).toBe(18);
  });

  it('scores a known Spanish text by hand', () => {
    // 11 words, 2 sentences; syllables: su(1) re-ce-ta(3) es-tá(2) lis-ta(2) = 8,
    // la(1) far-ma-cia(3) la(1) tie-ne(2) pa-ra(2) us-ted(2) hoy(1) = 12.
    const text = 'Su receta está lista. La farmacia la tiene para usted hoy.';
    const counts = countText(text, 'es');
    expect(counts).toEqual({ words: 11, sentences: 2, syllables: 20 });
    const ease = 206.84 - 60 * (20 / 11) - 1.02 * (11 / 2);
    expect(readingGrade(text, 'es')).toBe(Math.round(easeToGrade(ease) * 10) / 10);
    expect(readingGrade(text, 'es')).toBeLessThan(6);
  });

  it('rates dense Spanish well above grade 6', () => {
    const dense =
      'La determinación de hemoglobina glucosilada evidencia una descompensación metabólica considerable que requiere intervención terapéutica inmediata.';
    expect(readingGrade(dense, 'es')).toBeGreaterThan(12);
  });
});
