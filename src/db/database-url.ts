import { z } from 'zod';

const DatabaseUrl = z
  .string({ error: 'is not set; give it a postgres:// URL' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

/** DATABASE_URL for the command-line tools, with an error that names the variable. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const parsed = DatabaseUrl.safeParse(env.DATABASE_URL);
  if (!parsed.success) throw new Error(`DATABASE_URL ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** DATABASE_OWNER_URL (the role migrations run as), when set. */
export function ownerDatabaseUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.DATABASE_OWNER_URL === undefined || env.DATABASE_OWNER_URL === '') return undefined;
  const parsed = DatabaseUrl.safeParse(env.DATABASE_OWNER_URL);
  if (!parsed.success) throw new Error(`DATABASE_OWNER_URL ${parsed.error.issues[0].message}`);
  return parsed.data;
}
