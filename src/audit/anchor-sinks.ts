/**
 * Where the chain's head is noted outside the database: an append-only file (on another disk, a
 * WORM mount, a log shipper's input) or an HTTP endpoint (a log service, an object-lock bucket's
 * gateway). Whoever can rewrite the database must also rewrite the sink to hide it.
 *
 * An anchor is one JSON object: { id, hash, at } (the head event's id and hash, when it was noted).
 * File: one anchor per line, appended. HTTP: each anchor is POSTed as JSON; reading back GETs the
 * same URL, whose answer may be one anchor, an array of them, or JSON lines: the highest id counts.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { z } from 'zod';

export const AuditAnchor = z.object({
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

export interface AnchorSink {
  /** Human words for where it is (no secrets): "file /var/…", "https://host/path". */
  describe(): string;
  append(anchor: AuditAnchor): Promise<void>;
  /** The anchor with the highest id noted so far; undefined when none was. */
  latest(): Promise<AuditAnchor | undefined>;
}

export class AnchorSinkError extends Error {
  override name = 'AnchorSinkError';
}

/** The anchor with the highest id among JSON values; lines that are not anchors are skipped. */
export function latestAnchorOf(values: unknown[]): AuditAnchor | undefined {
  let best: AuditAnchor | undefined;
  for (const value of values) {
    const parsed = AuditAnchor.safeParse(value);
    if (parsed.success && (!best || parsed.data.id > best.id)) best = parsed.data;
  }
  return best;
}

function parseJsonLines(text: string): unknown[] {
  const out: unknown[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line cut short by a crash mid-write is skipped; the anchors before it still count.
    }
  }
  return out;
}

/** How much of the file's end is read back: thousands of anchors, far more than the last one needs. */
const TAIL_BYTES = 256 * 1024;

export function fileAnchorSink(path: string): AnchorSink {
  return {
    describe: () => `file ${path}`,
    async append(anchor) {
      // O_APPEND: each line lands whole at the end, whoever else appends; sync so a crash keeps it.
      const handle = await open(path, 'a', 0o640);
      try {
        await handle.write(`${JSON.stringify(AuditAnchor.parse(anchor))}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async latest() {
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return undefined;
        throw err;
      }
      if (size <= TAIL_BYTES) return latestAnchorOf(parseJsonLines(await readFile(path, 'utf8')));
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(TAIL_BYTES);
        await handle.read(buffer, 0, TAIL_BYTES, size - TAIL_BYTES);
        return latestAnchorOf(parseJsonLines(buffer.toString('utf8')));
      } finally {
        await handle.close();
      }
    },
  };
}

export function httpAnchorSink(
  url: string,
  options: { token?: string; timeoutMs?: number } = {},
): AnchorSink {
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const timeoutMs = options.timeoutMs ?? 10_000;
  const where = new URL(url);
  const shown = `${where.origin}${where.pathname}`;
  return {
    describe: () => shown,
    async append(anchor) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(AuditAnchor.parse(anchor)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new AnchorSinkError(`anchor sink answered ${res.status}`);
      await res.arrayBuffer();
    },
    async latest() {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      if (res.status === 404) return undefined;
      if (!res.ok) throw new AnchorSinkError(`anchor sink answered ${res.status}`);
      const text = await res.text();
      try {
        const value: unknown = JSON.parse(text);
        return latestAnchorOf(Array.isArray(value) ? value : [value]);
      } catch {
        return latestAnchorOf(parseJsonLines(text));
      }
    },
  };
}

/** The sink AUDIT_ANCHOR_FILE or AUDIT_ANCHOR_URL names; undefined when neither is set. */
export function anchorSinkFromEnv(env: {
  AUDIT_ANCHOR_FILE?: string;
  AUDIT_ANCHOR_URL?: string;
  AUDIT_ANCHOR_TOKEN?: string;
}): AnchorSink | undefined {
  if (env.AUDIT_ANCHOR_FILE && env.AUDIT_ANCHOR_URL) {
    throw new AnchorSinkError('set AUDIT_ANCHOR_FILE or AUDIT_ANCHOR_URL, not both');
  }
  if (env.AUDIT_ANCHOR_FILE) return fileAnchorSink(env.AUDIT_ANCHOR_FILE);
  if (env.AUDIT_ANCHOR_URL) return httpAnchorSink(env.AUDIT_ANCHOR_URL, { token: env.AUDIT_ANCHOR_TOKEN });
  return undefined;
}
