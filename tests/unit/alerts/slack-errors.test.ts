import { describeSlackError } from '../../../src/alerts/slack';
import { parseBrief, inboxUrl } from '../../../src/alerts/view';

describe('describeSlackError', () => {
  it('names each failure by a fixed word, keeping Retry-After', () => {
    expect(describeSlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toEqual({
      code: 'ratelimited',
      retryAfterSec: 7,
    });
    expect(describeSlackError({ code: 'slack_webapi_http_error', statusCode: 503 })).toEqual({
      code: 'http_503',
    });
    expect(
      describeSlackError({ code: 'slack_webapi_platform_error', data: { error: 'invalid_auth' } }),
    ).toEqual({
      code: 'invalid_auth',
    });
    expect(
      describeSlackError({ code: 'slack_webapi_platform_error', data: { error: 'Bad <stuff>' } }),
    ).toEqual({
      code: 'platform_error',
    });
    expect(describeSlackError({ code: 'slack_webapi_request_error' })).toEqual({ code: 'request_failed' });
    expect(describeSlackError(new Error('boom'))).toEqual({ code: 'error' });
  });
});

describe('stored patient brief', () => {
  it('keeps only well-formed initials, age and sex', () => {
    expect(parseBrief({ initials: 'M.G.', ageYears: 67, sex: 'female', name: 'Maria' })).toEqual({
      initials: 'M.G.',
      ageYears: 67,
      sex: 'female',
    });
    expect(parseBrief({ initials: 'Maria Garcia' })).toEqual({});
    expect(parseBrief(null)).toEqual({});
  });

  it('links into the inbox by opaque id only', () => {
    expect(inboxUrl('https://inbox.example.org/', 'abc')).toBe(
      'https://inbox.example.org/inbox/messages/abc',
    );
  });
});
