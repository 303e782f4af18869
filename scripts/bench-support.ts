/**
 * Pieces every bench section shares: a scratch PostgreSQL database of its own (dropped afterwards)
 * and the nearest-rank percentile of a sorted sample.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** BENCH_DATABASE_ADMIN_URL, else the tests' admin URL, else the local trust-auth server. */
function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_ADMIN_URL ??
    process.env.TEST_DATABASE_ADMIN_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

async function adminRun(statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database named `<prefix>_<random>`; `drop` removes it even with connections open. */
export async function scratchDatabase(
  prefix = 'inbox_bench',
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminRun(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminRun(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Nearest-rank percentile of an ascending sample. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
