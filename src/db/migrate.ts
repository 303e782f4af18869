import { promises as fs } from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
// kysely 0.29 moved the migrator to its own entry point.
import { Migrator, type Migration, type MigrationProvider, type MigrationResult } from 'kysely/migration';

/**
 * Migrations are plain .sql files run through kysely's Migrator. SQL rather than TypeScript
 * because kysely's FileMigrationProvider loads files with a dynamic import(), which jest's
 * CommonJS runtime cannot do; reading SQL text works the same under tsx, jest and compiled JS.
 * Each file runs as one multi-statement query inside the Migrator's transaction.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(this.folder)).filter((f) => f.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await fs.readFile(path.join(this.folder, file), 'utf8');
      migrations[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

/** /migrations at the repository root, from src/db (tsx, jest) or dist/src/db (compiled). */
export function defaultMigrationsDir(): string {
  const candidates = [
    path.resolve(__dirname, '../../migrations'),
    path.resolve(__dirname, '../../../migrations'),
  ];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface MigrateOutcome {
  applied: string[];
}

/**
 * Brings the database to the latest migration. Safe to run from several processes at once:
 * the Migrator takes a PostgreSQL advisory lock, and already-applied migrations are skipped.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrationsDir: string = defaultMigrationsDir(),
): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: new SqlFileMigrationProvider(migrationsDir),
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success');
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, { cause: error });
  }
  return { applied: applied.map((r) => r.migrationName) };
}
