import type { IdentifierSpan } from './types';
import { detectIdentifiers, resolveOverlaps } from './detect-identifiers';
import type { KnownIdentifierFinder } from './known-identifiers';
import { nameLexicon } from './detectors/name-lexicon';
import { isCoarseDate, parseDateValue } from './detectors/dates';
import { digitsOnly, foldKey } from './text-folding';
import { PLACEHOLDER_LOOKALIKE } from './placeholders';
import { overlapping, overlapsAny } from './span-index';
import { normalizeForScan } from './scan-text';

/** A span to replace, with the key that says which values share a placeholder. */
export interface KeyedSpan extends IdentifierSpan {
  key: string;
  /** 'LITERAL' for placeholder look-alikes the patient typed. */
  label?: string;
}

const STRUCTURAL = new Set<IdentifierSpan['type']>(['EMAIL', 'URL', 'IP']);

/** Which detected values count as the same identifier, so they share one placeholder. */
function keyOf(span: IdentifierSpan): string {
  const v = span.value;
  switch (span.type) {
    case 'PHONE':
      return `phone:${digitsOnly(v).slice(-10)}`;
    case 'RECORD_ID':
    case 'SSN':
    case 'PAYMENT_CARD':
      return `${span.type}:${foldKey(v).replace(/[^a-z0-9]/g, '')}`;
    case 'DATE':
    case 'DOB': {
      const readings = parseDateValue(v);
      const only = readings.length === 1 ? readings[0] : undefined;
      return only
        ? `${span.type}:${only.year ?? ''}-${only.month}-${only.day ?? ''}`
        : `${span.type}:${foldKey(v)}`;
    }
    default:
      return `${span.type}:${foldKey(v).replace(/['’]s$/, '')}`;
  }
}

/** What is left of a name after the patient's own name is cut out must still look like a name. */
function keepsIdentity(span: IdentifierSpan, piece: string): boolean {
  if (span.type !== 'PERSON') return true;
  const lex = nameLexicon();
  const words = foldKey(piece).match(/[\p{L}\p{M}]+/gu) ?? [];
  return words.some((w) => lex.isName(w) || !lex.isCommonWord(w));
}

/** Pieces of a detected span not covered by higher-priority spans ("Dr. Maria Smith" less "Maria"). */
function remainders(span: IdentifierSpan, sortedCovering: IdentifierSpan[], text: string): IdentifierSpan[] {
  const pieces: IdentifierSpan[] = [];
  let cursor = span.start;
  const inside = overlapping(sortedCovering, span);
  for (const c of [...inside, { start: span.end, end: span.end } as IdentifierSpan]) {
    let start = cursor;
    let end = Math.min(c.start, span.end);
    while (start < end && /[\s,.;:'’-]/.test(text[start])) start++;
    while (end > start && /[\s,.;:-]/.test(text[end - 1])) end--;
    if (
      end - start >= 2 &&
      /[\p{L}\p{N}]/u.test(text.slice(start, end)) &&
      keepsIdentity(span, text.slice(start, end))
    ) {
      pieces.push({ type: span.type, start, end, value: text.slice(start, end) });
    }
    cursor = Math.max(cursor, c.end);
  }
  return pieces;
}

/**
 * Everything to replace in a text, disjoint and in order: first what the patient typed that looks
 * like a placeholder, then the chart's identifiers (and whole emails and links), then what the
 * free-text detector found outside those.
 */
export function planReplacements(text: string, finder: KnownIdentifierFinder): KeyedSpan[] {
  const scan = normalizeForScan(text);
  const literals: KeyedSpan[] = [...scan.text.matchAll(PLACEHOLDER_LOOKALIKE)].map((m) => {
    const { start, end } = scan.toOriginal(m.index, m.index + m[0].length);
    const value = text.slice(start, end);
    // The type is never used for a literal: its label is LITERAL.
    return { type: 'RECORD_ID', start, end, value, key: `literal:${value}`, label: 'LITERAL' };
  });
  const found = detectIdentifiers(text);
  // Known values outrank what the detector says, except that a whole email or link stays one
  // placeholder even when the patient's name is part of it.
  const structural = found.filter((s) => STRUCTURAL.has(s.type)).map((s) => ({ ...s, key: keyOf(s) }));
  const secondTier = resolveOverlaps(
    [...finder.find(text), ...structural].filter((k) => !overlapsAny(literals, k)),
  ) as KeyedSpan[];
  const firstTier = [...literals, ...secondTier].sort((a, b) => a.start - b.start);
  const detected = found
    .filter((s) => !STRUCTURAL.has(s.type) && !(s.type === 'DATE' && isCoarseDate(s.value)))
    .flatMap((s) => remainders(s, firstTier, text))
    .map((s) => ({ ...s, key: keyOf(s) }));
  return [...firstTier, ...detected].sort((a, b) => a.start - b.start);
}
