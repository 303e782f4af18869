/**
 * The thread that writes messages.csv text (./csv-worker-thread.ts), seen from the export: the
 * export measures each batch of rows into numbers and texts, and the worker formats times and
 * seconds, writes the CSV text and hands back its UTF-8 bytes. Batches come back in the order sent.
 *
 * The worker loads the thread module by path: the compiled .js in a build, the .ts source (through
 * tsx's CommonJS hook) under tsx or jest. Its young generation is capped: its garbage is short-lived
 * strings, and an uncapped isolate grows tens of MB for nothing.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormatReply, WorkerConfig } from './csv-worker-thread';

const BOOT = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
require(workerData.entry);
`;

const ENTRY = join(__dirname, `csv-worker-thread${extname(__filename)}`);

/** Measured at 1,000,000 rows: 4 MB cost a quarter of the rows/s; 16 MB or more only added RSS. */
const WORKER_YOUNG_GENERATION_MB = 8;

export class MessagesCsvWorker {
  private readonly worker: Worker;
  private readonly pending: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | null = null;

  constructor(zone: string) {
    const config: WorkerConfig & { entry: string; tsx: string | null } = {
      role: 'messages-csv',
      zone,
      entry: ENTRY,
      tsx: ENTRY.endsWith('.ts') ? require.resolve('tsx/cjs/api') : null,
    };
    this.worker = new Worker(BOOT, {
      eval: true,
      workerData: config,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (reply: FormatReply) => {
      const next = this.pending.shift();
      if (!next) return;
      if ('error' in reply) next.reject(new Error(`messages.csv worker: ${reply.error}`));
      else next.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    });
    const fail = (err: Error) => {
      this.failed = err;
      for (const p of this.pending.splice(0)) p.reject(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`messages.csv worker exited (${code})`)));
  }

  /**
   * The CSV records of `count` measured messages: `numbers` in SLOT layout (its buffer moves to the
   * worker and is unusable here afterwards), `texts` in recordTexts layout. The texts travel as one
   * string joined by NUL, which none can hold (PostgreSQL text cannot store NUL): one copy instead of
   * cloning thousands of strings.
   */
  format(count: number, numbers: Float64Array, texts: string[]): Promise<Buffer> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage({ count, numbers, texts: texts.join('\0') }, [numbers.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    for (const p of this.pending.splice(0)) p.reject(new Error('messages.csv worker closed'));
    await this.worker.terminate();
  }
}
