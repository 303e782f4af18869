/** Tolerant matching of names in patient text: case, accents and small misspellings do not matter. */

/** Lower case, accents removed, punctuation turned into spaces (keeps '/' inside words like pt/inr). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(' ') : [];
}

/** Damerau-Levenshtein distance (adjacent swaps count once), giving up early beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Misspellings allowed for a word of this length: none for short words, where they create false hits. */
function tolerance(word: string): number {
  if (word.length < 5) return 0;
  return word.length >= 8 ? 2 : 1;
}

export function wordMatches(token: string, word: string): boolean {
  if (token === word) return true;
  const max = tolerance(word);
  if (max === 0 || token[0] !== word[0]) return false; // misspellings rarely change the first letter
  // In a short word a dropped letter too often makes another word ("latus" is not "lantus").
  if (word.length < 8 && token.length !== word.length) return false;
  return editDistance(token, word, max) <= max;
}

/**
 * Where `phrase` (one or more words) occurs in `tokens`, tolerating misspellings word by word.
 * Returns the index of the first token, or -1.
 */
export function findPhrase(tokens: string[], phrase: string): number {
  const words = tokenize(phrase);
  if (!words.length) return -1;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => wordMatches(tokens[i + k]!, w))) return i;
  }
  return -1;
}

/** Finds phrases longest first and consumes their tokens, so "hemoglobin a1c" is not also "hemoglobin". */
export class PhraseScanner {
  private readonly tokens: (string | null)[];

  constructor(text: string) {
    this.tokens = tokenize(text);
  }

  /** The tokens no phrase has taken yet. */
  rest(): string[] {
    return this.tokens.filter((t): t is string => t !== null);
  }

  /** The phrase as found (or undefined), removing its tokens from later searches. */
  take(phrase: string): string | undefined {
    const words = tokenize(phrase);
    const live = this.tokens.map((t) => t ?? '\u0000');
    const at = findPhrase(live, phrase);
    if (at < 0) return undefined;
    const found = live.slice(at, at + words.length).join(' ');
    for (let k = at; k < at + words.length; k++) this.tokens[k] = null;
    return found;
  }
}
