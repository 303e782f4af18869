import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import {
  AuditInputError,
  CanonicalJsonError,
  GENESIS_HASH,
  recordEvent,
  recordEvents,
  verifyChain,
} from '../../../src/audit';
import { createDb } from '../../../src/db';
import { describeVerification, runAuditVerify } from '../../../src/audit/verify-cli';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

describe('audit chain', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  it('chains events from the genesis hash and verifies an empty and a full log', async () => {
    expect(await verifyChain(t.db)).toEqual({ ok: true, count: 0 });
    const messageId = randomUUID();
    const first = await recordEvent(t.db, { actor: 'system:poller', action: 'message.ingested', messageId });
    const second = await recordEvent(t.db, {
      actor: 'user:1',
      action: 'message.viewed',
      messageId,
      data: { z: 1, a: [1.5, 'x', null, { nested: true }], when: new Date('2026-01-01T00:00:00Z') },
    });
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 2 });
    const rows = await t.db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(rows[1]).toMatchObject({ actor: 'user:1', action: 'message.viewed', message_id: messageId });
  });

  it('keeps a valid chain under concurrent appends from several pools', async () => {
    const pools = [createDb(t.url), createDb(t.url), createDb(t.url)];
    try {
      await Promise.all(
        pools.flatMap((pool, p) =>
          Array.from({ length: 40 }, (_, i) =>
            recordEvent(pool, { actor: `w${p}`, action: 'test.append', data: { i } }),
          ),
        ),
      );
    } finally {
      await Promise.all(pools.map((p) => p.destroy()));
    }
    const result = await verifyChain(t.db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, count: 120 });
    const prevs = await t.db.selectFrom('events').select('prev_hash').execute();
    expect(new Set(prevs.map((r) => r.prev_hash)).size).toBe(120);
  });

  it('appends a batch in its order, interleaved safely with single appends from other pools', async () => {
    const pools = [createDb(t.url), createDb(t.url)];
    try {
      await Promise.all([
        ...Array.from({ length: 5 }, (_, b) =>
          recordEvents(
            pools[0],
            Array.from({ length: 20 }, (_, i) => ({ actor: 'poller', action: 'test.batch', data: { b, i } })),
          ),
        ),
        ...Array.from({ length: 30 }, (_, i) =>
          recordEvent(pools[1], { actor: 'web', action: 'test.one', data: { i } }),
        ),
      ]);
    } finally {
      await Promise.all(pools.map((p) => p.destroy()));
    }
    expect(await verifyChain(t.db, { batchSize: 11 })).toMatchObject({ ok: true, count: 130 });
    const rows = await t.db
      .selectFrom('events')
      .select(['data'])
      .where('action', '=', 'test.batch')
      .orderBy('id')
      .execute();
    // Each batch is contiguous and in the order given.
    for (let k = 0; k < rows.length; k += 20) {
      const chunk = rows.slice(k, k + 20).map((r) => r.data as { b: number; i: number });
      expect(chunk.map((d) => d.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(new Set(chunk.map((d) => d.b)).size).toBe(1);
    }
    expect(await recordEvents(t.db, [])).toEqual([]);
  });

  it('commits and rolls back with the caller transaction', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordEvent(trx, { actor: 'a', action: 'rolled.back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await t.db.transaction().execute(async (trx) => {
      await recordEvent(trx, { actor: 'a', action: 'kept.one' });
      await recordEvent(trx, { actor: 'a', action: 'kept.two' });
    });
    const actions = await t.db.selectFrom('events').select('action').orderBy('id').execute();
    expect(actions.map((r) => r.action)).toEqual(['kept.one', 'kept.two']);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it('refuses to fork the chain from a stale snapshot', async () => {
    await recordEvent(t.db, { actor: 'a', action: 'first' });
    await expect(
      t.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await trx.selectFrom('events').select('id').execute();
          await recordEvent(t.db, { actor: 'b', action: 'meanwhile' });
          await recordEvent(trx, { actor: 'a', action: 'stale' });
        }),
    ).rejects.toThrow(/READ COMMITTED/);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 2 });
  });

  // The app role has no such rights at all (tests/integration/db/roles.test.ts); the trigger stops
  // even the owner, unless the owner switches it off first.
  it('rejects UPDATE, DELETE and TRUNCATE at the database, even by the owner', async () => {
    await recordEvent(t.db, { actor: 'a', action: 'x' });
    await expect(
      t.ownerDb
        .updateTable('events')
        .set({ actor: 'b' } as never)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.ownerDb.deleteFrom('events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate events`.execute(t.ownerDb)).rejects.toThrow(/append-only/);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 1 });
  });

  // Tampering needs a superuser who switches the triggers off; the chain still tells.
  async function tamper(statement: ReturnType<typeof sql>) {
    await t.ownerDb.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await statement.execute(trx);
    });
  }

  it('detects edited content, a deleted row and a forged link', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await recordEvent(t.db, { actor: 'a', action: 'x', data: { i } })).id);

    await tamper(sql`update events set data = '{"i": 99}' where id = ${ids[2]}`);
    expect(await verifyChain(t.db)).toEqual({
      ok: false,
      count: 3,
      firstBadId: ids[2],
      reason: 'hash_mismatch',
    });
    await tamper(sql`update events set data = '{"i": 2}' where id = ${ids[2]}`);
    expect((await verifyChain(t.db)).ok).toBe(true);

    await tamper(sql`delete from events where id = ${ids[1]}`);
    expect(await verifyChain(t.db)).toMatchObject({
      ok: false,
      firstBadId: ids[2],
      reason: 'prev_hash_mismatch',
    });
  });

  it('stamps events with the database clock, in chain order', async () => {
    const before = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(t.db);
    const a = await recordEvent(t.db, { actor: 'a', action: 'x' });
    const b = await recordEvent(t.db, { actor: 'a', action: 'y' });
    expect(a.at.getTime()).toBeGreaterThanOrEqual(Math.floor(before.rows[0].now.getTime()));
    expect(b.at.getTime()).toBeGreaterThanOrEqual(a.at.getTime());
    const given = await recordEvent(t.db, {
      actor: 'a',
      action: 'z',
      at: new Date('2026-01-05T08:00:00.123Z'),
    });
    expect(given.at.toISOString()).toBe('2026-01-05T08:00:00.123Z');
  });

  it('an anchor noted earlier catches a cut or rebuilt chain', async () => {
    for (let i = 0; i < 4; i++) await recordEvent(t.db, { actor: 'a', action: 'x', data: { i } });
    const { head } = await verifyChain(t.db);
    expect(head).toBeDefined();
    const anchor = head!;
    await recordEvent(t.db, { actor: 'a', action: 'later' });
    expect(await verifyChain(t.db, { anchor })).toMatchObject({ ok: true, count: 5 });

    // Cutting the newest rows leaves a chain that is valid on its own; the anchor tells.
    await tamper(sql`delete from events where id >= ${anchor.id}`);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 3 });
    const cut = await verifyChain(t.db, { anchor });
    expect(cut).toMatchObject({ ok: false, firstBadId: anchor.id, reason: 'anchor_mismatch' });
    expect(describeVerification(cut)).toBe(
      `audit chain BROKEN: anchor event ${anchor.id} is missing or changed`,
    );
    expect(
      (await runAuditVerify({ DATABASE_URL: t.url, AUDIT_ANCHOR: `${anchor.id}:${anchor.hash}` })).ok,
    ).toBe(false);
    await expect(runAuditVerify({ DATABASE_URL: t.url, AUDIT_ANCHOR: 'yesterday' })).rejects.toThrow(
      /AUDIT_ANCHOR/,
    );
  });

  it('detects a changed timestamp', async () => {
    const e = await recordEvent(t.db, { actor: 'a', action: 'x' });
    await tamper(sql`update events set at = at - interval '1 hour' where id = ${e.id}`);
    expect(await verifyChain(t.db)).toMatchObject({ ok: false, firstBadId: e.id, reason: 'hash_mismatch' });
  });

  it('refuses malformed events with a clear error and writes nothing', async () => {
    await expect(recordEvent(t.db, { actor: '', action: 'x' })).rejects.toThrow(AuditInputError);
    await expect(recordEvent(t.db, { actor: 'a', action: 'Has Spaces' })).rejects.toThrow(AuditInputError);
    await expect(recordEvent(t.db, { actor: 'a', action: 'x', messageId: 'not-a-uuid' })).rejects.toThrow(
      /messageId/,
    );
    await expect(recordEvent(t.db, { actor: 'a', action: 'x', data: { n: Number.NaN } })).rejects.toThrow(
      CanonicalJsonError,
    );
    await expect(recordEvent(t.db, { actor: 'a', action: 'x', data: { s: 'a\u0000b' } })).rejects.toThrow(
      CanonicalJsonError,
    );
    await expect(
      recordEvent(t.db, { actor: 'a', action: 'x', data: { big: 'x'.repeat(70_000) } }),
    ).rejects.toThrow(/too large/);
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 50; i++) cur = (cur.d = {}) as Record<string, unknown>;
    await expect(recordEvent(t.db, { actor: 'a', action: 'x', data: deep })).rejects.toThrow(/nested/);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 0 });
  });

  it('verifies numbers and unicode exactly after the jsonb round trip', async () => {
    await recordEvent(t.db, {
      actor: 'a',
      action: 'x',
      data: {
        f: 0.1 + 0.2,
        big: 1e21,
        tiny: 5e-324,
        neg: -0,
        text: 'é ñ 漢字 😀 "q" \\',
        keys: { b: 1, a: 2, aa: 3 },
      },
    });
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it('runAuditVerify reports the state of the chain', async () => {
    await recordEvent(t.db, { actor: 'a', action: 'x' });
    const good = await runAuditVerify({ DATABASE_URL: t.url });
    expect(describeVerification(good)).toMatch(
      /^audit chain OK: 1 event\(s\) verified; head \d+:[0-9a-f]{64}; no anchor configured/,
    );
    await tamper(sql`update events set actor = 'mallory'`);
    const bad = await runAuditVerify({ DATABASE_URL: t.url });
    expect(describeVerification(bad)).toMatch(/BROKEN at event id \d+ \(hash_mismatch\)/);
    await expect(runAuditVerify({})).rejects.toThrow(/DATABASE_URL/);
  });

  it('npm run audit:verify exits 0 on a good chain and 1 on a broken one', async () => {
    const root = path.resolve(__dirname, '../../..');
    const run = () =>
      spawnSync(
        process.execPath,
        [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/audit/verify-cli.ts'],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: t.url },
          encoding: 'utf8',
          timeout: 20_000,
        },
      );
    await recordEvent(t.db, { actor: 'a', action: 'x' });
    const good = run();
    expect(good.stdout).toContain('audit chain OK: 1 event(s) verified; head');
    expect(good.status).toBe(0);
    await tamper(sql`update events set action = 'y'`);
    const bad = run();
    expect(bad.stdout).toContain('audit chain BROKEN');
    expect(bad.status).toBe(1);
  });
});
