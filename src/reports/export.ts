/**
 * The CSV exports: per-message rows straight from the database cursor (constant memory, no row
 * cap; the socket's backpressure paces the cursor) and aggregate rows. RFC 4180 through
 * csv-stringify: CRLF records, fields quoted when needed. Each export is an audit event.
 * messages.csv runs csv-stringify on a worker thread (./csv-worker.ts) so that stringifying one batch
 * overlaps with measuring the next: at 100,000 rows about twice the rows/s of doing both here.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import {
  MESSAGE_COLUMNS,
  writeMessageRecord,
  SUMMARY_COLUMNS,
  type Column,
  type SummaryRowContext,
} from './csv-columns';
import { measure } from './measure';
import { DIMENSIONS, type Filters } from './query';
import { CsvWorker } from './csv-worker';
import { streamMilestoneBatches } from './repository';
import { emptyGroup } from './stats';
import { backlogByBucket, collectMeasures, measureContext, type ReportContext } from './summary';
import { isoFormatter } from './time-format';

export interface Exporter {
  userId: string;
  via: 'session' | 'api_token';
}

export type ExportKind = 'messages' | 'summary';

/** Records per csv-stringify call and socket write (~250 KB of messages.csv): small enough that
 * rows die young (a scavenge, not a full collection), big enough to amortize each call. */
const BATCH_ROWS = 500;

const clientWentAway = () =>
  Object.assign(new Error('client went away'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });

const CSV_OPTIONS = { record_delimiter: 'windows' as const };

/** Writes to `out`, waiting for 'drain' when it is full; fails at once if the client went away. */
function socketWriter(out: Writable): (chunk: string | Buffer) => Promise<void> {
  const closed = new Promise<never>((_, reject) => out.once('close', () => reject(clientWentAway())));
  closed.catch(() => undefined);
  return async (chunk) => {
    if (out.destroyed) throw clientWentAway();
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), closed]);
  };
}

/**
 * Writes records (arrays of strings) as RFC 4180 CSV (csv-stringify: CRLF records, quoting where
 * needed), a batch of records per write. The source is pulled only as fast as `out` drains, so a
 * slow client slows the database cursor instead of filling memory.
 */
async function writeCsv(header: string[], records: AsyncIterable<string[]>, out: Writable): Promise<void> {
  const write = socketWriter(out);
  await write(stringifySync([header], CSV_OPTIONS));
  let batch: string[][] = [];
  for await (const record of records) {
    // Arrays of strings: csv-stringify has nothing to cast or look up, only quoting to decide.
    batch.push(record);
    if (batch.length === BATCH_ROWS) {
      await write(stringifySync(batch, CSV_OPTIONS));
      batch = [];
    }
  }
  if (batch.length) await write(stringifySync(batch, CSV_OPTIONS));
}

async function* columnRecords<T>(columns: Column<T>[], rows: Iterable<T>): AsyncIterable<string[]> {
  for (const row of rows) yield columns.map((c) => String(c.value(row)));
}

/** Streams one CSV and records `reports.exported` (with `complete: false` if it broke off). */
async function auditedExport(
  db: Db,
  ctx: ReportContext,
  filters: Filters,
  who: Exporter,
  kind: ExportKind,
  write: (count: () => void) => Promise<void>,
): Promise<number> {
  let rows = 0;
  let complete = false;
  try {
    await write(() => rows++);
    complete = true;
    return rows;
  } finally {
    // Recorded before the last byte goes out, so a finished download always has its event.
    await recordEvent(db, {
      actor: `user:${who.userId}`,
      action: 'reports.exported',
      data: {
        kind,
        from: ctx.range.from,
        to: ctx.range.to,
        by: ctx.range.by,
        zone: ctx.range.zone,
        filters: { ...filters },
        rows,
        via: who.via,
        complete,
      },
    });
  }
}

/** Batches stringified on the worker or being written at once: bounds memory, keeps both busy. */
const IN_FLIGHT = 3;

