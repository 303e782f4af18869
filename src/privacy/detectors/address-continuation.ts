/**
 * An address rarely ends at its street line: a unit, a town, a state and a postal code follow, after
 * commas or on the next lines. This extends a street match over those parts, one at a time.
 */

/** Makes the letters of a pattern match either case, for patterns compiled without the i flag. */
export function anyCase(pattern: string): string {
  return pattern.replace(/\\p\{\w+\}|\\.|[a-z]/g, (part) =>
    part.length === 1 ? `[${part}${part.toUpperCase()}]` : part,
  );
}

const UNIT = anyCase(
  String.raw`(?:apt\.?|apartment|suite|ste\.?|unit|fl\.?|floor|room|rm\.?|piso|depto\.?|departamento|box|bldg\.?|building)\s{0,2}#?\s{0,2}[\p{L}\p{N}-]{1,6}|#\s{0,2}[\p{N}][\p{L}\p{N}-]{0,5}`,
);
const POSTAL = String.raw`(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{3,6}(?:[ -]\d{2,4})?|\d{4}\s?[A-Z]{2})(?![\p{L}\p{N}]|[ \t.-]?\d)`;
// A period inside a place name only follows a short abbreviation ("St. Louis", "Ft. Worth"); after any
// other word it ends the sentence, and what follows ("Springfield. Refill my ...") is not the address.
const ABBREVIATION = String.raw`\p{Lu}\p{Ll}{0,2}\.`;
const PLACE_WORD = String.raw`\p{Lu}[\p{L}\p{M}'-]*(?:\.[\p{L}\p{M}'-]+)*`;
const PLACE = String.raw`(?:${ABBREVIATION}[ \t]{1,2})?${PLACE_WORD}(?:[ \t]{1,2}(?:${PLACE_WORD}|de|del|la|le|nad|am|an|sur|upon|on)){0,4}\.?(?:,?[ \t]{1,2}[A-Z]{2}\b)?(?:[ \t]{1,2}${POSTAL})?(?![ \t]*:)`;
const SEPARATOR = String.raw`(?:[ \t]*,[ \t]*|[ \t]*\n[ \t>?]{0,4}(?:,[ \t]*)?|[ \t]+)`;
const PART = new RegExp(String.raw`${SEPARATOR}(?:(${UNIT})|(${POSTAL})|(${PLACE}))`, 'uy');
const MAX_PARTS = 5;

/**
 * The end offset of the address that starts with a street match ending at `end`.
 * `isEverydayWord` keeps "Thanks" or "Please" on the next line out of the address.
 */
export function extendAddress(text: string, end: number, isEverydayWord: (word: string) => boolean): number {
  let cursor = end;
  for (let parts = 0; parts < MAX_PARTS; parts++) {
    PART.lastIndex = cursor;
    const m = PART.exec(text);
    if (!m) break;
    const separatorOnly = /^[ \t]+$/.test(m[0].slice(0, m[0].length - (m[1] ?? m[2] ?? m[3]).length));
    if (m[3] !== undefined) {
      const words = m[3].match(/\p{L}+/gu) ?? [];
      // A sentence going on after the address is not part of it.
      // "SK", "NS": a region code in capitals is no everyday word.
      const everyday = (w: string) => !/^[A-Z]{2,3}$/.test(w) && isEverydayWord(w.toLowerCase());
      if (separatorOnly || words.every(everyday)) break;
    }
    cursor = m.index + m[0].length;
    if (m[2] !== undefined) break; // a postal code closes the address
  }
  return cursor;
}
