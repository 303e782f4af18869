import type { IdentifierSpan, IdentifierType } from '../types';
import { digitsOnly } from '../text-folding';

const SSN_WORDS = String.raw`ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?|seguro\s+social|nss`;
const CARD_WORDS = String.raw`(?:credit|debit)?\s*card(?:\s+(?:number|no\.?|#))?|cc|iban|tarjeta(?:\s+de\s+cr[eé]dito)?|n[uú]mero\s+de\s+tarjeta`;
const RECORD_WORDS = String.raw`mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|(?:record|chart|case|claim|group|account|acct\.?|patient|member|subscriber|insurance|policy|medicare|medicaid|passport|license|licence|driver'?s?\s+licen[cs]e|id|tax\s+id|routing)(?:\s+(?:id|number|no\.?|#))?|mbi|ein|itin|dni|nie|curp|rfc|expediente|historia\s+cl[ií]nica|afiliado|p[oó]liza|n[uú]mero\s+de\s+(?:expediente|historia(?:\s+cl[ií]nica)?|afiliado|p[oó]liza|seguro|cuenta|licencia|pasaporte|miembro|paciente)`;
// An identifier token: optional letter prefix, then digit groups joined by single dashes, dots or spaces.
const ID_TOKEN = String.raw`(?:[A-Za-z]{1,4}[-\s]?)?\d[\dA-Za-z]*(?:[-.\s/](?=[A-Za-z]{0,3}\d)[\dA-Za-z]+){0,6}`;
const LINK = String.raw`(?![\p{L}])[^\S\n]{0,3}(?:(?:is|was|es|number|n[uú]mero|no\.?|#|:|=|-)[^\S\n]{0,3}){0,3}`;

const CONTEXT_PATTERNS: Array<{ type: IdentifierType; pattern: RegExp }> = [
  { type: 'SSN', pattern: new RegExp(String.raw`\b(?:${SSN_WORDS})${LINK}(${ID_TOKEN})`, 'giu') },
  { type: 'PAYMENT_CARD', pattern: new RegExp(String.raw`\b(?:${CARD_WORDS})${LINK}(${ID_TOKEN})`, 'giu') },
  { type: 'RECORD_ID', pattern: new RegExp(String.raw`\b(?:${RECORD_WORDS})${LINK}(${ID_TOKEN})`, 'giu') },
];
const SSN_SHAPE = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const CARD_SHAPE = /(?<![\p{L}\d-])\d(?:[ -]?\d){12,18}(?!\d)/gu;
const IBAN_SHAPE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![\p{L}\p{N}])/gu;
// Letters and at least five digits in one token ("U62928788557186", "A1234567").
const ALNUM_ID =
  /(?<![\p{L}\p{N}_-])(?=[0-9]*[A-Za-z])(?=(?:[A-Za-z]*\d){5})[A-Za-z0-9]{6,24}(?![\p{L}\p{N}_])/gu;
// A digit run too long for a phone number.
const LONG_DIGIT_RUN = /(?<![\p{L}\p{N}_.+])\d{12,30}(?![\p{L}\p{N}_])/gu;
const AGE_OVER_89 =
  /(?<!\d)(?:9\d|1[01]\d)(?=[\s-]{0,2}(?:years?|yrs?|y\/o|yo\b|y\.o\.|años|anos)|(?<=\b(?:aged|age|edad|turned|cumpl[ií]|tengo|tiene)\s{1,3}\d{2,3}))(?!\d)/gi;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(value: string): boolean {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const chunk = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const c of chunk) remainder = (remainder * 10 + Number(c)) % 97;
  }
  return remainder === 1;
}

function span(type: IdentifierType, start: number, value: string): IdentifierSpan {
  const trimmed = value.replace(/[-.\s/]+$/, '');
  return { type, start, end: start + trimmed.length, value: trimmed };
}

export function detectRecordIds(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const { type, pattern } of CONTEXT_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1];
      if (digitsOnly(value).length < 4) continue;
      spans.push(span(type, m.index + m[0].length - value.length, value));
    }
  }
  for (const m of text.matchAll(SSN_SHAPE)) spans.push(span('SSN', m.index, m[0]));
  for (const m of text.matchAll(CARD_SHAPE)) {
    if (luhnValid(digitsOnly(m[0]))) spans.push(span('PAYMENT_CARD', m.index, m[0]));
  }
  for (const m of text.matchAll(IBAN_SHAPE)) {
    if (ibanValid(m[0])) spans.push(span('PAYMENT_CARD', m.index, m[0]));
  }
  for (const m of text.matchAll(ALNUM_ID)) spans.push(span('RECORD_ID', m.index, m[0]));
  for (const m of text.matchAll(LONG_DIGIT_RUN)) spans.push(span('RECORD_ID', m.index, m[0]));
  return spans;
}

export function detectAgesOver89(text: string): IdentifierSpan[] {
  return [...text.matchAll(AGE_OVER_89)].map((m) => span('AGE_OVER_89', m.index, m[0]));
}
