import request from 'supertest';
import { authenticateApiToken, hashApiToken, revokeApiToken } from '../../../src/auth/api-tokens';
import { createDb } from '../../../src/db';
import { createWebFixture, userWithToken, type WebFixture } from './web-fixture';

let fx: WebFixture;

beforeAll(async () => {
  fx = await createWebFixture();
});

afterAll(async () => {
  await fx.close();
});

const list = (token?: string) => {
  const req = request(fx.app).get('/api/messages');
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};

describe('API tokens', () => {
  it('stores only a hash of the token, and the token authenticates as its owner with their role', async () => {
    const { userId, token, tokenId } = await userWithToken(fx.db, 'nurse');
    const row = await fx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(token.startsWith(row.token_prefix)).toBe(true);

    const res = await list(token).expect(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    expect(await authenticateApiToken(fx.db, token)).toMatchObject({
      userId,
      role: 'nurse',
      via: 'api_token',
    });
    const used = await fx.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
  });

  it('answers 401 with a Bearer challenge without a token, or with a malformed or unknown one', async () => {
    const none = await list().expect(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(none.body.error.code).toBe('unauthorized');
    await list('not-a-token').expect(401);
    await list(`idt_${'A'.repeat(43)}`).expect(401);
    await request(fx.app).get('/api/messages').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  it('refuses a revoked token', async () => {
    const { token, tokenId } = await userWithToken(fx.db, 'staff');
    await list(token).expect(200);
    expect(await revokeApiToken(fx.db, tokenId)).toBe(true);
    await list(token).expect(401);
    expect(await revokeApiToken(fx.db, tokenId)).toBe(false);
  });

  it('refuses an expired token', async () => {
    const { token } = await userWithToken(fx.db, 'manager', { expiresAt: new Date(Date.now() - 1000) });
    await list(token).expect(401);
  });

  it("refuses a disabled user's token", async () => {
    const { userId, token } = await userWithToken(fx.db, 'admin');
    await fx.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', userId).execute();
    await list(token).expect(401);
  });

  it('answers a database failure during authentication with a generic 500 and logs no SQL to the client', async () => {
    const { token } = await userWithToken(fx.db, 'staff');
    const broken = createDb(fx.database.url.replace(/\/[^/]+$/, '/no_such_database_here'), {
      maxConnections: 1,
    });
    try {
      const res = await request(fx.appWith({ db: broken }))
        .get('/api/messages')
        .set('Authorization', `Bearer ${token}`)
        .expect(500);
      expect(res.body.error).toEqual({
        code: 'internal',
        message: 'internal server error',
        requestId: expect.any(String),
      });
      expect(res.text).not.toMatch(/no_such_database_here|select|api_tokens|at /);
      const logged = fx.logs
        .map((l) => JSON.parse(l))
        .find((l) => l.msg === 'unhandled error' && l.reqId === res.body.error.requestId);
      expect(logged).toBeDefined();
    } finally {
      await broken.destroy();
    }
  });
});
