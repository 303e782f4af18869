/**
 * The anchored audit chain: the worker's schedule notes the head outside the database (a file, an
 * HTTP sink), and audit:verify checks against the latest anchor by default, so even the owner role,
 * which can switch the append-only trigger off, cannot rewrite the chain unnoticed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { eventHash, GENESIS_HASH, recordEvent, verifyChain } from '../../../src/audit';
import { fileAnchorSink, httpAnchorSink, type AuditAnchor } from '../../../src/audit/anchor-sinks';
import { anchorChainHead, startAuditAnchoring } from '../../../src/audit/anchoring';
import { describeVerification, runAuditVerify } from '../../../src/audit/verify-cli';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { waitUntil } from '../../helpers/wait';

let t: TestDatabase;
let dir: string;
beforeEach(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'anchors-'));
});
afterEach(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

const silent = pino({ level: 'silent' });

/**
 * What an owner can do: switch the trigger off, replace the log with a rewritten one whose every
 * hash and link is recomputed (so the chain alone verifies), and switch the trigger back on.
 */
async function rewriteChainAsOwner(edit: (actor: string) => string): Promise<void> {
  await t.ownerDb.transaction().execute(async (trx) => {
    await sql`alter table events disable trigger events_no_update_delete`.execute(trx);
    await sql`alter table events disable trigger events_no_truncate`.execute(trx);
    const rows = await trx.selectFrom('events').selectAll().orderBy('id').execute();
    await sql`truncate events restart identity`.execute(trx);
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      const fields = {
        at: row.at,
        actor: edit(row.actor),
        action: row.action,
        messageId: row.message_id,
        data: row.data,
        prevHash,
        clientAddress: row.client_address,
      };
      const hash = eventHash(fields);
      await trx
        .insertInto('events')
        .values({
          at: fields.at,
          actor: fields.actor,
          action: fields.action,
          message_id: fields.messageId,
          data: JSON.stringify(fields.data),
          prev_hash: prevHash,
          hash,
        })
        .execute();
      prevHash = hash;
    }
    await sql`alter table events enable trigger events_no_update_delete`.execute(trx);
    await sql`alter table events enable trigger events_no_truncate`.execute(trx);
  });
}

describe('anchoring the chain head', () => {
  it('notes the head in a file only when it moved, and only after the new events verify', async () => {
    const file = path.join(dir, 'anchors.jsonl');
    const sink = fileAnchorSink(file);
    expect(await anchorChainHead(t.db, sink)).toEqual({ kind: 'empty' });
    await recordEvent(t.db, { actor: 'user:1', action: 'message.viewed' });
    const first = await anchorChainHead(t.db, sink);
    expect(first.kind).toBe('anchored');
    expect(await anchorChainHead(t.db, sink)).toEqual({ kind: 'unchanged' });
    await recordEvent(t.db, { actor: 'user:2', action: 'message.viewed' });
    const second = await anchorChainHead(t.db, sink);
    expect(second.kind).toBe('anchored');
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditAnchor);
    expect(lines).toHaveLength(2);
    const { head } = await verifyChain(t.db);
    expect(lines[1]).toMatchObject({ id: head!.id, hash: head!.hash });
    expect(new Date(lines[1].at).getTime()).toBeGreaterThanOrEqual(new Date(lines[0].at).getTime());

    // A tampered event after the last anchor is never anchored: the sink keeps the last good head.
    await recordEvent(t.db, { actor: 'user:3', action: 'message.viewed' });
    await t.ownerDb.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update events set actor = 'mallory' where actor = 'user:3'`.execute(trx);
    });
    expect(await anchorChainHead(t.db, sink)).toMatchObject({ kind: 'broken', reason: 'hash_mismatch' });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('runs on a schedule in the worker and stops cleanly', async () => {
    const file = path.join(dir, 'scheduled.jsonl');
    const running = startAuditAnchoring({
      db: t.db,
      sink: fileAnchorSink(file),
      intervalMs: 50,
      logger: silent,
    });
    try {
      await recordEvent(t.db, { actor: 'a', action: 'one' });
      await waitUntil(
        'a first anchor',
        async () => (await fileAnchorSink(file).latest()) !== undefined,
        10_000,
      );
      const later = await recordEvent(t.db, { actor: 'a', action: 'two' });
      await waitUntil(
        'the new head anchored',
        async () => (await fileAnchorSink(file).latest())?.id === later.id,
        10_000,
      );
    } finally {
      await running.stop();
    }
  });

  it('reads the highest anchor back and skips a torn last line', async () => {
    const file = path.join(dir, 'torn.jsonl');
    const hash = 'a'.repeat(64);
    writeFileSync(
      file,
      `${JSON.stringify({ id: 7, hash, at: '2026-01-01T00:00:00.000Z' })}\n` +
        `${JSON.stringify({ id: 3, hash, at: '2026-01-01T00:00:00.000Z' })}\n{"id": 9, "ha`,
    );
    expect(await fileAnchorSink(file).latest()).toMatchObject({ id: 7 });
    expect(await fileAnchorSink(path.join(dir, 'missing.jsonl')).latest()).toBeUndefined();
  });
});

