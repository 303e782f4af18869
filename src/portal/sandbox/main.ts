/** `npm run portal`: the sandbox FHIR portal on its own, seeded with the synthetic clinic. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SmartOptions } from './smart';
import { startSeededSandbox } from './seed';

const Env = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_SEED: z.coerce.number().int().default(1),
  SANDBOX_PATIENTS: z.coerce.number().int().min(0).max(100_000).default(300),
  /** Patient messages waiting in the portal at start. */
  SANDBOX_MESSAGES: z.coerce.number().int().min(0).max(100_000).default(25),
  /**
   * The /_admin fault switches and raw inserts. Off unless asked for: a stand-alone portal may be
   * reachable by others (Docker, a shared host), and anyone reaching them can fail or plant resources.
   */
  SANDBOX_ADMIN: z.enum(['on', 'off']).default('off'),
  /** Base URL clients see, when behind a proxy or in Docker (links and Location headers use it). */
  SANDBOX_PUBLIC_URL: z.url().optional(),
  /** Require SMART Backend Services: the client id, and a file holding its public key (PEM or JWKS). */
  SANDBOX_SMART_CLIENT_ID: z.string().min(1).optional(),
  SANDBOX_SMART_PUBLIC_KEY_FILE: z.string().min(1).optional(),
});
export type SandboxEnv = z.output<typeof Env>;

export function parseSandboxEnv(env: NodeJS.ProcessEnv): SandboxEnv {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  if (!!parsed.data.SANDBOX_SMART_CLIENT_ID !== !!parsed.data.SANDBOX_SMART_PUBLIC_KEY_FILE) {
    throw new Error(
      'invalid environment: set both SANDBOX_SMART_CLIENT_ID and SANDBOX_SMART_PUBLIC_KEY_FILE, or neither',
    );
  }
  return parsed.data;
}

function smartFromEnv(env: SandboxEnv): SmartOptions | undefined {
  if (!env.SANDBOX_SMART_CLIENT_ID || !env.SANDBOX_SMART_PUBLIC_KEY_FILE) return undefined;
  const text = readFileSync(env.SANDBOX_SMART_PUBLIC_KEY_FILE, 'utf8').trim();
  const client = text.startsWith('{')
    ? { clientId: env.SANDBOX_SMART_CLIENT_ID, jwks: JSON.parse(text) }
    : { clientId: env.SANDBOX_SMART_CLIENT_ID, publicKeyPem: text };
  return { clients: [client] };
}

async function main(): Promise<void> {
  const env = parseSandboxEnv(process.env);
  const sandbox = await startSeededSandbox({
    port: env.SANDBOX_PORT,
    host: env.SANDBOX_HOST,
    seed: env.SANDBOX_SEED,
    patients: env.SANDBOX_PATIENTS,
    messages: env.SANDBOX_MESSAGES,
    publicBaseUrl: env.SANDBOX_PUBLIC_URL,
    admin: env.SANDBOX_ADMIN === 'on',
    smart: smartFromEnv(env),
  });
  const base = env.SANDBOX_PUBLIC_URL ?? sandbox.fhirBaseUrl;
  const summary = Object.entries(sandbox.counts)
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
  process.stdout.write(`Sandbox FHIR: ${base}\nSeeded (seed ${env.SANDBOX_SEED}): ${summary || 'nothing'}\n`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`sandbox portal failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
