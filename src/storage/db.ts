/**
 * One small database port over two engines: PGlite (embedded, a data directory) and PostgreSQL (pg).
 * Same SQL dialect, same migrations. Repositories take a `Tx` (or the `Db`, which is also a `Queryable`).
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export interface Tx extends Queryable {
  /** Run a script with several statements and no parameters, inside the transaction. */
  exec(sql: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Run `fn` in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Run a script with several statements and no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Like query, but a parameterless script may hold several statements; returns the last result (job queue). */
  raw(sql: string, params?: readonly unknown[]): Promise<QueryResult<Record<string, unknown>>>;
  close(): Promise<void>;
}
