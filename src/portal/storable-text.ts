/**
 * Patient text as PostgreSQL can store it. PostgreSQL text refuses U+0000, and a lone UTF-16
 * surrogate has no UTF-8 form (the driver would silently change it); either in one message used to
 * make the whole page fail, for good. Both become U+FFFD (the replacement character) and the
 * original is kept escaped as a JSON string literal, which is plain ASCII-safe text.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT = '\uFFFD';

export interface StorableText {
  text: string;
  /** True when something had to be replaced. */
  changed: boolean;
}

export function storableText(value: string): StorableText {
  UNSTORABLE.lastIndex = 0;
  if (!UNSTORABLE.test(value)) return { text: value, changed: false };
  return { text: value.replace(UNSTORABLE, REPLACEMENT), changed: true };
}

/** JSON.stringify escapes NUL and lone surrogates (\u0000, \ud800), so its output always stores. */
export function escapedOriginal(value: unknown, maxChars: number): string {
  const json = JSON.stringify(value) ?? 'null';
  if (json.length <= maxChars) return json;
  // A cut can split a surrogate pair; storableText mends the half left at the end.
  return `${storableText(json.slice(0, maxChars)).text}…(${json.length - maxChars} more characters)`;
}
