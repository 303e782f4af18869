import type { IdentifierSpan } from '../types';
import { digitsOnly } from '../text-folding';

// Every pattern starts with a negative lookbehind on its own first character class, so a long run
// of that class is scanned once from its start instead of once per position (linear time).
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;
const URL_PATTERN = /(?<![\w/@.])(?:https?:\/\/|www\.)[^\s<>"'`]{2,2000}/gi;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;
const IPV6_FULL = /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi;
const IPV6_COMPRESSED =
  /(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\w:])/gi;

// Digit groups joined by one space, dot or dash (never a newline), with an optional +country code,
// "(0)" trunk prefix, "(area)" code and extension.
const PHONE_CANDIDATE =
  /(?<![\w+/.:@\-\u2010-\u2015])(?:\+[ ]?\d{1,3}[ .-]?)?(?:\(0\)[ ]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,15}(?:(?:[ .\-\u2010-\u2015]|[ ]?\(\d{1,5}\)[ ]?)\d{1,8}){0,7}(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\p{L}\p{N}/@]|[.-]\d)/giu;
const PHONE_CONTEXT =
  /(?:phone|tel|cell|mobile|fax|call|text|number|contact|desk|office|reach|dial|whatsapp|tel[eé]fono|celular|m[oó]vil|llam|n[uú]mero|marc)[^\n\d]{0,25}$/i;
const ZIP_PLUS_FOUR = /^\d{5}-\d{4}$/;

function collect(text: string, pattern: RegExp, type: IdentifierSpan['type']): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    spans.push({ type, start: m.index, end: m.index + m[0].length, value: m[0] });
  }
  return spans;
}

export function detectEmails(text: string): IdentifierSpan[] {
  return collect(text, EMAIL, 'EMAIL');
}

export function detectUrls(text: string): IdentifierSpan[] {
  return collect(text, URL_PATTERN, 'URL').map((span) => {
    // Sentence punctuation after a link is not part of it.
    const trimmed = span.value.replace(/[.,;:!?)\]}'"]+$/, '');
    return { ...span, end: span.start + trimmed.length, value: trimmed };
  });
}

export function detectIpAddresses(text: string): IdentifierSpan[] {
  return [
    ...collect(text, IPV4, 'IP'),
    ...collect(text, IPV6_FULL, 'IP'),
    ...collect(text, IPV6_COMPRESSED, 'IP'),
  ];
}

function looksLikePhone(candidate: string, before: string): boolean {
  const main = candidate.replace(/[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6}$/i, '');
  const digits = digitsOnly(main);
  if (digits.length < 7 || digits.length > 15) return false;
  if (ZIP_PLUS_FOUR.test(main)) return false;
  const hasContext = PHONE_CONTEXT.test(before);
  const groups = main
    .replace(/\(0\)/, ' ')
    .split(/[^\d]+/)
    .filter((g) => g.length > 0);
  const international = main.startsWith('+');
  if (groups.length === 1) {
    // A bare digit run is a phone only at US length or with a phone word before it.
    return (
      hasContext || international || digits.length === 10 || (digits.length === 11 && digits.startsWith('1'))
    );
  }
  const singleDigitGroups = groups.slice(international ? 1 : 0).filter((g) => g.length === 1).length;
  if (singleDigitGroups > 1 && !hasContext) return false;
  return true;
}

export function detectPhones(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const value = m[0].replace(/[ .-]+$/, '');
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (!looksLikePhone(value, before)) continue;
    spans.push({ type: 'PHONE', start: m.index, end: m.index + value.length, value });
  }
  return spans;
}
