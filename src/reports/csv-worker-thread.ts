/**
 * The messages.csv worker thread (started by ./csv-worker.ts): turns batches of measured rows into
 * RFC 4180 text (csvText: CRLF records, quoting where needed) and hands back their UTF-8
 * bytes, transferred, not copied. It formats the times and seconds itself, so the thread reading the
 * database only measures: the two halves of the work overlap on two cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvText, RECORD_CELLS, RECORD_TEXTS, writeMessageRecord } from './csv-record';
import { SLOT_WIDTH } from './measure-layout';
import { isoFormatter } from './time-format';

export interface FormatRequest {
  count: number;
  /** count × SLOT_WIDTH numbers (measureInto). */
  numbers: Float64Array;
  /** count × RECORD_TEXTS texts (recordTexts) joined by NUL, which no text can hold. */
  texts: string;
}

export type FormatReply = { bytes: Uint8Array } | { error: string };

/** One batch's CSV text. */
export function formatBatch(request: FormatRequest, iso: (ms: number | null) => string): string {
  const { count, numbers } = request;
  const texts = count === 0 ? [] : request.texts.split('\0');
  if (numbers.length !== count * SLOT_WIDTH || texts.length !== count * RECORD_TEXTS)
    throw new Error('a messages.csv batch does not have the size it says');
  const records: string[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const cells: string[] = new Array(RECORD_CELLS);
    writeMessageRecord(numbers, i * SLOT_WIDTH, texts, i * RECORD_TEXTS, iso, cells, 0);
    records[i] = cells;
  }
  return csvText(records);
}

export interface WorkerConfig {
  role: 'messages-csv';
  zone: string;
}

const config = workerData as WorkerConfig | null;
if (parentPort && config?.role === 'messages-csv') {
  const port = parentPort;
  const iso = isoFormatter(config.zone);
  const encoder = new TextEncoder();
  port.on('message', (request: FormatRequest) => {
    let reply: FormatReply;
    try {
      reply = { bytes: encoder.encode(formatBatch(request, iso)) };
    } catch (err) {
      reply = { error: err instanceof Error ? err.message : String(err) };
    }
    const bytes = 'bytes' in reply ? reply.bytes : null;
    const whole = bytes !== null && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    port.postMessage(reply, whole ? [bytes.buffer as ArrayBuffer] : []);
  });
}
