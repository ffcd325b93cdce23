/**
 * Apply pending migrations in one transaction under an advisory lock (safe with several app instances).
 * With an app role configured (PostgreSQL, migrating as owner), grant it what it needs and no more:
 * the audit trail gets SELECT and INSERT only.
 */
import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

const LOCK_ID = 72_620_250;

export async function migrate(db: Db, opts: { appRole?: string } = {}): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.name)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
      applied.push(m.name);
    }
    if (opts.appRole && db.engine === 'postgres') {
      const role = `"${opts.appRole}"`;
      await tx.exec(`
        GRANT USAGE ON SCHEMA public TO ${role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${role};
      `);
    }
    return applied;
  });
}
