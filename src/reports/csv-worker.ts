/**
 * csv-stringify on a worker thread, for messages.csv: the main thread reads, measures and formats
 * cells, the worker turns each batch into RFC 4180 text (CRLF records, quoting where needed) and
 * hands back its UTF-8 bytes (transferred, not copied). The two overlap, on two cores.
 *
 * The worker's code is a string evaluated by Node (no .ts file to load, so it runs the same under
 * tsx, jest and the compiled build); it loads csv-stringify by the path this module resolves.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { stringify } = require(workerData.csvStringify);
const options = { record_delimiter: 'windows' };
const encoder = new TextEncoder();
parentPort.on('message', (msg) => {
  try {
    const { width, text } = msg;
    const cells = text.split('\\0');
    const records = [];
    for (let i = 0; i < cells.length; i += width) records.push(cells.slice(i, i + width));
    const bytes = encoder.encode(stringify(records, options));
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    parentPort.postMessage({ bytes }, whole ? [bytes.buffer] : []);
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;

/** One worker per export; batches come back in the order they were sent. */
export class CsvWorker {
  private readonly worker: Worker;
  private readonly pending: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | null = null;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { csvStringify: require.resolve('csv-stringify/sync') },
    });
    this.worker.on('message', (msg: { bytes?: Uint8Array; error?: string }) => {
      const next = this.pending.shift();
      if (!next) return;
      if (msg.error !== undefined || !msg.bytes) next.reject(new Error(`csv worker: ${msg.error}`));
      else next.resolve(Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength));
    });
    const fail = (err: Error) => {
      this.failed = err;
      for (const p of this.pending.splice(0)) p.reject(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`csv worker exited (${code})`)));
  }

  /**
   * RFC 4180 text of the records in `cells` (row-major, `width` cells per record). The cells travel
   * as one string joined by NUL, which no cell can hold (PostgreSQL text cannot store NUL, and the
   * other cells are numbers, times and codes): one copy instead of structured-cloning each cell.
   */
  stringify(cells: string[], width: number): Promise<Buffer> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage({ width, text: cells.join('\0') });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    for (const p of this.pending.splice(0)) p.reject(new Error('csv worker closed'));
    await this.worker.terminate();
  }
}
