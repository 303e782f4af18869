/**
 * Property test of the poller against the real sandbox and a real database (issue 12): whatever mix
 * of hostile Communications the portal holds, pollPortal never fails, takes in every readable patient
 * message exactly once (text normalised where needed), stores every unreadable one as an inbox item,
 * passes over the rest, and moves its cursor to the last resource. Runs are kept small for CI.
 */
import fc from 'fast-check';
import pino from 'pino';
import { parseCommunication } from '../../../src/portal/communication';
import { createFhirClient } from '../../../src/portal/fhir-client';
import { pollPortal } from '../../../src/portal/poller';
import { startSandboxServer, type RunningSandbox } from '../../../src/portal/sandbox';
import { createFhirStore } from '../../../src/portal/sandbox/store';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { hostileArbitraries, UNSTORABLE } from '../../helpers/hostile-communications';

// One resource must fit in a response; several 200k ones in a page do not, so pages get smaller.
const MAX_RESPONSE_BYTES = 700_000;
const { hostileCommunication, notFromAPatient, wellFormed } = hostileArbitraries({
  hugeLengths: [10_001, 200_000],
});

type Planted = { resource: Record<string, unknown>; wellFormed: boolean };
const planted: fc.Arbitrary<Planted> = fc.oneof(
  { weight: 3, arbitrary: wellFormed.map((w) => ({ resource: w.resource, wellFormed: true })) },
  { weight: 4, arbitrary: hostileCommunication.map((resource) => ({ resource, wellFormed: false })) },
  { weight: 1, arbitrary: notFromAPatient.map((resource) => ({ resource, wellFormed: false })) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })).map((junk) => ({
      resource: junk as Record<string, unknown>,
      wellFormed: false,
    })),
  },
);

describe('pollPortal over a portal holding hostile Communications', () => {
  let database: TestDatabase;
  let run = 0;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('ingests every readable message once, keeps the unreadable ones, and always advances the cursor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(planted, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 6 }),
        async (mix, pageSize) => {
          run += 1;
          const cursorName = `fuzz-${run}`;
          const store = createFhirStore();
          mix.forEach((p, i) => {
            // As the portal would serve it: JSON in, JSON out, always a Communication with its own id.
            const resource = JSON.parse(JSON.stringify(p.resource)) as Record<string, unknown>;
            store.put({ ...resource, resourceType: 'Communication', id: `r${run}-${i}` });
          });
          let sandbox: RunningSandbox | undefined;
          try {
            sandbox = await startSandboxServer({ store });
            const portal = createFhirClient({
              baseUrl: sandbox.fhirBaseUrl,
              timeoutMs: 5000,
              retries: 0,
              maxResponseBytes: MAX_RESPONSE_BYTES,
            });
            const deps = { db: database.db, logger, portal, pageSize, maxPages: 1000 };
            await pollPortal(deps, cursorName);

            const served = store.list('Communication').map((s) => s.resource);
            const rows = await database.db
              .selectFrom('messages')
              .select(['portal_id', 'status', 'body', 'subject', 'flags'])
              .where('portal_id', 'like', `r${run}-%`)
              .execute();
            const byId = new Map(rows.map((r) => [r.portal_id, r]));
            expect(byId.size).toBe(rows.length);
            for (const [i, resource] of served.entries()) {
              const parsed = parseCommunication(resource);
              const row = byId.get(resource.id as string);
              if (mix[i].wellFormed) expect(parsed.kind).toBe('message');
              if (parsed.kind === 'ignored') {
                expect(row).toBeUndefined();
              } else if (parsed.kind === 'message') {
                expect(row).toMatchObject({ status: 'new', body: parsed.message.body });
              } else {
                expect(row?.flags).toContain('unreadable');
              }
              if (row) expect(UNSTORABLE.test(`${row.body}${row.subject ?? ''}`)).toBe(false);
            }
            const last = served[served.length - 1];
            const cursor = await database.db
              .selectFrom('poll_cursors')
              .selectAll()
              .where('name', '=', cursorName)
              .executeTakeFirstOrThrow();
            expect(cursor.last_updated?.toISOString()).toBe(last.meta?.lastUpdated);
            expect(cursor.last_id).toBe(last.id);
            // Polling again takes in nothing twice.
            const again = await pollPortal(deps, cursorName);
            expect(again.ingested + again.unreadable).toBe(0);
          } finally {
            await sandbox?.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
