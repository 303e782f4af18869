import { ConfigError, loadConfig } from '../../../src/config';

describe('auth settings', () => {
  it('refuses production without SESSION_SECRET, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: '' })).toThrow(
      'SESSION_SECRET is required when NODE_ENV=production',
    );
    const strong = 'q3J9vX2mLr8TzK0pWc5NbY7hGs4Df1Ae6Uo';
    const ok = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: strong });
    expect(ok.auth.sessionSecret).toBe(strong);
  });

  it('refuses weak, repeated and sample secrets in production, naming the variable but never the value', () => {
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig({ NODE_ENV: 'production', ...env });
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ SESSION_SECRET: 'short-secret-1' })).toMatch(/SESSION_SECRET is shorter than 32/);
    expect(refused({ SESSION_SECRET: 'x'.repeat(40) })).toMatch(/SESSION_SECRET repeats too few/);
    // The compose file's old default, and anything shaped like a sample.
    const sample = refused({ SESSION_SECRET: 'change-me-before-real-use-0123456789abcdef' });
    expect(sample).toMatch(/SESSION_SECRET looks like a placeholder \(contains "change-me"\)/);
    expect(sample).not.toContain('0123456789abcdef');
    const strong = 'q3J9vX2mLr8TzK0pWc5NbY7hGs4Df1Ae6Uo';
    expect(
      refused({ SESSION_SECRET: strong, DATABASE_URL: 'postgres://inbox:inbox-local-only@db:5432/inbox' }),
    ).toMatch(/DATABASE_URL uses a known default password/);
    expect(refused({ SESSION_SECRET: strong, DATABASE_OWNER_URL: 'postgres://owner:demo@db/inbox' })).toMatch(
      /DATABASE_OWNER_URL uses a known default password/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: strong,
        DATABASE_URL: 'postgres://inbox_app:Zx81-long-random-pass@db/inbox',
      }).env.NODE_ENV,
    ).toBe('production');
    // Outside production the same values are accepted (local trials), with a random secret if none.
    expect(loadConfig({ SESSION_SECRET: 'x' }).auth.sessionSecret).toBe('x');
  });

  it('has clinic defaults (30 min idle, 12 h sessions, 5 failures lock 15 min) that the environment can change', () => {
    expect(loadConfig({}).auth).toEqual({
      sessionSecret: undefined,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3_600_000,
      maxFailedLogins: 5,
      lockoutMs: 15 * 60_000,
      accountMaxFailedLogins: 20,
      slowdownAfter: 100,
      slowdownMaxDelayMs: 3000,
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
