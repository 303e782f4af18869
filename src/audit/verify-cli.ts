/**
 * `npm run audit:verify`: checks the events hash chain of DATABASE_URL. Prints the head as ID:HASH;
 * keep it outside the database and pass it back as AUDIT_ANCHOR=ID:HASH to also catch a chain that
 * was cut short or rebuilt. Exit code 0 intact, 1 broken, 2 could not check.
 */
import { createDb } from '../db';
import { databaseUrlFromEnv } from '../db/database-url';
import { verifyChain, type ChainAnchor, type ChainVerification } from './index';

export function describeVerification(result: ChainVerification): string {
  if (result.ok) {
    const head = result.head ? `; head ${result.head.id}:${result.head.hash}` : '';
    return `audit chain OK: ${result.count} event(s) verified${head}`;
  }
  if (result.reason === 'anchor_mismatch') {
    return `audit chain BROKEN: anchor event ${result.firstBadId} is missing or changed`;
  }
  return `audit chain BROKEN at event id ${result.firstBadId} (${result.reason}); ${result.count - 1} event(s) before it verified`;
}

export function parseAnchor(value: string | undefined): ChainAnchor | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new Error('AUDIT_ANCHOR must be ID:HASH as printed by audit:verify');
  return { id: Number(m[1]), hash: m[2] };
}

export async function runAuditVerify(env: NodeJS.ProcessEnv): Promise<ChainVerification> {
  const databaseUrl = databaseUrlFromEnv(env);
  const anchor = parseAnchor(env.AUDIT_ANCHOR);
  const db = createDb(databaseUrl, { applicationName: 'audit-verify', maxConnections: 1 });
  try {
    return await verifyChain(db, { anchor });
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  runAuditVerify(process.env).then(
    (result) => {
      process.stdout.write(`${describeVerification(result)}\n`);
      if (!result.ok) process.exitCode = 1;
    },
    (err: unknown) => {
      console.error(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 2;
    },
  );
}
