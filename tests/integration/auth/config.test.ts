import { ConfigError, loadConfig } from '../../../src/config';

describe('auth settings', () => {
  it('refuses production without SESSION_SECRET, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: '' })).toThrow(
      'SESSION_SECRET is required when NODE_ENV=production',
    );
    const ok = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(ok.auth.sessionSecret).toBe('x'.repeat(40));
  });

  it('has clinic defaults (30 min idle, 12 h sessions, 5 failures lock 15 min) that the environment can change', () => {
    expect(loadConfig({}).auth).toEqual({
      sessionSecret: undefined,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3_600_000,
      maxFailedLogins: 5,
      lockoutMs: 15 * 60_000,
    });
    const custom = loadConfig({
      SESSION_IDLE_MINUTES: '15',
      LOGIN_MAX_FAILURES: '10',
      LOGIN_LOCKOUT_MINUTES: '30',
    });
    expect(custom.auth).toMatchObject({
      sessionIdleMs: 15 * 60_000,
      maxFailedLogins: 10,
      lockoutMs: 30 * 60_000,
    });
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES: 'many' })).toThrow(/LOGIN_MAX_FAILURES/);
  });
});
