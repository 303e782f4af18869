/**
 * A fake Slack Web API: a real HTTP server on 127.0.0.1 answering the methods the alerts feature
 * calls (auth.test, chat.postMessage, chat.update, conversations.history, users.info,
 * users.lookupByEmail). It records every call, and can be told to fail (HTTP 500), be slow,
 * rate-limit (HTTP 429 with Retry-After), reject the token (invalid_auth), or lose its answer (do
 * the work, then answer 500: a crash between Slack's answer and our commit).
 * Also here: signing of interaction payloads exactly as Slack signs them.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** The raw request body, for PHI assertions over everything we sent. */
  raw: string;
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text?: unknown;
  thread_ts?: unknown;
  attachments?: unknown;
  metadata?: unknown;
}

export interface FakeSlackFaults {
  /** Answer HTTP 500 to this many calls (Infinity: until changed). */
  fail500?: number;
  /** Answer HTTP 429 with this Retry-After (seconds) to `rateLimitCount` calls. */
  rateLimitSec?: number;
  rateLimitCount?: number;
  /** ok:false, error:invalid_auth to every call while set. */
  invalidToken?: boolean;
  /** Wait this long before answering. */
  slowMs?: number;
  /** Store this many chat.postMessage calls but answer 500 (the answer is lost). */
  loseAnswers?: number;
  /** Methods the faults apply to; default all but auth.test. */
  methods?: string[];
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL / slackApiUrl, ending in /api/. */
  url: string;
  calls: SlackCall[];
  messages: SlackMessage[];
  faults: FakeSlackFaults;
  /** Slack user id → profile email, for users.info and users.lookupByEmail. */
  users: Map<string, string>;
  callsTo: (method: string) => SlackCall[];
  close: () => Promise<void>;
}

export const FAKE_BOT_TOKEN = 'xoxb-test-token';

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // a plain string after all
      }
    }
    out[k] = v;
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const messages: SlackMessage[] = [];
  const users = new Map<string, string>();
  const faults: FakeSlackFaults = {};
  let seq = 0;
  const nextTs = () =>
    `${1_700_000_000 + Math.floor(Date.now() / 1000 - 1_700_000_000)}.${String(++seq).padStart(6, '0')}`;

  const answer = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const args = parseBody(raw, req.headers['content-type']);
    const token =
      (req.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string | undefined);
    const call: SlackCall = { method, args, token, raw, status: 200, at: Date.now() };
    calls.push(call);
    const faulty = method !== 'auth.test' && (!faults.methods || faults.methods.includes(method));
    if (faulty && faults.slowMs) await sleep(faults.slowMs);
    if (faulty && (faults.fail500 ?? 0) > 0) {
      faults.fail500! -= 1;
      call.status = 500;
      return answer(res, 500, { ok: false, error: 'internal_error' });
    }
    if (faulty && faults.rateLimitSec !== undefined && (faults.rateLimitCount ?? 0) > 0) {
      faults.rateLimitCount! -= 1;
      call.status = 429;
      return answer(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        { 'retry-after': String(faults.rateLimitSec) },
      );
    }
    if (faults.invalidToken || token !== FAKE_BOT_TOKEN)
      return answer(res, 200, { ok: false, error: 'invalid_auth' });

    switch (method) {
      case 'auth.test':
        return answer(res, 200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'inbox' });
      case 'chat.postMessage': {
        const channel = String(args.channel);
        const msg: SlackMessage = {
          channel: channel.startsWith('#') ? `C${channel.slice(1).toUpperCase()}` : channel,
          ts: nextTs(),
          text: args.text,
          thread_ts: args.thread_ts,
          attachments: args.attachments,
          metadata: args.metadata,
        };
        messages.push(msg);
        if ((faults.loseAnswers ?? 0) > 0) {
          faults.loseAnswers! -= 1;
          call.status = 500;
          return answer(res, 500, { ok: false, error: 'internal_error' });
        }
        return answer(res, 200, { ok: true, channel: msg.channel, ts: msg.ts, message: msg });
      }
      case 'chat.update': {
        const msg = messages.find((m) => m.ts === args.ts);
        if (!msg) return answer(res, 200, { ok: false, error: 'message_not_found' });
        msg.text = args.text;
        msg.attachments = args.attachments;
        return answer(res, 200, { ok: true, channel: msg.channel, ts: msg.ts });
      }
      case 'conversations.history': {
        const oldest = Number(args.oldest ?? 0);
        const found = messages
          .filter((m) => m.channel === args.channel && !m.thread_ts && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            ...(args.include_all_metadata ? { metadata: m.metadata } : {}),
          }));
        return answer(res, 200, { ok: true, messages: found, has_more: false });
      }
      case 'users.info': {
        const email = users.get(String(args.user));
        if (!email) return answer(res, 200, { ok: false, error: 'user_not_found' });
        return answer(res, 200, { ok: true, user: { id: args.user, profile: { email } } });
      }
      case 'users.lookupByEmail': {
        const hit = [...users].find(([, e]) => e.toLowerCase() === String(args.email).toLowerCase());
        if (!hit) return answer(res, 200, { ok: false, error: 'users_not_found' });
        return answer(res, 200, { ok: true, user: { id: hit[0], profile: { email: hit[1] } } });
      }
      default:
        return answer(res, 200, { ok: false, error: 'unknown_method' });
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, { ok: false, error: 'fake_crashed' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    messages,
    faults,
    users,
    callsTo: (method) => calls.filter((c) => c.method === method),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Headers Slack sends with an interaction: v0= HMAC-SHA256(secret, `v0:${ts}:${body}`). */
export function slackSignature(secret: string, body: string, ts = Math.floor(Date.now() / 1000)) {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig };
}

/** A block_actions payload as Slack posts it (form field `payload`). */
export function buttonPayload(actionId: string, value: string, slackUser: string): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: slackUser, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: '1.2.3',
    channel: { id: 'CURGENT' },
    container: { type: 'message', message_ts: '1.000001', channel_id: 'CURGENT' },
    actions: [{ type: 'button', action_id: actionId, block_id: `alert:${value}`, value, action_ts: '1.2' }],
    response_url: 'http://127.0.0.1:9/none',
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A slash command as Slack posts it. */
export function slashCommandBody(command: string, slackUser: string): string {
  return new URLSearchParams({
    command,
    text: '',
    team_id: 'T1',
    user_id: slackUser,
    channel_id: 'CURGENT',
    response_url: 'http://127.0.0.1:9/none',
    trigger_id: '1.2.3',
    api_app_id: 'A1',
    token: 'legacy',
  }).toString();
}

/** Polls until `probe` returns something truthy; fails after `timeoutMs` (no timed assertions). */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
