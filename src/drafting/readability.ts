import syllable from 'syllable';
import { countSpanishSyllables } from './spanish-syllables';

export type ReadabilityLanguage = 'en' | 'es';

export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
}

// Periods after these do not end a sentence ("Dr. Lee" is one sentence).
const ABBREVIATIONS = /\b(Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta|St|Jr|vs|etc|approx|No|Ud|Uds|e\.g|i\.e)\./gi;

/** Splits on sentence punctuation followed by a space or the end, and on line breaks (a greeting line is a sentence). */
export function splitSentences(text: string): string[] {
  const protectedText = text.replace(ABBREVIATIONS, (m) => m.slice(0, -1));
  return protectedText
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words as Flesch counted them: hyphenated words, contractions, figures and their combinations count as one word. */
export function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/**
 * Syllables of one word. A figure counts one syllable per group of digits (5.8 → 2, 140/90 → 2,
 * 555-0100 → 2): people read a number as a unit, and counting every digit would make a phone number
 * weigh like a paragraph of long words.
 */
function wordSyllables(word: string, lang: ReadabilityLanguage): number {
  if (!/\p{L}/u.test(word)) return Math.max(1, (word.match(/\d+/g) ?? []).length);
  if (lang === 'es')
    return word.split('-').reduce((n, part) => n + (part ? countSpanishSyllables(part) : 0), 0);
  return Math.max(1, syllable(word));
}

export function countText(text: string, lang: ReadabilityLanguage): TextCounts {
  const words = splitWords(text);
  return {
    words: words.length,
    sentences: Math.max(1, splitSentences(text).length),
    syllables: words.reduce((n, w) => n + wordSyllables(w, lang), 0),
  };
}

/** Flesch–Kincaid grade level (Kincaid et al., 1975): 0.39·words/sentence + 11.8·syllables/word − 15.59. */
export function fleschKincaidGrade(c: TextCounts): number {
  if (c.words === 0) return 0;
  return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
}

/**
 * Fernández-Huerta (1959) reading ease, as corrected by Law (2011): 206.84 − 0.60·P − 1.02·F with P the
 * syllables per 100 words and F the words per sentence (the often-quoted "sentences per 100 words"
 * reading is a transcription error: it scores longer sentences as easier).
 */
export function fernandezHuertaEase(c: TextCounts): number {
  if (c.words === 0) return 100;
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

/**
 * Fernández-Huerta's own interpretation table gives a school grade per band of ease: 90–100 4th grade,
 * 80–90 5th, 70–80 6th, 60–70 7th–8th, 50–60 pre-university (to 12th), 30–50 university, 0–30 graduate.
 * A band's lower edge is the hardest text of that grade, so ease 70 maps to grade 6.0; between the
 * edges the grade is interpolated linearly, which makes the scale continuous and comparable to FK.
 */
const EASE_TO_GRADE: [number, number][] = [
  [100, 3],
  [90, 4],
  [80, 5],
  [70, 6],
  [60, 8],
  [50, 12],
  [30, 16],
  [0, 18],
];

export function easeToGrade(ease: number): number {
  if (ease >= EASE_TO_GRADE[0][0]) return EASE_TO_GRADE[0][1];
  for (let i = 1; i < EASE_TO_GRADE.length; i += 1) {
    const [hiEase, hiGrade] = EASE_TO_GRADE[i - 1];
    const [loEase, loGrade] = EASE_TO_GRADE[i];
    if (ease >= loEase) return hiGrade + ((hiEase - ease) / (hiEase - loEase)) * (loGrade - hiGrade);
  }
  return EASE_TO_GRADE[EASE_TO_GRADE.length - 1][1];
}

/** The school grade a reader needs for `text`, rounded to one decimal; never below 0. */
export function readingGrade(text: string, lang: ReadabilityLanguage): number {
  const counts = countText(text, lang);
  const grade = lang === 'es' ? easeToGrade(fernandezHuertaEase(counts)) : fleschKincaidGrade(counts);
  return Math.max(0, Math.round(grade * 10) / 10);
}
