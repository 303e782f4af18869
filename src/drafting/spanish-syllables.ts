/**
 * Spanish syllable count by the standard rules of the Real Academia Española (Ortografía 2010, §4.1):
 * a syllable has one vowel nucleus, so counting syllables is counting nuclei.
 * - Strong vowels: a, e, o; weak vowels: i, u (ü). An accented í or ú counts as strong (it breaks a diphthong).
 * - Two strong vowels side by side are a hiatus: two syllables (le-er, a-e-ro).
 * - Strong + weak, weak + strong, or two different weak vowels form a diphthong: one syllable (ciu-dad, puer-ta);
 *   weak + strong + weak is a triphthong: one syllable (buey, a-ve-ri-güéis).
 * - The u of que, qui, gue, gui is silent (gue-rra); ü is pronounced (pin-güi-no).
 * - y is a vowel on its own ("y") and at the end of a word after a vowel (hoy, muy); elsewhere a consonant.
 * - h is treated as a consonant, so it separates vowels (a-hu-ma-do), which the RAE allows.
 * No exception dictionary is needed for readability scores: a word's count is exact for regular spelling.
 */

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);
const WEAK = new Set(['i', 'u', 'ü']);

function isVowel(ch: string): boolean {
  return STRONG.has(ch) || WEAK.has(ch);
}

/** Letters that form the word's vowel skeleton, with silent u's and consonantal y's already removed. */
function vowelSkeleton(word: string): (string | null)[] {
  const w = word.toLowerCase().normalize('NFC');
  const out: (string | null)[] = [];
  for (let i = 0; i < w.length; i += 1) {
    const ch = w[i];
    const prev = w[i - 1];
    const next = w[i + 1];
    if (ch === 'u' && (prev === 'q' || prev === 'g') && next !== undefined && 'eiéí'.includes(next)) {
      out.push(null);
      continue;
    }
    if (ch === 'y') {
      const alone = w.length === 1;
      const wordFinalAfterVowel = i === w.length - 1 && prev !== undefined && isVowel(prev);
      if (alone) out.push('i');
      else if (wordFinalAfterVowel) out.push('i');
      else out.push(null);
      continue;
    }
    out.push(isVowel(ch) ? ch : null);
  }
  return out;
}

function breaksBetween(a: string, b: string): boolean {
  const aStrong = STRONG.has(a);
  const bStrong = STRONG.has(b);
  if (aStrong && bStrong) return true; // hiatus (includes accented í/ú next to any vowel)
  if (WEAK.has(a) && WEAK.has(b)) return a === b; // "ui", "iu" are diphthongs; a doubled weak vowel is not
  return false;
}

/** Number of syllables of one Spanish word; 1 for a token with letters but no vowel (e.g. "mg"). */
export function countSpanishSyllables(word: string): number {
  const skeleton = vowelSkeleton(word);
  let count = 0;
  let previous: string | null = null;
  for (const v of skeleton) {
    if (v === null) {
      previous = null;
      continue;
    }
    if (previous === null || breaksBetween(previous, v)) count += 1;
    previous = v;
  }
  return Math.max(count, 1);
}
