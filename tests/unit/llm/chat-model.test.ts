import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { createChatModel, invokeStructured, invokeText, LlmError } from '../../../src/llm/chat-model';
import { startFakeOpenAI, type FakeOpenAI } from '../../helpers/fake-openai';

const Verdict = z.object({ level: z.enum(['low', 'high']), why: z.string() });

describe('chat model against an OpenAI-compatible endpoint', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  const model = (timeoutMs = 2000) =>
    createChatModel({
      baseUrl: fake.baseUrl,
      apiKey: 'test-key',
      model: 'test-model',
      timeoutMs,
      maxRetries: 0,
    })!;

  it('is absent when nothing is configured, so templates draft', () => {
    expect(createChatModel({ model: 'x', timeoutMs: 1000, maxRetries: 0 })).toBeNull();
  });

  it('returns validated structured output with token usage, over real HTTP', async () => {
    fake.script({ json: { level: 'high', why: 'because' } });
    const before = fake.requests.length;
    const result = await invokeStructured(
      model(),
      Verdict,
      [new SystemMessage('sys'), new HumanMessage('hello there')],
      'verdict',
    );
    expect(result.value).toEqual({ level: 'high', why: 'because' });
    expect(result.usage).toEqual({ inputTokens: 42, outputTokens: 17 });
    const sent = fake.requests[before];
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer test-key');
    expect(sent.body.model).toBe('test-model');
    expect(sent.messagesText).toContain('hello there');
  });

  it('rejects output that does not match the schema', async () => {
    fake.script({ json: { level: 'medium' } });
    await expect(
      invokeStructured(model(), Verdict, [new HumanMessage('x')], 'verdict'),
    ).rejects.toMatchObject({
      kind: 'invalid_output',
    });
  });

  it.each([
    [{ status: 429, retryAfter: 1 }, 'rate_limited'],
    [{ status: 500 }, 'server_error'],
    [{ status: 401 }, 'rejected'],
    [{ garbage: true as const }, 'invalid_output'],
  ])('maps %j to an LlmError of kind %s', async (reply, kind) => {
    fake.script(reply);
    const err = await invokeText(model(), [new HumanMessage('x')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe(kind);
  });

  it('gives up on a hung endpoint within the timeout', async () => {
    fake.script({ hang: true });
    const err = await invokeText(model(300), [new HumanMessage('x')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(['timeout', 'connection']).toContain((err as LlmError).kind);
  });

  it('returns plain text', async () => {
    fake.script({ content: 'Hello from the model' });
    const result = await invokeText(model(), [new HumanMessage('x')]);
    expect(result.text).toBe('Hello from the model');
  });
});
