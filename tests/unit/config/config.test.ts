import { ConfigError, loadConfig } from '../../../src/config';

describe('loadConfig', () => {
  it('applies defaults to an empty environment', () => {
    const cfg = loadConfig({});
    expect(cfg.env.PORT).toBe(3000);
    expect(cfg.env.POLL_INTERVAL_MS).toBe(5000);
    expect(cfg.llm).toMatchObject({ model: 'gpt-4o-mini', baseUrl: undefined, apiKey: undefined });
  });

  it('names the bad variable without echoing its value', () => {
    let error: unknown;
    try {
      loadConfig({ POLL_INTERVAL_MS: 'soon', OPENAI_BASE_URL: 'not a url secret-value' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('POLL_INTERVAL_MS');
    expect(message).toContain('OPENAI_BASE_URL');
    expect(message).not.toContain('secret-value');
  });

  it('accepts IANA time zones and rejects made-up ones', () => {
    expect(loadConfig({}).env.CLINIC_TIME_ZONE).toBe('America/Chicago');
    expect(loadConfig({ CLINIC_TIME_ZONE: 'Europe/Madrid' }).env.CLINIC_TIME_ZONE).toBe('Europe/Madrid');
    expect(() => loadConfig({ CLINIC_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/CLINIC_TIME_ZONE/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ OPENAI_BASE_URL: '', OPENAI_API_KEY: '' }).llm.baseUrl).toBeUndefined();
  });

  it('takes push settings both or neither, with a real secret in every environment', () => {
    const endpoint = 'https://inbox.clinic.example/portal/notify';
    const secret = 'Zq7vR2mK9xW4pL8nT3bY6cF1hJ5dG0sA-eU';
    expect(loadConfig({}).portalPush).toBeUndefined();
    expect(loadConfig({ PORTAL_PUSH_ENDPOINT: endpoint, PORTAL_PUSH_SECRET: secret }).portalPush).toEqual({
      endpoint,
      secret,
    });
    expect(() => loadConfig({ PORTAL_PUSH_ENDPOINT: endpoint })).toThrow(/PORTAL_PUSH_SECRET, or neither/);
    expect(() => loadConfig({ PORTAL_PUSH_SECRET: secret })).toThrow(/PORTAL_PUSH_ENDPOINT/);
    expect(() => loadConfig({ PORTAL_PUSH_ENDPOINT: endpoint, PORTAL_PUSH_SECRET: 'short' })).toThrow(
      /PORTAL_PUSH_SECRET is shorter than 32/,
    );
    expect(() => loadConfig({ PORTAL_PUSH_ENDPOINT: 'not a url', PORTAL_PUSH_SECRET: secret })).toThrow(
      /PORTAL_PUSH_ENDPOINT/,
    );
  });
});
