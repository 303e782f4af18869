/**
 * docker-compose.yml, checked without Docker: its structure against the parts of the Compose
 * specification it uses, and the promises its header makes (no default secrets, one image, health-
 * checks, nothing published but the inbox). Where the Docker CLI with its compose plugin exists,
 * `docker compose config` validates it as well.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const composeFile = path.join(root, 'docker-compose.yml');
const text = readFileSync(composeFile, 'utf8');

const SECRETS = ['SESSION_SECRET', 'POSTGRES_PASSWORD', 'APP_DB_PASSWORD', 'PORTAL_PUSH_SECRET'];
const SAMPLE_ENV: Record<string, string> = {
  SESSION_SECRET: 'Zq7vR2mK9xW4pL8nT3bY6cF1hJ5dG0sA-eU',
  POSTGRES_PASSWORD: '3f9c2a7b8d1e4f60a5b2c9d8e7f1a3b4',
  APP_DB_PASSWORD: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
  PORTAL_PUSH_SECRET: 'c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7',
};

/**
 * Compose's variable interpolation, for the forms the file may use: ${VAR}, ${VAR:-default},
 * ${VAR-default}, ${VAR:?error} and ${VAR?error}; $$ is a literal dollar.
 */
function interpolate(source: string, env: Record<string, string | undefined>): string {
  return source.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g,
    (whole, name: string | undefined, colon: string, op: string, arg: string) => {
      if (whole === '$$') return '$';
      const value = env[name!];
      const unset = value === undefined || (colon === ':' && value === '');
      if (op === '?' && unset) throw new Error(`required variable ${name} is missing a value: ${arg}`);
      if (op === '-' && unset) return arg;
      return value ?? '';
    },
  );
}

interface Service {
  build?: unknown;
  image?: string;
  pull_policy?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: {
    test: string[];
    interval?: string;
    timeout?: string;
    retries?: number;
    start_period?: string;
  };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

function load(env: Record<string, string | undefined>): Compose {
  return parse(interpolate(text, env), { merge: true }) as Compose;
}

const SERVICE_KEYS = new Set([
  'build',
  'image',
  'pull_policy',
  'init',
  'restart',
  'environment',
  'command',
  'volumes',
  'ports',
  'depends_on',
  'healthcheck',
]);
const DEPENDS_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
const DURATION = /^\d+(ms|s|m|h)$/;

describe('docker-compose.yml', () => {
  const compose = load(SAMPLE_ENV);
  const services = compose.services;
  const appServices = ['sandbox', 'migrate', 'web', 'worker'];

  it('uses only Compose keys, valid conditions and durations, and declares its named volumes', () => {
    expect(Object.keys(services).sort()).toEqual([
      'migrate',
      'postgres',
      'redis',
      'sandbox',
      'web',
      'worker',
    ]);
    for (const [name, service] of Object.entries(services)) {
      for (const key of Object.keys(service))
        expect([name, key, SERVICE_KEYS.has(key)]).toEqual([name, key, true]);
      expect(typeof service.image).toBe('string');
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[target]).toBeDefined();
        expect(DEPENDS_CONDITIONS.has(condition)).toBe(true);
        // Waiting for health needs a healthcheck on the other side, or compose waits forever.
        if (condition === 'service_healthy')
          expect([target, !!services[target].healthcheck]).toEqual([target, true]);
      }
      const hc = service.healthcheck;
      if (hc) {
        expect(['CMD', 'CMD-SHELL']).toContain(hc.test[0]);
        for (const d of [hc.interval, hc.timeout, hc.start_period].filter(Boolean))
          expect(d).toMatch(DURATION);
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect(compose.volumes).toHaveProperty(source);
      }
    }
  });

