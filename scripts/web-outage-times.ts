/**
 * How fast the web process answers while Redis is killed or frozen: `npx tsx scripts/web-outage-times.ts`.
 * Starts `src/main.ts` (as `npm run web`) as a child process over a fresh database on the test
 * PostgreSQL and a private redis-server (never the shared one), then per phase (healthy, killed,
 * restarted, frozen, thawed) sends nine requests at once (so their times include each other) and
 * prints status and time, or "no answer" after CAP_MS (default 12000).
 * WEB_ROOT=<another checkout> times that checkout's web process instead (a before/after comparison).
 */
import { spawn } from 'node:child_process';
import { createTestDatabase } from '../tests/helpers/db';
import { startPrivateRedis } from '../tests/helpers/private-redis';
import { userWithPassword } from '../tests/integration/auth/auth-fixture';
import { seedMessage } from '../tests/integration/inbox/message-fixture';
import { userWithToken } from '../tests/integration/web/web-fixture';
import { freePort } from '../src/demo/services';

const ROOT = process.env.WEB_ROOT ?? process.cwd();
const CAP_MS = Number(process.env.CAP_MS ?? 12_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const redis = await startPrivateRedis();
  const staff = await userWithPassword(database.db, 'staff');
  const admin = await userWithPassword(database.db, 'admin');
  const { token } = await userWithToken(database.db, 'staff');
  const port = await freePort();
  const web = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
      QUEUE_PREFIX: 'outage-times',
      APP_BASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 150; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(200);
    }

    const loginForm = async () => {
      const page = await fetch(`${base}/login`);
      const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      return { cookie, csrf };
    };
    const login = async (user: { email: string; password: string }) => {
      const form = await loginForm();
      const res = await fetch(`${base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: form.csrf, email: user.email, password: user.password }),
      });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const info = (await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()) as {
        csrfToken: string;
      };
      return { cookie, csrf: info.csrfToken };
    };
    const s = await login(staff);
    const a = await login(admin);

    const timed = async (label: string, path: string, init: RequestInit = {}) => {
      const started = Date.now();
      try {
        const res = await fetch(`${base}${path}`, {
          redirect: 'manual',
          ...init,
          signal: AbortSignal.timeout(CAP_MS),
        });
        await res.text();
        return `${label.padEnd(34)} ${res.status}  ${Date.now() - started} ms`;
      } catch {
        return `${label.padEnd(34)} no answer within ${CAP_MS} ms`;
      }
    };

    const phase = async (name: string) => {
      const m = await seedMessage(database.db);
      const form = await loginForm();
      const page = { cookie: s.cookie, accept: 'text/html' };
      const lines = await Promise.all([
        timed('POST /login', '/login', {
          method: 'POST',
          headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: form.csrf, email: staff.email, password: staff.password }),
        }),
        timed('GET /inbox', '/inbox', { headers: page }),
        timed('GET /inbox/messages/:id', `/inbox/messages/${m.id}`, { headers: page }),
        timed('POST /inbox/messages/:id/presence', `/inbox/messages/${m.id}/presence`, {
          method: 'POST',
          headers: {
            cookie: s.cookie,
            'x-csrf-token': s.csrf,
            accept: 'application/json',
            'content-type': 'application/json',
          },
          body: JSON.stringify({ mode: 'viewing' }),
        }),
        timed('GET /api/messages', '/api/messages', { headers: { authorization: `Bearer ${token}` } }),
        timed('POST /api/messages/:id/approve', `/api/messages/${m.id}/approve`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ body: 'We will call you.', draftId: m.draftId, expectedVersion: 1 }),
        }),
        timed('GET /admin/queues', '/admin/queues', { headers: { cookie: a.cookie, accept: 'text/html' } }),
        timed('GET /readyz', '/readyz'),
        timed('GET /metrics', '/metrics'),
      ]);
      console.log(`\n${name}\n${lines.join('\n')}`);
    };

    await phase('healthy');
    await redis.kill();
    await phase('redis killed (SIGKILL)');
    await redis.restart();
    await sleep(3000);
    await phase('redis restarted');
    redis.freeze();
    await phase('redis frozen (SIGSTOP)');
    redis.thaw();
    await sleep(500);
    await phase('redis thawed');
  } finally {
    web.kill('SIGKILL');
    await redis.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
