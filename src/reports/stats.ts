/**
 * Aggregates over measured messages, kept column by column (typed arrays) so a million messages
 * cost about 150 MB and any grouping (urgency, category, language, staff, bucket, or bucket × one
 * of them) is computed from the same columns.
 *
 * Percentiles are nearest-rank: the p-th percentile of n values sorted ascending is the value at
 * rank ceil(p/100 × n) (1-based). The median is p50, so for an even count it is the lower of the two
 * middle values. Every figure is a value that was actually measured; a group without any value for
 * an interval has no figure (shown as —), never 0.
 */
import { EDIT_CLASSES, INTERVALS, SLA_STATUSES, SLOT } from './measure-layout';
import type { AggregateRow } from './repository';
import { CATEGORY_FILTERS, URGENCY_FILTERS, type Dimension } from './query';

export interface Stat {
  n: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface GroupStats {
  /** Group code ('all' for everything); bucket index when grouped by bucket. */
  key: string;
  bucket: number | null;
  count: number;
  /** Per interval, in INTERVALS order, ms. */
  wall: Stat[];
  business: Stat[];
  sla: { met: number; missed: number; pending: number };
  sent: number;
  closed: number;
  open: number;
  approved: number;
  fromDraft: number;
  edit: { unchanged: number; light: number; heavy: number };
  regenerations: number;
  regenerated: number;
  feedback: { useful: number; notUseful: number };
}

/** 1-based nearest rank of the p-th percentile of n values. */
const rankOf = (n: number, p: number) => Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));

export function nearestRank(sorted: ArrayLike<number>, n: number, p: number): number | null {
  if (n === 0) return null;
  return sorted[rankOf(n, p) - 1];
}

/**
 * Moves the value that sorting would put at index k of a[lo..hi] there, smaller-or-equal ones before
 * it and greater-or-equal ones after (Hoare's selection, median-of-three pivots): the nearest-rank
 * value without sorting, linear on average. The values must not be NaN.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot, which also guards the scans below.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Median, p90 and max of values[0..n) (reordered in place). */
export function statOf(values: Float64Array, n: number): Stat {
  if (n === 0) return { n, median: null, p90: null, max: null };
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
  const k90 = rankOf(n, 90) - 1;
  const p90 = selectInPlace(values, 0, n - 1, k90);
  // Everything before k90 is now <= p90: the median (a lower rank) is among them.
  const median = selectInPlace(values, 0, k90, rankOf(n, 50) - 1);
  return { n, median, p90, max };
}

/** One scratch buffer for gathering an interval's values (the work is synchronous). */
let scratchBuffer = new Float64Array(1024);
function scratchOf(n: number): Float64Array {
  if (scratchBuffer.length < n) scratchBuffer = new Float64Array(Math.max(n, scratchBuffer.length * 2));
  return scratchBuffer;
}

const K = INTERVALS.length;
const { wall: WALL, business: BUSINESS, sla: SLA, draftUsed: DRAFT_USED, editClass: EDIT_CLASS } = SLOT;

/** Where each dimension's known codes go, in this order; a dimension's "no value" group goes last. */
const LISTED_ORDER: Partial<Record<Dimension, readonly string[]>> = {
  urgency: URGENCY_FILTERS,
  category: CATEGORY_FILTERS,
};
const NO_VALUE = new Set(['untriaged', 'unknown', 'none']);

/**
 * Urgency and category groups as the rubric lists them (emergent first); languages and staff by
 * code; "untriaged", "unknown" and "none" last.
 */
