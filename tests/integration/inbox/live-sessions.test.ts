/**
 * Live streams end with their session (logout, idle or absolute expiry, the user disabled), on a
 * real listening server, and one session can hold only LIVE_STREAMS_PER_SESSION of them.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createListFixture, staffSession, type ListFixture } from './list-fixture';
import { loggedIn, userWithPassword } from '../auth/auth-fixture';
import { waitUntil } from '../../helpers/wait';

let f: ListFixture;
let server: Server;
let base: string;
const CAP = 3;

beforeAll(async () => {
  f = await createListFixture({ LIVE_SESSION_CHECK_MS: '100', LIVE_STREAMS_PER_SESSION: String(CAP) });
  server = createServer(f.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await f.close();
});

/** An EventSource-like request: resolves with the response; `ended` resolves when the server hangs up. */
function openStream(cookie: string) {
  let req!: ClientRequest;
  let ended = false;
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req = httpRequest(
      `${base}/inbox/events`,
      { headers: { Cookie: cookie, Accept: 'text/event-stream' } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => (ended = true));
        res.on('close', () => (ended = true));
        resolve(res);
      },
    );
    req.on('error', reject);
    req.end();
  });
  return { response, isEnded: () => ended, close: () => req.destroy() };
}

it('logging out ends the session’s open streams', async () => {
  const sam = await staffSession(f.app, f.db, 'staff', 'Sam Rivera');
  const stream = openStream(sam.cookie);
  expect((await stream.response).statusCode).toBe(200);
  await sam.agent.post('/logout').set('X-CSRF-Token', sam.csrf).send({}).expect(204);
  await waitUntil('the stream to end after logout', () => stream.isEnded(), 10_000);
});

it('disabling the user ends their streams', async () => {
  const dana = await staffSession(f.app, f.db, 'nurse', 'Dana Reyes');
  const stream = openStream(dana.cookie);
  expect((await stream.response).statusCode).toBe(200);
  const admin = await loggedIn(f.app, await userWithPassword(f.db, 'admin'));
  await admin.agent.post(`/api/users/${dana.userId}/disable`).set('X-CSRF-Token', admin.csrf).expect(204);
  await waitUntil('the stream to end after disable', () => stream.isEnded(), 10_000);
});

it('an expired session’s stream ends (the idle timeout passed while only the stream was open)', async () => {
  const lee = await staffSession(f.app, f.db, 'staff', 'Lee Park');
  const stream = openStream(lee.cookie);
  expect((await stream.response).statusCode).toBe(200);
  await f.database.ownerDb
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('user_id', '=', lee.userId)
    .execute();
  await waitUntil('the stream to end after expiry', () => stream.isEnded(), 10_000);
  // And it cannot come back: the browser's reconnect is refused.
  await request(f.app)
    .get('/inbox/events')
    .set('Cookie', lee.cookie)
    .set('Accept', 'text/event-stream')
    .expect(401);
});

it(`caps one session at ${CAP} open streams, across its tabs; a closed one frees its place`, async () => {
  const kim = await staffSession(f.app, f.db, 'staff', 'Kim Ito');
  const streams = Array.from({ length: CAP }, () => openStream(kim.cookie));
  for (const s of streams) expect((await s.response).statusCode).toBe(200);
  const extra = openStream(kim.cookie);
  const refused = await extra.response;
  expect(refused.statusCode).toBe(429);
  // Another session of another person is not affected.
  const other = await staffSession(f.app, f.db, 'staff', 'Ana Ruiz');
  const theirs = openStream(other.cookie);
  expect((await theirs.response).statusCode).toBe(200);
  streams[0].close();
  await waitUntil(
    'a place to free up',
    async () => {
      const again = openStream(kim.cookie);
      const status = (await again.response).statusCode;
      if (status === 200) {
        again.close();
        return true;
      }
      return false;
    },
    10_000,
  );
  for (const s of [...streams, theirs]) s.close();
});
