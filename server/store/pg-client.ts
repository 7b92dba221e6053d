import pg from 'pg';
import type { SqlClient } from './sql-client';

/** A shared PostgreSQL server, for several room servers behind a load balancer. */
export async function openPostgres(url: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // Fail at start-up, not at the first command, when the database is unreachable.
  (await pool.connect()).release();
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
