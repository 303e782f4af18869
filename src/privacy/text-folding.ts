/**
 * Case- and accent-insensitive matching that keeps offsets: every UTF-16 unit of the input maps to
 * exactly one unit of the folded string, so a match in the folded text is a match at the same
 * offsets in the original.
 */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += ch; // half of a surrogate pair: no letter to fold
      continue;
    }
    const base = ch.normalize('NFD')[0].toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  // Curly apostrophes behave like straight ones for possessives ("Maria’s").
  return out.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Folded form of a short value (a name, an address line) for use as a lookup key. */
export function foldKey(value: string): string {
  return foldText(value).replace(/\s+/g, ' ').trim();
}

export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
