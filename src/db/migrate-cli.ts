/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
import { databaseUrlFromEnv } from './database-url';
import { createDb } from './index';
import { migrateToLatest } from './migrate';

export async function runMigrate(env: NodeJS.ProcessEnv): Promise<string[]> {
  const databaseUrl = databaseUrlFromEnv(env);
  const db = createDb(databaseUrl, { applicationName: 'migrate', maxConnections: 2 });
  try {
    return (await migrateToLatest(db)).applied;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  runMigrate(process.env).then(
    (applied) => {
      process.stdout.write(
        applied.length
          ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n`
          : 'database is up to date\n',
      );
    },
    (err: unknown) => {
      console.error(`migrate failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