describe('audit:verify against the latest anchor', () => {
  it('catches a chain the owner rewrote (trigger off, hashes recomputed), through the file anchor', async () => {
    for (let i = 0; i < 5; i++) await recordEvent(t.db, { actor: `user:${i}`, action: 'message.viewed' });
    const file = path.join(dir, 'anchors.jsonl');
    expect((await anchorChainHead(t.db, fileAnchorSink(file))).kind).toBe('anchored');
    const env = { DATABASE_URL: t.url, AUDIT_ANCHOR_FILE: file };
    const before = await runAuditVerify(env);
    expect(before).toMatchObject({ ok: true, anchorSource: 'sink' });
    expect(describeVerification(before)).toMatch(
      /^audit chain OK: 5 event\(s\) verified; head .*; matches anchor \d+ noted /,
    );

    await rewriteChainAsOwner((actor) => (actor === 'user:2' ? 'user:99' : actor));
    // The rewritten chain is internally consistent: without its anchor it would pass.
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 5 });
    const after = await runAuditVerify(env);
    expect(after).toMatchObject({ ok: false, reason: 'anchor_mismatch', anchorSource: 'sink' });
    expect(describeVerification(after)).toMatch(
      /^audit chain BROKEN: anchor event \d+ \(anchored in file .*\) is missing or changed$/,
    );

    // And the command itself exits 1, by default, with only the sink configured.
    const root = path.resolve(__dirname, '../../..');
    const cli = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/audit/verify-cli.ts'],
      {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(cli.stdout).toContain('audit chain BROKEN: anchor event');
    expect(cli.status).toBe(1);
  });

  it('catches a chain cut short, through an HTTP sink (POSTed anchors, read back by GET)', async () => {
    const received: unknown[] = [];
    const auth: (string | undefined)[] = [];
    const server: Server = createServer((req, res) => {
      auth.push(req.headers.authorization);
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.writeHead(201).end();
        });
        return;
      }
      // A log service answering with JSON lines, oldest first.
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(received.map((r) => JSON.stringify(r)).join('\n'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/anchors`;
    try {
      for (let i = 0; i < 4; i++) await recordEvent(t.db, { actor: 'a', action: 'x', data: { i } });
      const sink = httpAnchorSink(url, { token: 'sink-token' });
      const outcome = await anchorChainHead(t.db, sink);
      expect(outcome.kind).toBe('anchored');
      expect(received).toHaveLength(1);
      expect(auth.every((h) => h === 'Bearer sink-token')).toBe(true);
      const env = { DATABASE_URL: t.url, AUDIT_ANCHOR_URL: url, AUDIT_ANCHOR_TOKEN: 'sink-token' };
      expect((await runAuditVerify(env)).ok).toBe(true);

      // Cutting the newest events leaves a valid chain; only the anchor can tell.
      await t.ownerDb.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`delete from events where id >= (select max(id) - 1 from events)`.execute(trx);
      });
      expect((await verifyChain(t.db)).ok).toBe(true);
      expect(await runAuditVerify(env)).toMatchObject({ ok: false, reason: 'anchor_mismatch' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('an explicit AUDIT_ANCHOR still wins over the sink', async () => {
    const e = await recordEvent(t.db, { actor: 'a', action: 'x' });
    const file = path.join(dir, 'none.jsonl');
    const result = await runAuditVerify({
      DATABASE_URL: t.url,
      AUDIT_ANCHOR_FILE: file,
      AUDIT_ANCHOR: `${e.id}:${e.hash}`,
    });
    expect(result).toMatchObject({ ok: true, anchorSource: 'AUDIT_ANCHOR' });
  });
});
