/**
 * `npm run audit:verify`: checks the events hash chain of DATABASE_URL against the latest anchor the
 * worker noted in AUDIT_ANCHOR_FILE or AUDIT_ANCHOR_URL (or an explicit AUDIT_ANCHOR=ID:HASH), so a
 * chain that was cut short or rebuilt by someone with the owner's rights is caught too. Without any
 * anchor only the links are checked, and it says so. Exit code 0 intact, 1 broken, 2 could not check.
 */
import { createDb } from '../db';
import { databaseUrlFromEnv } from '../db/database-url';
import { anchorSinkFromEnv } from './anchor-sinks';
import { verifyChain, type ChainAnchor, type ChainVerification } from './index';

export interface AuditVerifyResult extends ChainVerification {
  /** What the chain was checked against: an explicit anchor, the sink's latest, or none. */
  anchorSource: 'AUDIT_ANCHOR' | 'sink' | 'none';
  anchor?: ChainAnchor & { at?: string };
  sink?: string;
}

export function describeVerification(result: ChainVerification | AuditVerifyResult): string {
  const source = 'anchorSource' in result ? result : undefined;
  if (result.ok) {
    const head = result.head ? `; head ${result.head.id}:${result.head.hash}` : '';
    let against = '';
    if (source?.anchorSource === 'sink' && source.anchor)
      against = `; matches anchor ${source.anchor.id} noted ${source.anchor.at} in ${source.sink}`;
    else if (source?.anchorSource === 'AUDIT_ANCHOR' && source.anchor)
      against = `; matches AUDIT_ANCHOR ${source.anchor.id}`;
    else if (source?.anchorSource === 'none')
      against =
        '; no anchor configured (AUDIT_ANCHOR_FILE / AUDIT_ANCHOR_URL): a rebuilt chain would also pass';
    return `audit chain OK: ${result.count} event(s) verified${head}${against}`;
  }
  if (result.reason === 'anchor_mismatch') {
    const where = source?.anchorSource === 'sink' ? ` (anchored in ${source.sink})` : '';
    return `audit chain BROKEN: anchor event ${result.firstBadId}${where} is missing or changed`;
  }
  return `audit chain BROKEN at event id ${result.firstBadId} (${result.reason}); ${result.count - 1} event(s) before it verified`;
}

export function parseAnchor(value: string | undefined): ChainAnchor | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new Error('AUDIT_ANCHOR must be ID:HASH as printed by audit:verify');
  return { id: Number(m[1]), hash: m[2] };
}

export async function runAuditVerify(env: NodeJS.ProcessEnv): Promise<AuditVerifyResult> {
  const databaseUrl = databaseUrlFromEnv(env);
  const explicit = parseAnchor(env.AUDIT_ANCHOR);
  const sink = explicit ? undefined : anchorSinkFromEnv(env);
  const noted = sink ? await sink.latest() : undefined;
  const anchor = explicit ?? noted;
  const db = createDb(databaseUrl, { applicationName: 'audit-verify', maxConnections: 1 });
  try {
    const result = await verifyChain(db, { anchor });
    return {
      ...result,
      anchorSource: explicit ? 'AUDIT_ANCHOR' : noted ? 'sink' : 'none',
      anchor: noted ?? explicit,
      sink: sink?.describe(),
    };
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
