/**
 * The text the detectors read: invisible characters removed (a zero-width space inside a phone number
 * must not hide it), every kind of space made a plain space, and full-width or other compatibility
 * forms ("５５５") made plain (NFKC). Offsets found in it are mapped back to the original text, so
 * nothing of what the patient wrote is changed.
 */
export interface ScanText {
  text: string;
  /** Original offsets [start, end) of the normalized range [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u180e]/u;
const SPACE = /\p{Zs}/u;
const NEEDS_WORK = /[^ -~\t\n\r]/;

export function normalizeForScan(original: string): ScanText {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, toOriginal: (start, end) => ({ start, end }) };
  }
  let text = '';
  // For each unit of the normalized text: where the character it came from starts and ends.
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    let out = ch;
    if (cp >= 0x80) {
      if (INVISIBLE.test(ch)) out = '';
      else if (SPACE.test(ch)) out = ' ';
      else {
        const compatible = ch.normalize('NFKC');
        // Keep letters with accents as they are (NFKC would not change them); expand only forms
        // that have a plain equivalent, like full-width digits or ligatures.
        if (compatible !== ch && compatible.normalize('NFD') !== ch.normalize('NFD')) out = compatible;
      }
    }
    for (let k = 0; k < out.length; k++) {
      from.push(i);
      to.push(next);
    }
    text += out;
    i = next;
  }
  return {
    text,
    toOriginal: (start, end) => ({
      start: start < from.length ? from[start] : original.length,
      end: end > 0 ? to[end - 1] : 0,
    }),
  };
}
