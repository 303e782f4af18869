import { ChatOpenAI } from '@langchain/openai';
import type { BaseMessage } from '@langchain/core/messages';
import type { z } from 'zod';
import type { LlmSettings } from '../config';

export type LlmConfig = LlmSettings;

export type LlmErrorKind =
  'timeout' | 'rate_limited' | 'server_error' | 'invalid_output' | 'connection' | 'rejected';

/** A model call that failed; `kind` says how, so callers can flag the fallback they took. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface LlmCallResult<T> {
  value: T;
  usage: TokenUsage;
  latencyMs: number;
}

/**
 * Any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server).
 * Returns null when no model is configured: the product then drafts from templates.
 */
export function createChatModel(cfg: LlmConfig): ChatOpenAI | null {
  if (!cfg.baseUrl && !cfg.apiKey) return null;
  return new ChatOpenAI({
    model: cfg.model,
    // Local servers (vLLM, Ollama) accept any key; the SDK insists on one being present.
    apiKey: cfg.apiKey ?? 'not-needed',
    timeout: cfg.timeoutMs,
    maxRetries: cfg.maxRetries,
    temperature: 0.2,
    configuration: cfg.baseUrl ? { baseURL: cfg.baseUrl } : undefined,
  });
}

/** Maps the SDK's many error shapes onto the few a caller acts on. The message never carries request content. */
export function toLlmError(err: unknown): LlmError {
  if (err instanceof LlmError) return err;
  const e = err as { status?: number; name?: string; message?: string; code?: string };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const name = e?.name ?? '';
  const message = String(e?.message ?? '');
  if (status === 429)
    return new LlmError('rate_limited', 'model endpoint rate-limited the request (HTTP 429)');
  if (status !== undefined && status >= 500)
    return new LlmError('server_error', `model endpoint failed (HTTP ${status})`);
  if (status !== undefined && status >= 400)
    return new LlmError('rejected', `model endpoint rejected the request (HTTP ${status})`);
  if (/timeout|timed out/i.test(name + message) || e?.code === 'ETIMEDOUT') {
    return new LlmError('timeout', 'model call timed out');
  }
  if (/connection|ECONNREFUSED|ECONNRESET|fetch failed|abort/i.test(name + message)) {
    // Under jest the SDK reports its own timeout as a connection error (STACK.md); both mean "no answer".
    return new LlmError('connection', 'model endpoint could not be reached or did not answer');
  }
  if (/json|parse|schema|output/i.test(name + message))
    return new LlmError('invalid_output', 'model output was not valid');
  return new LlmError('invalid_output', `model call failed (${name || 'unknown error'})`);
}

function usageOf(raw: unknown): TokenUsage {
  const meta = (raw as { usage_metadata?: { input_tokens?: number; output_tokens?: number } })
    ?.usage_metadata;
  return { inputTokens: meta?.input_tokens ?? 0, outputTokens: meta?.output_tokens ?? 0 };
}

/** A structured answer validated by `schema`; anything else is an `invalid_output` LlmError. */
export async function invokeStructured<T>(
  model: ChatOpenAI,
  schema: z.ZodType<T>,
  messages: BaseMessage[],
  name: string,
): Promise<LlmCallResult<T>> {
  const started = performance.now();
  let result: { raw: unknown; parsed: unknown };
  try {
    const runnable = model.withStructuredOutput(schema as z.ZodType<Record<string, unknown>>, {
      name,
      includeRaw: true,
    });
    result = (await runnable.invoke(messages)) as { raw: unknown; parsed: unknown };
  } catch (err) {
    throw toLlmError(err);
  }
  const checked = schema.safeParse(result.parsed);
  if (!checked.success) throw new LlmError('invalid_output', `model output did not match the ${name} schema`);
  return {
    value: checked.data,
    usage: usageOf(result.raw),
    latencyMs: Math.round(performance.now() - started),
  };
}

export interface TextCallResult {
  text: string;
  usage: TokenUsage;
  latencyMs: number;
}

/** Plain text completion. */
export async function invokeText(model: ChatOpenAI, messages: BaseMessage[]): Promise<TextCallResult> {
  const started = performance.now();
  let raw: { content: unknown };
  try {
    raw = await model.invoke(messages);
  } catch (err) {
    throw toLlmError(err);
  }
  if (typeof raw.content !== 'string' || raw.content.trim() === '') {
    throw new LlmError('invalid_output', 'model returned no text');
  }
  return { text: raw.content, usage: usageOf(raw), latencyMs: Math.round(performance.now() - started) };
}
