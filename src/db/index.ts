import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import Cursor from 'pg-cursor';
import type { Database } from './schema';

export type { Database } from './schema';
export * from './schema';
export { migrateToLatest, defaultMigrationsDir, SqlFileMigrationProvider } from './migrate';

export type Db = Kysely<Database>;

export interface CreateDbOptions {
  /** Pool size; the pg default (10) unless given. */
  maxConnections?: number;
  /** Name shown in pg_stat_activity, to tell web, worker and tests apart. */
  applicationName?: string;
  /** Told when an idle pooled connection fails (database restart); log it, without the URL. */
  onIdleConnectionError?: (err: Error) => void;
}

const INT8_OID = 20;

/**
 * int8 (bigint identities, count(*)) comes back as a JS number instead of pg's default string.
 * Per pool, not pg's global parser table, so no other pg user in the process is affected.
 * Values beyond 2^53 are far outside what this application stores.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return format === 'binary' ? pgTypes.getTypeParser(oid, 'binary') : pgTypes.getTypeParser(oid, 'text');
  },
};

/** A kysely instance over a pg Pool. The caller owns it and calls `db.destroy()` at shutdown. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.maxConnections,
    application_name: options.applicationName ?? 'inbox-draft-assistant',
    types: typeParsers,
  });
  // An idle client losing its connection (database restart) must not crash the process;
  // the next query gets a fresh connection or a clear error.
  pool.on('error', (err) => options.onIdleConnectionError?.(err));
  // A connection lost while checked out between two queries (inside a transaction, during a database
  // restart) makes its client emit 'error'; with no listener that ends the whole process. The loss
  // already surfaces as the failure of that client's next query, and the pool then discards it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // The cursor lets `.stream()` read big results (report exports) in chunks, in constant memory.
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
}