export function groupOrder(dim: Dimension): (a: string, b: string) => number {
  const listed = LISTED_ORDER[dim];
  const rank = (key: string) => (NO_VALUE.has(key) ? 2 : listed && !listed.includes(key) ? 1 : 0);
  return (a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (listed && rank(a) === 0) return listed.indexOf(a) - listed.indexOf(b);
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

export type GroupBy = 'all' | Dimension | 'bucket' | { bucketAnd: Dimension };

export class MeasureColumns {
  count = 0;
  private cap: number;
  private wall: Float64Array;
  private business: Float64Array;
  private ints: Int32Array;
  readonly dictionaries: Record<Dimension, Map<string, number>> = {
    urgency: new Map(),
    category: new Map(),
    language: new Map(),
    staff: new Map(),
  };

  /**
   * `expected`: how many messages will be added, counted beforehand. Sized exactly, a million
   * messages never hold the old and the doubled arrays at once (about 90 MB more at the peak); more
   * than expected (messages received meanwhile) still fit by growing.
   */
  constructor(expected = 0) {
    this.cap = Math.max(1024, expected);
    this.wall = new Float64Array(this.cap * K);
    this.business = new Float64Array(this.cap * K);
    this.ints = new Int32Array(this.cap * 12);
  }

  private grow(): void {
    this.cap *= 2;
    const copy = <T extends Float64Array | Int32Array>(old: T, width: number): T => {
      const next = new (old.constructor as new (n: number) => T)(this.cap * width);
      next.set(old);
      return next;
    };
    this.wall = copy(this.wall, K);
    this.business = copy(this.business, K);
    this.ints = copy(this.ints, 12);
  }

  private code(dim: Dimension, value: string): number {
    const dict = this.dictionaries[dim];
    let code = dict.get(value);
    if (code === undefined) {
      code = dict.size;
      dict.set(value, code);
    }
    return code;
  }

  /** One message: its measureInto() row at f[fo ..], its group codes and its bucket. */
  add(f: Float64Array, fo: number, row: AggregateRow, bucket: number): void {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    for (let k = 0; k < K; k++) {
      this.wall[i * K + k] = f[fo + WALL + k];
      this.business[i * K + k] = f[fo + BUSINESS + k];
    }
    const o = i * 12;
    const draftUsed = f[fo + DRAFT_USED];
    const editClass = f[fo + EDIT_CLASS];
    this.ints[o] = bucket;
    this.ints[o + 1] = this.code('urgency', row.urgency ?? 'untriaged');
    this.ints[o + 2] = this.code('category', row.category ?? 'untriaged');
    this.ints[o + 3] = this.code('language', row.language ?? 'unknown');
    this.ints[o + 4] = this.code('staff', row.staff ?? 'none');
    this.ints[o + 5] = f[fo + SLA];
    this.ints[o + 6] = draftUsed === draftUsed ? draftUsed : -1;
    this.ints[o + 7] = editClass === editClass ? editClass + 1 : 0;
    this.ints[o + 8] = row.regenerations;
    this.ints[o + 9] = row.feedback_useful;
    this.ints[o + 10] = row.feedback_not_useful;
    this.ints[o + 11] = row.sent !== null ? 1 : row.closed !== null ? 2 : 0;
  }

  /** Groups in bucket order, then in groupOrder(): the same order whatever order rows came in. */
  stats(by: GroupBy): GroupStats[] {
    const dimSlot = { urgency: 1, category: 2, language: 3, staff: 4 } as const;
    const dim = typeof by === 'object' ? by.bucketAnd : by === 'all' || by === 'bucket' ? null : by;
    const width = dim ? this.dictionaries[dim].size : 1;
    const keyOf = (i: number): number => {
      const g = dim ? this.ints[i * 12 + dimSlot[dim]] : 0;
      return by === 'bucket' || typeof by === 'object' ? this.ints[i * 12] * width + g : g;
    };
    // Counting sort of row indexes by group key.
    const keys = new Int32Array(this.count);
    let maxKey = -1;
    for (let i = 0; i < this.count; i++) maxKey = Math.max(maxKey, (keys[i] = keyOf(i)));
    const starts = new Int32Array(maxKey + 2);
    for (let i = 0; i < this.count; i++) starts[keys[i] + 1]++;
    for (let k = 0; k <= maxKey; k++) starts[k + 1] += starts[k];
    const order = new Int32Array(this.count);
    const fill = starts.slice(0, maxKey + 1);
    for (let i = 0; i < this.count; i++) order[fill[keys[i]]++] = i;
    const names = dim ? [...this.dictionaries[dim].keys()] : ['all'];
    const out: GroupStats[] = [];
    for (let key = 0; key <= maxKey; key++) {
      const from = starts[key];
      const to = starts[key + 1];
      if (to === from) continue;
      const rows = order.subarray(from, to);
      const bucket = by === 'bucket' || typeof by === 'object' ? Math.floor(key / width) : null;
      out.push(this.groupOf(names[key % width], bucket, rows));
    }
    if (!dim) return out;
    const byKey = groupOrder(dim);
    return out.sort((a, b) => (a.bucket ?? 0) - (b.bucket ?? 0) || byKey(a.key, b.key));
  }

  private intervalStat(values: Float64Array, rows: Int32Array, k: number): Stat {
    const scratch = scratchOf(rows.length);
    let n = 0;
    for (let r = 0; r < rows.length; r++) {
      const v = values[rows[r] * K + k];
      if (v === v) scratch[n++] = v; // not NaN
    }
    return statOf(scratch, n);
  }

  /**
   * A group's figures. Its interval statistics are worked out when first read (the page shows a few
   * of them per group; summary.csv all), from the rows as they were when the group was made.
   */
  private groupOf(key: string, bucket: number | null, rows: Int32Array): GroupStats {
    // Each interval's figures are worked out when first read: a page reads a few per group.
    const lazyStats = (values: Float64Array): Stat[] => {
      const list: Stat[] = new Array(K);
      for (let k = 0; k < K; k++) {
        let memo: Stat | undefined;
        Object.defineProperty(list, k, {
          enumerable: true,
          get: () => (memo ??= this.intervalStat(values, rows, k)),
        });
      }
      return list;
    };
    const g: GroupStats = {
      ...emptyGroup(key, bucket),
      count: rows.length,
      wall: lazyStats(this.wall),
      business: lazyStats(this.business),
    };
    for (let r = 0; r < rows.length; r++) {
      const o = rows[r] * 12;
      g.sla[SLA_STATUSES[this.ints[o + 5]]]++;
      if (this.ints[o + 6] >= 0) g.approved++;
      if (this.ints[o + 6] === 1) g.fromDraft++;
      // 0: not a draft-started approved reply; else 1 + its EDIT_CLASSES index.
      if (this.ints[o + 7] > 0) g.edit[EDIT_CLASSES[this.ints[o + 7] - 1]]++;
      g.regenerations += this.ints[o + 8];
      if (this.ints[o + 8] > 0) g.regenerated++;
      g.feedback.useful += this.ints[o + 9];
      g.feedback.notUseful += this.ints[o + 10];
      const state = this.ints[o + 11];
      if (state === 1) g.sent++;
      else if (state === 2) g.closed++;
      else g.open++;
    }
    return g;
  }
}

/** SLA compliance: met / (met + missed); pending messages (open, not yet due) are not judged yet. */
export const slaCompliance = (g: GroupStats): number | null =>
  g.sla.met + g.sla.missed === 0 ? null : g.sla.met / (g.sla.met + g.sla.missed);

/** Draft utilization: approved replies started from a draft / all approved replies. */
export const draftUtilization = (g: GroupStats): number | null =>
  g.approved === 0 ? null : g.fromDraft / g.approved;

const EMPTY_STAT: Stat = { n: 0, median: null, p90: null, max: null };

/** A group with no messages (an empty day still has a row and a backlog). */
export function emptyGroup(key: string, bucket: number | null): GroupStats {
  return {
    key,
    bucket,
    count: 0,
    wall: INTERVALS.map(() => EMPTY_STAT),
    business: INTERVALS.map(() => EMPTY_STAT),
    sla: { met: 0, missed: 0, pending: 0 },
    sent: 0,
    closed: 0,
    open: 0,
    approved: 0,
    fromDraft: 0,
    edit: { unchanged: 0, light: 0, heavy: 0 },
    regenerations: 0,
    regenerated: 0,
    feedback: { useful: 0, notUseful: 0 },
  };
}
