/**
 * `npm run migrate`: applies pending migrations as the owner role, then creates (when missing), grants
 * and checks the app role. DATABASE_OWNER_URL is the owner's connection and DATABASE_URL the app's
 * (the one web and worker use). With DATABASE_URL alone the one role does both, which a check reports:
 * a warning outside production, an error in production.
 */
import { createDb } from './index';
import { databaseUrlFromEnv, ownerDatabaseUrlFromEnv } from './database-url';
import { migrateToLatest } from './migrate';
import { appRoleFromUrl, checkAppRole, ensureAppRole, grantAppRole } from './roles';

export interface MigrateReport {
  applied: string[];
  /** The app role set up and checked; absent when DATABASE_OWNER_URL was not given. */
  appRole?: { name: string; created: boolean };
  /** Why the roles are not separated (single-role setups); empty when they are. */
  warnings: string[];
}

export class RoleCheckError extends Error {
  override name = 'RoleCheckError';
}

export async function runMigrate(env: NodeJS.ProcessEnv): Promise<MigrateReport> {
  const appUrl = databaseUrlFromEnv(env);
  const ownerUrl = ownerDatabaseUrlFromEnv(env);
  const owner = createDb(ownerUrl ?? appUrl, { applicationName: 'migrate', maxConnections: 2 });
  try {
    const { applied } = await migrateToLatest(owner);
    if (!ownerUrl) {
      const warnings = [
        'DATABASE_OWNER_URL is not set: the app role owns the tables and could rewrite the audit log; ' +
          'set DATABASE_OWNER_URL to the owner role and DATABASE_URL to a separate app role',
      ];
      if (env.NODE_ENV === 'production') throw new RoleCheckError(warnings[0]);
      return { applied, warnings };
    }
    const spec = appRoleFromUrl(appUrl);
    const created = (await ensureAppRole(owner, spec)) === 'created';
    await grantAppRole(owner, spec.name);
    const problems = await checkAppRole(owner, spec.name);
    if (problems.length > 0) throw new RoleCheckError(`app role check failed: ${problems.join('; ')}`);
    return { applied, appRole: { name: spec.name, created }, warnings: [] };
  } finally {
    await owner.destroy();
  }
}

export function describeMigrate(report: MigrateReport): string[] {
  const lines = [
    report.applied.length
      ? `applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`
      : 'database is up to date',
  ];
  if (report.appRole) {
    lines.push(
      `app role ${report.appRole.name}${report.appRole.created ? ' created;' : ':'} reads and appends events, cannot change them, owns nothing`,
    );
  }
  return lines;
}

if (require.main === module) {
  runMigrate(process.env).then(
    (report) => {
      for (const w of report.warnings) console.error(`warning: ${w}`);
      process.stdout.write(`${describeMigrate(report).join('\n')}\n`);
    },
    (err: unknown) => {
      console.error(`migrate failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
