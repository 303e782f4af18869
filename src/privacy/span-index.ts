import type { IdentifierSpan } from './types';

/**
 * Helpers over an array of disjoint spans sorted by start, so that overlap questions cost a binary
 * search instead of a scan (texts of 100 KB can hold thousands of findings).
 */

/** Index of the first span that ends after `position`. */
function firstEndingAfter(sorted: IdentifierSpan[], position: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function overlapsAny(sorted: IdentifierSpan[], span: IdentifierSpan): boolean {
  const k = firstEndingAfter(sorted, span.start);
  return k < sorted.length && sorted[k].start < span.end;
}

export function overlapping<T extends IdentifierSpan>(sorted: T[], span: IdentifierSpan): T[] {
  const out: T[] = [];
  for (let k = firstEndingAfter(sorted, span.start); k < sorted.length && sorted[k].start < span.end; k++) {
    out.push(sorted[k]);
  }
  return out;
}

export function insertSorted(sorted: IdentifierSpan[], span: IdentifierSpan): void {
  sorted.splice(firstEndingAfter(sorted, span.start), 0, span);
}
