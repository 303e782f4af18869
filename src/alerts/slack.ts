/**
 * The worker's Slack Web API client (@slack/web-api, as Bolt brings it), and what a failed call means
 * for a retry.
 */
import { webApi } from '@slack/bolt';
import type { SlackSettings } from './settings';

/**
 * No retries inside the client: BullMQ retries the job with backoff, so a crash mid-retry loses
 * nothing, and rate limits come back to us (rejectRateLimitedCalls) to be honoured as a job delay.
 */
export type SlackClient = webApi.WebClient;

export function createSlackClient(s: SlackSettings, timeoutMs = 5000): SlackClient {
  return new webApi.WebClient(s.botToken, {
    slackApiUrl: s.apiUrl ? withTrailingSlash(s.apiUrl) : undefined,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export interface SlackFailure {
  /** A fixed word for the alert state and logs: `ratelimited`, `http_500`, `invalid_auth`, `timeout`… */
  code: string;
  /** Seconds Slack asked us to wait (HTTP 429 Retry-After). */
  retryAfterSec?: number;
}

export function describeSlackError(err: unknown): SlackFailure {
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: unknown } };
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error':
      return {
        code: 'ratelimited',
        retryAfterSec: typeof e.retryAfter === 'number' ? e.retryAfter : undefined,
      };
    case 'slack_webapi_http_error':
      return { code: `http_${e.statusCode ?? 'error'}` };
    case 'slack_webapi_platform_error': {
      const word = typeof e.data?.error === 'string' ? e.data.error : 'platform_error';
      return { code: /^[a-z_]{1,60}$/.test(word) ? word : 'platform_error' };
    }
    case 'slack_webapi_request_error':
      return { code: 'request_failed' };
    default:
      return { code: 'error' };
  }
}
