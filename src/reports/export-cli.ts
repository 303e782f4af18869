/**
 * The CSV exports from the command line, for scheduled jobs and very large ranges:
 *   npm run reports:export -- messages|summary --user EMAIL [--from D] [--to D] [--tz ZONE]
 *     [--by day|week|month] [--urgency U] [--category C] [--language L] [--staff USER_ID] > out.csv
 * The same options, checks and CSV as /reports/export/*.csv. The export is recorded in the audit
 * log as the named user's (who must be enabled and allowed `reports.export`), with `via: 'cli'`.
 * The CSV goes to standard output; a one-line summary (rows, seconds, peak RSS) to standard error.
 * Uses DATABASE_URL and CLINIC_TIME_ZONE.
 */
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { can } from '../auth/permissions';
import { findUserByEmail } from '../auth/repository';
import { loadConfig } from '../config';
import { createDb, type Db } from '../db';
import { databaseUrlFromEnv } from '../db/database-url';
import { HttpError } from '../http/errors';
import { exportMessagesCsv, exportSummaryCsv } from './export';
import { ExportQuerySchema, filtersOf, parseQuery } from './query';
import { reportContext } from './summary';

const USAGE = `usage: npm run reports:export -- messages|summary --user EMAIL [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  [--tz ZONE] [--by day|week|month] [--urgency U] [--category C] [--language L] [--staff USER_ID] > out.csv`;

const QUERY_OPTIONS = ['from', 'to', 'tz', 'by', 'urgency', 'category', 'language', 'staff'] as const;

export class ExportCommandError extends Error {
  override name = 'ExportCommandError';
}

/** Runs one export to `out`; returns the rows written. Throws ExportCommandError for the user's mistakes. */
export async function runExportCommand(
  db: Db,
  clinicTimeZone: string,
  argv: string[],
  out: Writable,
  now = new Date(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        user: { type: 'string' },
        ...Object.fromEntries(QUERY_OPTIONS.map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (err) {
    throw new ExportCommandError(`${(err as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  const [kind, ...extra] = positionals;
  if ((kind !== 'messages' && kind !== 'summary') || extra.length)
    throw new ExportCommandError(`say messages or summary\n${USAGE}`);
  if (!values.user) throw new ExportCommandError(`--user is required (the exporting manager)\n${USAGE}`);
  const user = await findUserByEmail(db, values.user);
  if (!user || user.disabled) throw new ExportCommandError(`no enabled user with email ${values.user}`);
  if (!can(user.role, 'reports.export'))
    throw new ExportCommandError(`${values.user} (${user.role}) may not export reports`);
  const given = values as Record<string, string | undefined>;
  const query = Object.fromEntries(QUERY_OPTIONS.flatMap((k) => (given[k] ? [[k, given[k]]] : [])));
  try {
    const q = parseQuery(ExportQuerySchema, query);
    const ctx = await reportContext(db, clinicTimeZone, q, now);
    const write = kind === 'messages' ? exportMessagesCsv : exportSummaryCsv;
    return await write(db, ctx, filtersOf(q), { userId: user.id, via: 'cli' }, out);
  } catch (err) {
    // The same plain messages the HTTP export answers with (bad dates, ranges, zones, settings).
    if (err instanceof HttpError) throw new ExportCommandError(err.message);
    throw err;
  }
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const db = createDb(databaseUrlFromEnv(process.env), {
    applicationName: 'reports-export',
    maxConnections: 2,
  });
  const started = performance.now();
  try {
    const rows = await runExportCommand(
      db,
      config.env.CLINIC_TIME_ZONE,
      process.argv.slice(2),
      process.stdout,
    );
    const seconds = (performance.now() - started) / 1000;
    // maxRSS: the peak resident memory of this process, in KiB.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(
      `exported ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s, peak RSS ${peakMb.toFixed(0)} MB)\n`,
    );
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof ExportCommandError ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}
