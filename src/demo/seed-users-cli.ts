/**
 * Seeds the demo users (one per role) into DATABASE_URL and prints their logins and API tokens in
 * the demo's format. For a Docker Compose trial: `docker compose run --rm web demo-users`.
 * Each run replaces the previous demo passwords and tokens.
 */
import { databaseUrlFromEnv } from '../db/database-url';
import { createDb } from '../db';
import { formatLogins, seedDemoUsers } from './users';

async function main(): Promise<void> {
  const db = createDb(databaseUrlFromEnv(process.env), { applicationName: 'demo-users', maxConnections: 1 });
  try {
    process.stdout.write(`${formatLogins(await seedDemoUsers(db)).join('\n')}\n`);
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`demo users: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
