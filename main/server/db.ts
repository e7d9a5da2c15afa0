/**
 * The server's PostgreSQL access: one bounded `pg` pool, and `query` that runs inside the current
 * transaction when there is one (AsyncLocalStorage), so store methods compose into
 * `transaction(fn)` without passing a client around.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';

/** Options of the pool (bounded: connections, connect and statement time). */
export type DbOptions = Readonly<{
  url: string;
  /** Most connections open at once (default 10). */
  maxConnections?: number;
  /** Longest statement, in ms (default 30 s). */
  statementTimeoutMs?: number;
}>;

/** The database handle every server part shares. */
export type Db = Readonly<{
  pool: pg.Pool;
  query: <R extends QueryResultRow>(sql: string, params?: readonly unknown[]) => Promise<R[]>;
  /** Runs `fn` in one transaction; nested calls join the outer one. */
  transaction: <T>(fn: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}>;

// bigint (int8) as a JS number: ids and epoch milliseconds stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens a pool on `url`. Nothing connects until the first query. */
export function openDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: 'xaso-serve',
  });
  // A connection dropped while idle (server restart) must not crash the process.
  pool.on('error', () => {});
  const current = new AsyncLocalStorage<PoolClient>();
  const query = async <R extends QueryResultRow>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<R[]> => {
    const client = current.getStore();
    const result = await (client ?? pool).query<R>(sql, params as unknown[]);
    return result.rows;
  };
  const transaction = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (current.getStore() !== undefined) return fn();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await current.run(client, fn);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  return { pool, query, transaction, close: () => pool.end() };
}