export async function exportMessagesCsv(
  db: Db,
  ctx: ReportContext,
  filters: Filters,
  who: Exporter,
  out: Writable,
): Promise<number> {
  const iso = isoFormatter(ctx.range.zone);
  const mctx = measureContext(ctx);
  const width = MESSAGE_COLUMNS.length;
  return auditedExport(db, ctx, filters, who, 'messages', async (count) => {
    const write = socketWriter(out);
    await write(stringifySync([MESSAGE_COLUMNS.map((c) => c.name)], CSV_OPTIONS));
    // The cursor prefetches batch k + 1 while this thread measures batch k and the CSV worker
    // stringifies batch k - 1; at most IN_FLIGHT batches wait for the worker or the socket.
    const worker = new CsvWorker();
    const inFlight: Promise<Buffer>[] = [];
    try {
      const selection = { start: ctx.range.start, end: ctx.range.end };
      for await (const batch of streamMilestoneBatches(db, selection, filters)) {
        const cells: string[] = new Array(batch.length * width);
        for (let i = 0; i < batch.length; i++) {
          count();
          writeMessageRecord(measure(batch[i], mctx), iso, cells, i * width);
        }
        inFlight.push(worker.stringify(cells, width));
        // Nothing waits unobserved: a worker failure surfaces at its turn below.
        inFlight[inFlight.length - 1].catch(() => undefined);
        while (inFlight.length >= IN_FLIGHT) await write(await (inFlight.shift() as Promise<Buffer>));
      }
      while (inFlight.length) await write(await (inFlight.shift() as Promise<Buffer>));
    } finally {
      await worker.close();
    }
  });
}

/** Rows per bucket (all, then each dimension's groups), then the same for the whole range. */
export async function exportSummaryCsv(
  db: Db,
  ctx: ReportContext,
  filters: Filters,
  who: Exporter,
  out: Writable,
): Promise<number> {
  const [columns, backlog] = await Promise.all([
    collectMeasures(db, ctx, filters),
    backlogByBucket(db, ctx, filters),
  ]);
  const whole = {
    from: ctx.range.from,
    to: ctx.range.to,
    label: 'range',
    start: ctx.range.start.getTime(),
    end: ctx.range.end.getTime(),
  };
  const rowsOut: SummaryRowContext[] = [];
  const perBucket = new Map<number, SummaryRowContext[]>();
  const push = (row: SummaryRowContext, bucket: number) => {
    const list = perBucket.get(bucket) ?? [];
    list.push(row);
    perBucket.set(bucket, list);
  };
  const byBucket = new Map(columns.stats('bucket').map((g) => [g.bucket as number, g]));
  ctx.buckets.forEach((bucket, b) => {
    // Every bucket has its "all" row, empty days too: the backlog goes on without new messages.
    const g = byBucket.get(b) ?? emptyGroup('all', b);
    push({ period: 'bucket', bucket, dimension: 'all', g, backlog: backlog[b] }, b);
  });
  for (const dim of DIMENSIONS) {
    for (const g of columns.stats({ bucketAnd: dim })) {
      push(
        { period: 'bucket', bucket: ctx.buckets[g.bucket as number], dimension: dim, g, backlog: null },
        g.bucket as number,
      );
    }
  }
  for (let b = 0; b < ctx.buckets.length; b++) rowsOut.push(...(perBucket.get(b) ?? []));
  const all = columns.stats('all')[0] ?? emptyGroup('all', null);
  rowsOut.push({ period: 'range', bucket: whole, dimension: 'all', g: all, backlog: backlog.at(-1) ?? null });
  for (const dim of DIMENSIONS) {
    for (const g of columns.stats(dim))
      rowsOut.push({ period: 'range', bucket: whole, dimension: dim, g, backlog: null });
  }
  return auditedExport(db, ctx, filters, who, 'summary', async (count) => {
    function* rows() {
      for (const row of rowsOut) {
        count();
        yield row;
      }
    }
    await writeCsv(
      SUMMARY_COLUMNS.map((c) => c.name),
      columnRecords(SUMMARY_COLUMNS, rows()),
      out,
    );
  });
}
