import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema';

/** The query API, and `$client`, the pool under it, for the few hot statements sent as prepared SQL. */
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle: the same query API as `Db`, bound to one connection. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either; functions that only read accept both. */
export type Queryable = Db | Tx;

export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export function connect(url: string, poolMax: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, application_name: 'lastmeter' });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
