/** `kieskluis migrate`: apply pending migrations (the server also does this at start). */
import { openDatabase } from '../../app/kernel.js';
import type { Config } from '../../config/config.js';
import { acquireDataDirLock } from '../../storage/data-dir-lock.js';
import { migrate } from '../../storage/migrate.js';
import { openPostgres } from '../../storage/postgres-db.js';

export async function runMigrations(cfg: Config): Promise<string[]> {
  const lock = cfg.databaseUrl ? null : acquireDataDirLock(cfg.dataDir, 'cli: migrate');
  try {
    const db = cfg.migrationDatabaseUrl
      ? await openPostgres(cfg.migrationDatabaseUrl, 1)
      : await openDatabase(cfg);
    try {
      return await migrate(db, { appRole: cfg.appDatabaseRole });
    } finally {
      await db.close();
    }
  } finally {
    lock?.release();
  }
}
