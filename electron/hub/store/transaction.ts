// One transaction on a pooled connection: COMMIT when `work` resolves, ROLLBACK when it throws.
// A connection whose ROLLBACK or COMMIT failed without a SQLSTATE (the socket broke) is
// destroyed rather than handed back to the pool.

import type pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    let result: T;
    try {
      result = await work(client);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    }
    try {
      await client.query('COMMIT');
    } catch (error) {
      if (sqlState(error) === undefined) broken = true;
      throw error;
    }
    return result;
  } finally {
    client.release(broken);
  }
}

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
