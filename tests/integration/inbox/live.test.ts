/**
 * GET /inbox/events over a real listening server, read with a raw HTTP request as a browser's
 * EventSource would: `list` after a new message, `message` after a version change, `presence` after
 * markPresence and after it expires; only ids, codes, counts and staff names in the data.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beginShutdown } from '../../../src/http/app';
import { markPresence } from '../../../src/inbox/presence';
import { addMessage, createListFixture, staffSession, type ListFixture } from './list-fixture';

let f: ListFixture;
let server: Server;
let base: string;
let cookie: string;

interface SseEvent {
  event: string;
  data: unknown;
}

/** An open stream: every event so far, and a way to wait for one. */
function openStream(path = '/inbox/events') {
  const events: SseEvent[] = [];
  let raw = '';
  let response: IncomingMessage | undefined;
  let req: ClientRequest;
  const opened = new Promise<IncomingMessage>((resolve, reject) => {
    req = httpRequest(
      `${base}${path}`,
      { headers: { Cookie: cookie, Accept: 'text/event-stream' } },
      (res) => {
        response = res;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          let end: number;
          while ((end = raw.indexOf('\n\n')) >= 0) {
            const frame = raw.slice(0, end);
            raw = raw.slice(end + 2);
            const event = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        });
        resolve(res);
      },
    );
    req.on('error', reject);
    req.end();
  });
  const waitFor = async (match: (e: SseEvent) => boolean, timeoutMs = 8000): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { events, opened, waitFor, close: () => req.destroy(), response: () => response };
}

beforeAll(async () => {
  f = await createListFixture();
  server = createServer(f.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sam = await staffSession(f.app, f.db, 'staff', 'Sam Rivera');
  cookie = sam.cookie;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await f.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a stream of text/event-stream that is not cached', async () => {
  const stream = openStream();
  const res = await stream.opened;
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  stream.close();
});

test('without a session there is no stream', async () => {
  const res = await fetch(`${base}/inbox/events`, { headers: { Accept: 'text/event-stream' } });
  expect(res.status).toBe(401);
});

test('a new message is announced as list; a version change as message', async () => {
  const stream = openStream();
  await stream.opened;
  await sleep(1500); // the first tick only notes where things stand
  const id = await addMessage(f.db, { receivedAt: new Date().toISOString(), urgency: 'emergent' });
  const list = await stream.waitFor((e) => e.event === 'list');
  expect(Object.keys(list.data as object).sort()).toEqual(['changedAt', 'open']);
  expect((list.data as { open: number }).open).toBeGreaterThanOrEqual(1);
  await stream.waitFor((e) => e.event === 'message' && (e.data as { id: string }).id === id);
  await f.db
    .updateTable('messages')
    .set((eb) => ({ version: eb('version', '+', 1), status: 'sending', updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
  const changed = await stream.waitFor(
    (e) => e.event === 'message' && (e.data as { id: string; version: number }).version === 2,
  );
  expect(changed.data).toEqual({ id, version: 2, status: 'sending' });
  stream.close();
});

test('presence is announced when someone arrives and when their entry expires', async () => {
  const stream = openStream();
  await stream.opened;
  const messageId = '55555555-5555-4555-8555-555555555555';
  await markPresence(
    f.redis,
    f.prefix,
    messageId,
    { userId: 'u-1', name: 'Alex Chen', mode: 'replying' },
    2500,
  );
  const arrived = await stream.waitFor((e) => e.event === 'presence');
  expect(arrived.data).toEqual({
    messageId,
    people: [{ userId: 'u-1', name: 'Alex Chen', mode: 'replying' }],
  });
  const gone = await stream.waitFor(
    (e) => e.event === 'presence' && (e.data as { people: unknown[] }).people.length === 0,
  );
  expect(gone.data).toEqual({ messageId, people: [] });
  stream.close();
});

test('two streams both hear; one closing leaves the other working', async () => {
  const a = openStream();
  const b = openStream();
  await Promise.all([a.opened, b.opened]);
  await sleep(1500);
  a.close();
  await addMessage(f.db, { receivedAt: new Date().toISOString(), urgency: 'urgent' });
  await b.waitFor((e) => e.event === 'list');
  b.close();
});

// Last in the file: after a shutdown the app serves no more streams.
test('a shutdown of the web process ends open streams instead of waiting for browsers to hang up', async () => {
  const stream = openStream();
  const res = await stream.opened;
  const ended = new Promise<void>((resolve) => res.on('end', resolve));
  beginShutdown(f.app);
  await ended;
  // A browser reconnecting to this process is turned away at once, to reach a live one.
  const late = openStream();
  const lateRes = await late.opened;
  await new Promise<void>((resolve) => lateRes.on('end', resolve));
  expect(late.events).toEqual([]);
});
