import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions wire format, so tests exercise
 * the actual client stack (LangChain → OpenAI SDK → HTTP) and can inspect every request it sent.
 */
export type FakeReply = (
  | { content: string }
  | { json: unknown }
  | { status: number; retryAfter?: number; message?: string }
  | { hang: true }
  | { garbage: true }
) & { delayMs?: number };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: ChatRequestBody;
  /** Every message's text joined, for "did X reach the model" assertions. */
  messagesText: string;
}

interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  response_format?: { type: string; json_schema?: { name?: string } };
  tools?: { function: { name: string } }[];
  [key: string]: unknown;
}

export interface FakeOpenAI {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queue replies, used one per request in order; when empty, the default reply answers. */
  script(...replies: FakeReply[]): void;
  setDefault(reply: FakeReply): void;
  close(): Promise<void>;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (p as { text?: string }).text ?? '').join('');
  return '';
}

function completion(body: ChatRequestBody, message: Record<string, unknown>, finish: string) {
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? 'fake-model',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, logprobs: null },
    ],
    usage: { prompt_tokens: 42, completion_tokens: 17, total_tokens: 59 },
  };
}

/** Answers `{ json }` in whichever shape the request asked for: json_schema response or a tool call. */
function structuredAnswer(body: ChatRequestBody, value: unknown) {
  const args = JSON.stringify(value);
  if (body.tools && body.tools.length > 0) {
    const name = body.tools[0].function.name;
    return completion(
      body,
      {
        content: null,
        tool_calls: [{ id: 'call_fake', type: 'function', function: { name, arguments: args } }],
      },
      'tool_calls',
    );
  }
  return completion(body, { content: args }, 'stop');
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: FakeReply[] = [];
  let fallback: FakeReply = { content: 'OK' };
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: ChatRequestBody = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'invalid JSON body', type: 'invalid_request_error' } }));
        return;
      }
      const messagesText = (body.messages ?? []).map((m) => textOf(m.content)).join('\n');
      requests.push({ path: req.url ?? '', headers: req.headers, body, messagesText });
      const reply = queue.length > 0 ? queue.shift()! : fallback;
      const answer = () => respond(res, body, reply);
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });

  function respond(res: http.ServerResponse, body: ChatRequestBody, reply: FakeReply) {
    if ('hang' in reply) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if ('garbage' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>502 upstream garbage</html>');
      return;
    }
    if ('status' in reply) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
      res.writeHead(reply.status, headers);
      res.end(
        JSON.stringify({ error: { message: reply.message ?? `fake error ${reply.status}`, type: 'fake' } }),
      );
      return;
    }
    const payload =
      'json' in reply
        ? structuredAnswer(body, reply.json)
        : completion(body, { content: reply.content }, 'stop');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    setDefault: (reply) => {
      fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
