/**
 * The CSV exports: per-message rows straight from the database cursor (constant memory, no row
 * cap; the socket's backpressure paces the cursor) and aggregate rows. RFC 4180 through
 * Papa Parse (csvText): CRLF records, fields quoted when needed. Each export is an audit event.
 * messages.csv is written by a worker thread (./csv-worker.ts): this thread reads and measures a batch
 * into numbers while the worker formats and stringifies the one before.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { recordEvent } from '../audit';
import type { Db } from '../db';
import {
  MESSAGE_COLUMNS,
  recordTexts,
  SUMMARY_COLUMNS,
  type Column,
  type SummaryRowContext,
} from './csv-columns';
import { measureInto, SLOT_WIDTH } from './measure';
import { DIMENSIONS, type Filters } from './query';
import { csvText, RECORD_TEXTS } from './csv-record';
import { MessagesCsvWorker } from './csv-worker';
import { streamMilestoneBatches } from './repository';
import { emptyGroup } from './stats';
import {
  backlogByBucket,
  collectMeasures,
  letOthersRun,
  measureContext,
  type ReportContext,
} from './summary';

export interface Exporter {
  userId: string;
  /** A browser session, an API token, or the export command line (npm run reports:export). */
  via: 'session' | 'api_token' | 'cli';
}

export type ExportKind = 'messages' | 'summary';

/** Records per csvText call and socket write (~250 KB of messages.csv): small enough that
 * rows die young (a scavenge, not a full collection), big enough to amortize each call. */
const BATCH_ROWS = 500;

const clientWentAway = () =>
  Object.assign(new Error('client went away'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });

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
 * Writes records (arrays of strings) as RFC 4180 CSV (csvText: CRLF records, quoting where
 * needed), a batch of records per write. The source is pulled only as fast as `out` drains, so a
 * slow client slows the database cursor instead of filling memory.
 */
async function writeCsv(header: string[], records: AsyncIterable<string[]>, out: Writable): Promise<void> {
  const write = socketWriter(out);
  await write(csvText([header]));
  let batch: string[][] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length === BATCH_ROWS) {
      await write(csvText(batch));
      batch = [];
    }
  }
  if (batch.length) await write(csvText(batch));
}

/** Records of `rows`; a row's figures may be a pass over many messages, so others run between rows. */
async function* columnRecords<T>(columns: Column<T>[], rows: Iterable<T>): AsyncIterable<string[]> {
  for (const row of rows) {
    yield columns.map((c) => String(c.value(row)));
    await letOthersRun();
  }
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

/** Batches on the worker or being written at once: bounds memory, keeps both threads busy. */
const IN_FLIGHT = 3;

export async function exportMessagesCsv(
  db: Db,
  ctx: ReportContext,
  filters: Filters,
  who: Exporter,
  out: Writable,
): Promise<number> {
  const mctx = measureContext(ctx);
  return auditedExport(db, ctx, filters, who, 'messages', async (count) => {
    const write = socketWriter(out);
    await write(csvText([MESSAGE_COLUMNS.map((c) => c.name)]));
    // The cursor prefetches batch k + 1 while this thread measures batch k and the CSV worker
    // formats batch k - 1; at most IN_FLIGHT batches wait for the worker or the socket.
    const worker = new MessagesCsvWorker(ctx.range.zone);
    const inFlight: Promise<Buffer>[] = [];
    try {
      const selection = { start: ctx.range.start, end: ctx.range.end };
      for await (const batch of streamMilestoneBatches(db, selection, filters)) {
        const numbers = new Float64Array(batch.length * SLOT_WIDTH);
        const texts: string[] = new Array(batch.length * RECORD_TEXTS);
        for (let i = 0; i < batch.length; i++) {
          count();
          measureInto(batch[i], mctx, numbers, i * SLOT_WIDTH);
          recordTexts(batch[i], texts, i * RECORD_TEXTS);
        }
        inFlight.push(worker.format(batch.length, numbers, texts));
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
  // Each stats() is a pass over every message: other requests get a turn between them.
  await letOthersRun();
  const byBucket = new Map(columns.stats('bucket').map((g) => [g.bucket as number, g]));
  ctx.buckets.forEach((bucket, b) => {
    // Every bucket has its "all" row, empty days too: the backlog goes on without new messages.
    const g = byBucket.get(b) ?? emptyGroup('all', b);
    push({ period: 'bucket', bucket, dimension: 'all', g, backlog: backlog[b] }, b);
  });
  for (const dim of DIMENSIONS) {
    await letOthersRun();
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
    await letOthersRun();
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