  it('has no default secret: each one is required with ${VAR:?} and nothing starts without it', () => {
    for (const name of SECRETS) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, 'g'))].map((m) => m[1]);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect([name, use.startsWith(':?')]).toEqual([name, true]);
      const { [name]: _omitted, ...rest } = SAMPLE_ENV;
      expect(() => load(rest)).toThrow(new RegExp(`required variable ${name}`));
      expect(() => load({ ...rest, [name]: '' })).toThrow(new RegExp(`required variable ${name}`));
    }
    expect(text).not.toMatch(/change-me|changeme|inbox-local-only/i);
  });

  it('builds one image, once, and runs every app role from it', () => {
    const images = new Set(appServices.map((name) => services[name].image));
    expect(images.size).toBe(1);
    expect(appServices.filter((name) => services[name].build !== undefined)).toEqual(['migrate']);
    // The others must not try to pull the locally built tag from a registry.
    for (const name of appServices.filter((n) => n !== 'migrate'))
      expect(services[name].pull_policy).toBe('never');
    const entrypoint = readFileSync(path.join(root, 'docker/entrypoint.sh'), 'utf8');
    for (const name of appServices) {
      const role = services[name].command![0];
      expect([name, entrypoint.includes(`\n  ${role})`)]).toEqual([name, true]);
    }
  });

  it('runs web and worker in production with the secrets passed through', () => {
    for (const name of ['migrate', 'web', 'worker']) {
      const env = services[name].environment!;
      expect(env.NODE_ENV).toBe('production');
      expect(env.SESSION_SECRET).toBe(SAMPLE_ENV.SESSION_SECRET);
      expect(String(env.DATABASE_URL)).toContain(`:${SAMPLE_ENV.APP_DB_PASSWORD}@`);
    }
    expect(services.migrate.environment!.DATABASE_OWNER_URL).toContain(`:${SAMPLE_ENV.POSTGRES_PASSWORD}@`);
    // Push: web receives at the address the worker registers; both hold the same secret.
    for (const name of ['web', 'worker']) {
      expect(services[name].environment!.PORTAL_PUSH_ENDPOINT).toBe('http://web:3000/portal/notify');
      expect(services[name].environment!.PORTAL_PUSH_SECRET).toBe(SAMPLE_ENV.PORTAL_PUSH_SECRET);
    }
  });

  it('checks the health of web, worker and sandbox, with a start period', () => {
    for (const name of ['web', 'worker', 'sandbox']) {
      const hc = services[name].healthcheck;
      expect([name, hc?.start_period]).toEqual([name, expect.stringMatching(DURATION)]);
    }
    expect(services.web.healthcheck!.test.join(' ')).toContain('127.0.0.1:3000/healthz');
    // The worker's probe goes to its metrics listener, at the port the config defaults to.
    expect(services.worker.healthcheck!.test.join(' ')).toContain('127.0.0.1:9464/healthz');
    expect(services.worker.environment!.WORKER_METRICS_PORT ?? 9464).toBe(9464);
    expect(services.sandbox.healthcheck!.test.join(' ')).toContain('127.0.0.1:8090/fhir/R4/metadata');
  });

  it('publishes only the inbox; the sandbox stays internal with its fault switches off unless asked', () => {
    const published = Object.entries(services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(published).toEqual(['web']);
    expect(services.sandbox.environment!.SANDBOX_ADMIN).toBe('off');
    expect(load({ ...SAMPLE_ENV, SANDBOX_ADMIN: 'on' }).services.sandbox.environment!.SANDBOX_ADMIN).toBe(
      'on',
    );
  });

  it('passes `docker compose config` where the Docker CLI has its compose plugin', () => {
    const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    // Without the plugin (as on the CI machine) the structural checks above stand in for it.
    if (probe.status !== 0) return;
    const env = { ...process.env, ...SAMPLE_ENV };
    execFileSync('docker', ['compose', '-f', composeFile, 'config', '--quiet'], { env, cwd: root });
    const { SESSION_SECRET: _missing, ...withoutSecret } = env;
    const refused = spawnSync('docker', ['compose', '-f', composeFile, 'config', '--quiet'], {
      env: withoutSecret,
      cwd: root,
      encoding: 'utf8',
    });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('SESSION_SECRET');
  });
});
