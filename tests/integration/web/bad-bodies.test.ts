/** Bodies the parsers cannot read (corrupt gzip or deflate, cut short) are a 400, never a 500. */
import { gzipSync, deflateSync } from 'node:zlib';
import request from 'supertest';
import { createWebFixture, userWithToken, type WebFixture } from './web-fixture';

let fx: WebFixture;
let auth: { Authorization: string };
beforeAll(async () => {
  fx = await createWebFixture();
  const { token } = await userWithToken(fx.db, 'nurse');
  auth = { Authorization: `Bearer ${token}` };
});
afterAll(async () => {
  await fx.close();
});

const url = '/api/tokens';
/** Sends the bytes as they are (superagent would JSON-encode a Buffer); its typing wants a string. */
const raw = (b: Buffer) => b as unknown as string;
const json = Buffer.from(JSON.stringify({ name: 'from a gzip body' }));

describe('compressed request bodies', () => {
  it.each([
    ['random bytes said to be gzip', 'gzip', Buffer.from('this is not gzip at all, but says so')],
    ['gzip cut in half', 'gzip', gzipSync(json).subarray(0, 12)],
    [
      'gzip with a corrupted middle',
      'gzip',
      Buffer.from(gzipSync(json).map((b, i) => (i > 10 && i < 20 ? 0xff : b))),
    ],
    ['deflate garbage', 'deflate', Buffer.from([0x78, 0x9c, 0xff, 0xff, 0x00, 0x01])],
  ])('%s: 400 in our words', async (_name, encoding, body) => {
    const res = await request(fx.app)
      .post(url)
      .set(auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      .serialize(raw)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', message: 'request body could not be read' });
    expect(JSON.stringify(res.body)).not.toMatch(/incorrect header|zlib|Z_DATA/i);
    expect(fx.logs.join('\n')).not.toContain('unhandled error');
  });

  it('a good gzip or deflate body still works', async () => {
    for (const [encoding, body] of [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
    ] as const) {
      await request(fx.app)
        .post(url)
        .set(auth)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize(raw)
        .send(body)
        .expect(201);
    }
  });

  it('an unknown encoding is a 415', async () => {
    const res = await request(fx.app)
      .post(url)
      .set(auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'snappy')
      .serialize(raw)
      .send(json);
    expect(res.status).toBe(415);
  });
});
