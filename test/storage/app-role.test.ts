/**
 * The production layout on PostgreSQL: migrations run as the owner, the app runs as a role that is not
 * the owner (KIESKLUIS_MIGRATION_DATABASE_URL + KIESKLUIS_APP_DB_ROLE). The app can work — including the
 * pg-boss job queue — but cannot rewrite the audit trail.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKernel } from '../../src/app/kernel.js';
import { loadConfig } from '../../src/config/config.js';
import { verifyAuditChain } from '../../src/storage/audit-log.js';
import { rotateKeys } from '../../src/usecases/keys/rotate-keys.js';
import { createThrowawayDatabase, postgresUrls } from '../support/postgres-env.js';

describe.skipIf(postgresUrls() === null)('the app as a non-owner role on PostgreSQL', () => {
  it('migrates as owner, runs jobs and appends audit entries as the app role, which cannot change them', async () => {
    const dbx = await createThrowawayDatabase('kk_app_role');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-approle-'));
    const config = loadConfig({
      KIESKLUIS_DATA_DIR: dataDir,
      DATABASE_URL: dbx.appUrl,
      KIESKLUIS_MIGRATION_DATABASE_URL: dbx.ownerUrl,
      KIESKLUIS_APP_DB_ROLE: new URL(postgresUrls()!.app).username,
      KIESKLUIS_MASTER_KEY: randomBytes(32).toString('base64'),
      KIESKLUIS_LOG_LEVEL: 'silent',
    });
    const k = await openKernel(config, { holder: 'test', startJobs: true });
    try {
      expect(k.jobs?.healthy()).toBe(true);
      // A key rotation queues the re-encryption job; the worker (running as the app role) finishes it.
      const r = await rotateKeys(k, { kind: 'operator' });
      expect(r.queued).toBe(true);
      let done = false;
      for (let i = 0; i < 60 && !done; i++) {
        const { rows } = await k.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit_events WHERE type = 'keys.reencrypted'",
        );
        done = (rows[0]?.n ?? 0) > 0;
        if (!done) await new Promise((res) => setTimeout(res, 500));
      }
      expect(done).toBe(true);
      expect((await verifyAuditChain(k.db, k.keyring.auditKey)).ok).toBe(true);
      await expect(k.db.query("UPDATE audit_events SET type = 'x'")).rejects.toThrow(/permission denied/);
      await expect(k.db.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await expect(k.db.exec('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
      await expect(k.db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER')).rejects.toThrow(
        /must be owner/,
      );
    } finally {
      await k.close();
      await dbx.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
