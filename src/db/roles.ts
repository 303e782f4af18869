/**
 * Least-privilege database roles. Migrations run as the owner (DATABASE_OWNER_URL): it owns every
 * table, the audit triggers and their function. Web and worker run as the app role (DATABASE_URL),
 * which may read and write the working tables but only SELECT and INSERT `events`: it owns nothing,
 * so it can neither drop nor disable the append-only triggers, and it is no superuser, so it cannot
 * switch triggers off with session_replication_role either. `npm run migrate` creates the app role
 * when missing, grants exactly this, and checks it; a check that fails stops the migration.
 */
import { sql, type Kysely } from 'kysely';

/** A PostgreSQL identifier we are willing to put in DDL; anything else is refused, not quoted. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface AppRoleSpec {
  name: string;
  /** Set on creation only; an existing role keeps its password. */
  password?: string;
}

export class DatabaseRoleError extends Error {
  override name = 'DatabaseRoleError';
}

/** The role and password a postgres:// URL logs in with. */
export function appRoleFromUrl(databaseUrl: string): AppRoleSpec {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.username);
  if (!ROLE_NAME.test(name)) {
    throw new DatabaseRoleError(
      'DATABASE_URL must name the app role as its user (lower-case letters, digits and _)',
    );
  }
  return { name, password: url.password ? decodeURIComponent(url.password) : undefined };
}

function checkedName(name: string): string {
  if (!ROLE_NAME.test(name)) throw new DatabaseRoleError(`not a plain role name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * Creates the app role (LOGIN, no other attribute) when it does not exist. Needs a superuser or a
 * role with CREATEROLE. Two migrations racing to create it are both fine.
 */
export async function ensureAppRole<DB>(
  ownerDb: Kysely<DB>,
  spec: AppRoleSpec,
): Promise<'created' | 'exists'> {
  const name = checkedName(spec.name);
  const found = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_roles where rolname = ${name}`.execute(ownerDb);
  if (found.rows[0].n > 0) return 'exists';
  // format() quotes the name and the password literal; DDL takes no bind parameters.
  const ddl = await sql<{ ddl: string }>`select format(
      'CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
      ${name}::text, ${spec.password ?? null}::text) as ddl`.execute(ownerDb);
  try {
    await sql.raw(ddl.rows[0].ddl).execute(ownerDb);
    return 'created';
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === '42710' || code === '23505') return 'exists'; // created meanwhile by another migrate
    if (code === '42501')
      throw new DatabaseRoleError(
        `the owner role may not create roles: create ${name} yourself (CREATE ROLE ${name} LOGIN PASSWORD ...) or grant the owner CREATEROLE`,
      );
    throw err;
  }
}

/**
 * Grants the app role its working rights on this database's tables, and nothing on `events` beyond
 * SELECT and INSERT, nor on the migrations' own bookkeeping. Idempotent; run after every migration so
 * new tables are covered.
 */
export async function grantAppRole<DB>(ownerDb: Kysely<DB>, roleName: string): Promise<void> {
  const role = sql.id(checkedName(roleName));
  await ownerDb.transaction().execute(async (trx) => {
    await sql`grant usage on schema public to ${role}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(trx);
    await sql`grant usage, select on all sequences in schema public to ${role}`.execute(trx);
    await sql`revoke update, delete, truncate, references, trigger on events from ${role}`.execute(trx);
    await sql`revoke all on kysely_migration, kysely_migration_lock from ${role}`.execute(trx);
  });
}

/**
 * What is wrong with the app role, in words (empty: nothing). It must exist, hold no role attribute
 * that bypasses the table rights, own nothing, not be (or belong to) the owner, be able to read and
 * append `events`, and be unable to change, delete, truncate, or put triggers on it.
 */
export async function checkAppRole<DB>(ownerDb: Kysely<DB>, roleName: string): Promise<string[]> {
  const name = checkedName(roleName);
  const attrs = await sql<{
    rolsuper: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    rolbypassrls: boolean;
    rolreplication: boolean;
  }>`select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
       from pg_roles where rolname = ${name}`.execute(ownerDb);
  const a = attrs.rows[0];
  if (!a) return [`role ${name} does not exist`];
  const problems: string[] = [];
  if (a.rolsuper) problems.push(`${name} is a superuser (it could switch the audit triggers off)`);
  if (a.rolbypassrls) problems.push(`${name} has BYPASSRLS`);
  if (a.rolcreaterole) problems.push(`${name} has CREATEROLE`);
  if (a.rolcreatedb) problems.push(`${name} has CREATEDB`);
  if (a.rolreplication) problems.push(`${name} has REPLICATION`);
  const rights = await sql<{
    owned: number;
    owner_member: boolean;
    can_select: boolean;
    can_insert: boolean;
    can_update: boolean;
    can_delete: boolean;
    can_truncate: boolean;
    can_trigger: boolean;
    can_create: boolean;
  }>`select
       (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and pg_has_role(${name}, c.relowner, 'USAGE')) as owned,
       pg_has_role(${name}, (select relowner from pg_class where oid = 'public.events'::regclass), 'MEMBER')
         as owner_member,
       has_table_privilege(${name}, 'public.events', 'SELECT') as can_select,
       has_table_privilege(${name}, 'public.events', 'INSERT') as can_insert,
       has_table_privilege(${name}, 'public.events', 'UPDATE') as can_update,
       has_table_privilege(${name}, 'public.events', 'DELETE') as can_delete,
       has_table_privilege(${name}, 'public.events', 'TRUNCATE') as can_truncate,
       has_table_privilege(${name}, 'public.events', 'TRIGGER') as can_trigger,
       has_schema_privilege(${name}, 'public', 'CREATE') as can_create`.execute(ownerDb);
  const r = rights.rows[0];
  if (r.owned > 0)
    problems.push(`${name} owns ${r.owned} table(s) or sequence(s) (it could drop the triggers)`);
  if (r.owner_member) problems.push(`${name} is, or is a member of, the owner of events`);
  if (!r.can_select || !r.can_insert) problems.push(`${name} cannot read and append events`);
  for (const [right, held] of [
    ['UPDATE', r.can_update],
    ['DELETE', r.can_delete],
    ['TRUNCATE', r.can_truncate],
    ['TRIGGER', r.can_trigger],
  ] as const) {
    if (held) problems.push(`${name} holds ${right} on events`);
  }
  if (r.can_create) problems.push(`${name} may create tables in schema public`);
  return problems;
}
