/**
 * Accounts from the command line (no prompts, so it scripts cleanly):
 *   npm run user:add -- --email E --name N --role R [--password P]
 *   tsx src/auth/user-cli.ts disable --email E   |   enable --email E   |   unlock --email E
 * Without --password a password is generated and printed once. Uses DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { recordEvent } from '../audit';
import { createDb, type Db } from '../db';
import { databaseUrlFromEnv } from '../db/database-url';
import { clearFailedLogins, findUserByEmail } from './repository';
import { AccountError, createUser, setUserEnabled } from './users';

const USAGE = `usage:
  npm run user:add -- --email EMAIL --name "FULL NAME" --role staff|nurse|manager|admin [--password PASSWORD]
  tsx src/auth/user-cli.ts disable|enable|unlock --email EMAIL`;

const ACTOR = 'cli:user';

async function userIdByEmail(db: Db, email: string): Promise<string> {
  const user = await findUserByEmail(db, email.trim());
  if (!user) throw new AccountError(`no user with email ${email}`);
  return user.id;
}

/** Runs one command; returns the lines to print. Throws AccountError for the user's mistakes. */
export async function runUserCommand(db: Db, argv: string[]): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (!values.email) throw new AccountError(`--email is required\n${USAGE}`);
  switch (command) {
    case 'add': {
      if (!values.name || !values.role) throw new AccountError(`--name and --role are required\n${USAGE}`);
      const created = await createUser(
        db,
        {
          email: values.email,
          displayName: values.name,
          role: values.role as never,
          password: values.password,
        },
        ACTOR,
      );
      return [
        `Created ${values.role} ${created.email} (${created.userId})`,
        ...(created.generatedPassword ? [`Password (shown once): ${created.generatedPassword}`] : []),
      ];
    }
    case 'disable':
    case 'enable': {
      const userId = await userIdByEmail(db, values.email);
      await setUserEnabled(db, userId, command === 'enable', ACTOR);
      return [`${command === 'enable' ? 'Enabled' : 'Disabled'} ${values.email}`];
    }
    case 'unlock': {
      const userId = await userIdByEmail(db, values.email);
      await clearFailedLogins(db, userId);
      await recordEvent(db, { actor: ACTOR, action: 'auth.user_unlocked', data: { userId } });
      return [`Unlocked ${values.email}`];
    }
    default:
      throw new AccountError(`unknown command ${JSON.stringify(command ?? '')}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const db = createDb(databaseUrlFromEnv(process.env), { applicationName: 'user-cli', maxConnections: 1 });
  try {
    process.stdout.write(`${(await runUserCommand(db, process.argv.slice(2))).join('\n')}\n`);
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    // parseArgs and AccountError messages name the bad option; nothing here echoes a password.
    const known =
      err instanceof AccountError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    console.error(
      `user: ${known ? (err as Error).message : 'failed: ' + (err instanceof Error ? err.name : 'error')}`,
    );
    if (!known && err instanceof Error) console.error(err.message);
    process.exitCode = 1;
  });
}
