import type { IdentifierSpan, IdentifierType } from './types';
import { detectEmails, detectIpAddresses, detectPhones, detectUrls } from './detectors/contact';
import { detectDates } from './detectors/dates';
import { detectAddresses } from './detectors/addresses';
import { detectAgesOver89, detectRecordIds } from './detectors/record-ids';
import { detectPersonNames } from './detectors/person-names';
import { nameLexicon } from './detectors/name-lexicon';
import { insertSorted, overlapsAny } from './span-index';
import { normalizeForScan } from './scan-text';

/** Longer texts are refused rather than half-scanned: a partial scan could let identifiers through. */
export const MAX_TEXT_CHARS = 1_000_000;

// When two findings overlap, the more specific kind wins (an SSN is also a run of digits, a date in
// "2024-05-01 10:30" also looks like a phone number).
const PRIORITY: IdentifierType[] = [
  'EMAIL',
  'URL',
  'IP',
  'SSN',
  'PAYMENT_CARD',
  'DOB',
  'DATE',
  'ADDRESS',
  'RECORD_ID',
  'PHONE',
  'AGE_OVER_89',
  'PATIENT_NAME',
  'PERSON',
];

export function assertScannable(text: unknown, caller: string): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${caller} expects a string, got ${typeof text}`);
  if (text.length > MAX_TEXT_CHARS) {
    throw new RangeError(`${caller}: text of ${text.length} characters exceeds the ${MAX_TEXT_CHARS} limit`);
  }
}

/** Keeps, of overlapping spans, the higher-priority one (then the longer one); sorted by start. */
export function resolveOverlaps(spans: IdentifierSpan[]): IdentifierSpan[] {
  const holding = addressesHoldingOthers(spans);
  // An address holds dates, numbers and names of its own ("Calle 5 de Mayo 123"): it outranks what
  // it strictly contains.
  const rank = (s: IdentifierSpan) => (holding.has(s) ? -1 : PRIORITY.indexOf(s.type));
  const ordered = spans
    .map((span) => ({ span, rank: rank(span) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.span.end - b.span.start - (a.span.end - a.span.start) ||
        a.span.start - b.span.start,
    );
  const kept: IdentifierSpan[] = [];
  // Accepted spans are disjoint; a sorted array with binary search keeps this O(n log n).
  for (const { span } of ordered) {
    if (span.end <= span.start) continue;
    if (!overlapsAny(kept, span)) insertSorted(kept, span);
  }
  return kept;
}

/** Address spans that strictly contain some other finding, found with one sort and binary searches. */
function addressesHoldingOthers(spans: IdentifierSpan[]): Set<IdentifierSpan> {
  const others = spans.filter((s) => s.type !== 'ADDRESS').sort((a, b) => a.start - b.start);
  const holding = new Set<IdentifierSpan>();
  for (const address of spans) {
    if (address.type !== 'ADDRESS') continue;
    let lo = 0;
    let hi = others.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (others[mid].start < address.start) lo = mid + 1;
      else hi = mid;
    }
    // Spans starting inside the address, in order; the shortest-ending one decides containment.
    for (let k = lo; k < others.length && others[k].start < address.end; k++) {
      if (contains(address, others[k])) {
        holding.add(address);
        break;
      }
      if (k - lo > 8) break; // bounded: an address holds only a few findings
    }
  }
  return holding;
}

function contains(outer: IdentifierSpan, inner: IdentifierSpan): boolean {
  return (
    outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start
  );
}

/** Finds identifiers in free text: phones, emails, dates, ids, addresses, links, people's names. */
export function detectIdentifiers(original: string): IdentifierSpan[] {
  assertScannable(original, 'detectIdentifiers');
  if (original.trim() === '') return [];
  const scan = normalizeForScan(original);
  return detectInScanText(scan.text).map((span) => {
    const { start, end } = scan.toOriginal(span.start, span.end);
    return { type: span.type, start, end, value: original.slice(start, end) };
  });
}

function detectInScanText(text: string): IdentifierSpan[] {
  const lexicon = nameLexicon();
  return resolveOverlaps([
    ...detectEmails(text),
    ...detectUrls(text),
    ...detectIpAddresses(text),
    ...detectRecordIds(text),
    ...detectDates(text),
    ...detectPhones(text),
    ...detectAddresses(text, lexicon.isCommonWord),
    ...detectAgesOver89(text),
    ...detectPersonNames(text, lexicon),
  ]);
}
