/** Health: database reachable, job queue running, encryption keys loaded, and old keys still awaiting re-encryption. */
import { keysAwaitingReencryption } from '../../storage/crypto/reencrypt.js';
import type { Deps } from '../deps.js';

export async function getHealth(d: Pick<Deps, 'db' | 'keyring' | 'jobs' | 'config'>) {
  let dbOk = true;
  let pending: string[] = [];
  try {
    await d.db.query('SELECT 1');
    pending = await keysAwaitingReencryption(d.db);
  } catch {
    dbOk = false;
  }
  const jobsOk = d.config.jobs ? (d.jobs?.healthy() ?? false) : true;
  const keysOk = Boolean(d.keyring.activeKeyId);
  return {
    status: dbOk && jobsOk && keysOk ? ('ok' as const) : ('degraded' as const),
    database: { ok: dbOk, engine: d.db.engine },
    jobs: { ok: jobsOk, enabled: d.config.jobs },
    keys: { ok: keysOk, activeKeyId: d.keyring.activeKeyId, keysAwaitingReencryption: pending },
  };
}
