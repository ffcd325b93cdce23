/** PGlite (PostgreSQL compiled to WASM) on a data directory: the embedded default. */
import { PGlite } from '@electric-sql/pglite';
import type { Db, QueryResult, Tx } from './db.js';

/**
 * pg's rowCount is the rows a SELECT returned or a DML statement touched; PGlite reports `affectedRows` 0
 * for a SELECT, so take whichever is larger (RETURNING rows equal the rows touched).
 */
function wrap<T>(r: { rows: unknown[]; affectedRows?: number }): QueryResult<T> {
  return { rows: r.rows as T[], rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
}

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  return {
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return wrap<T>(await pg.query(sql, params as unknown[]));
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return pg.transaction(async (t) =>
        fn({
          async query<R>(sql: string, params: readonly unknown[] = []) {
            return wrap<R>(await t.query(sql, params as unknown[]));
          },
          async exec(sql: string) {
            await t.exec(sql);
          },
        }),
      );
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async raw(sql: string, params: readonly unknown[] = []) {
      if (params.length > 0) return wrap(await pg.query(sql, params as unknown[]));
      const results = await pg.exec(sql);
      const last = results[results.length - 1];
      return last ? wrap(last) : { rows: [], rowCount: 0 };
    },
    async close() {
      await pg.close();
    },
  };
}
