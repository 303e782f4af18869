/**
 * A database connection lost mid-transaction (a PostgreSQL restart, a terminated backend) fails that
 * transaction and nothing else: the process carries on and the pool hands out fresh connections.
 * Before, the lost client's unhandled 'error' event ended the whole worker or web process.
 */
import { sql } from 'kysely';
import { Client } from 'pg';
import { createDb } from '../../../src/db';
import { adminDatabaseUrl } from '../../helpers/db';

describe('createDb when a connection is lost', () => {
  it('fails the transaction that held it, and keeps the process and the pool working', async () => {
    const db = createDb(adminDatabaseUrl(), { applicationName: 'jest-connection-loss' });
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      const transaction = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
        // The termination reaches the client while no query of it is running.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`select 1`.execute(trx);
      });
      await expect(transaction).rejects.toThrow();
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(rows[0].one).toBe(1);
    } finally {
      await admin.end();
      await db.destroy();
    }
  });
});
