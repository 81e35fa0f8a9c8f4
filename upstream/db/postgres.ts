/**
 * {@link SqlDatabase} on a PostgreSQL server through a node-postgres pool.
 */
import pg from 'pg';
import type { QueryOptions, SqlClient, SqlDatabase } from './sql';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function client(db: Queryable, pool: pg.Pool | undefined): SqlClient {
  return {
    query: async <R>(text: string, params: readonly unknown[] = [], options: QueryOptions = {}) =>
      (await db.query({ text, values: [...params], ...(options.prepareAs ? { name: options.prepareAs } : {}) })).rows as R[],
    exec: async (text) => {
      await db.query(text);
    },
    transaction: async (fn) => {
      // Inside a transaction already: run on the same connection.
      if (pool === undefined) return fn(client(db, undefined));
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(client(conn, undefined));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
  };
}

export async function openPostgres(databaseUrl: string, poolSize: number): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query('SELECT 1');
  const url = new URL(databaseUrl);
  url.password = '';
  return { ...client(pool, pool), kind: 'postgres', location: url.toString(), close: () => pool.end() };
}
