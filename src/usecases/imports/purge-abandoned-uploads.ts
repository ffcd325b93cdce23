/**
 * Uploaded files whose import was never started are personal data kept for nothing: after
 * ABANDONED_UPLOAD_DAYS without activity the import is cancelled and its file deleted (audited). Meant for
 * the same daily job as the quarantine purge; returns the import ids ended.
 */

import type { Deps } from '../deps.js';
import { jobsRepo, removeJobFile } from './import-files.js';

export const ABANDONED_UPLOAD_DAYS = 7;

export async function purgeAbandonedUploads(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
): Promise<string[]> {
  const now = d.now();
  const repo = jobsRepo(d);
  const before = new Date(now.getTime() - ABANDONED_UPLOAD_DAYS * 24 * 60 * 60 * 1000);
  const ended: string[] = [];
  for (const { id, filePath } of await repo.abandonedBefore(d.db, before)) {
    const done = await d.db.transaction(async (tx) => {
      const job = await repo.find(tx, id, { lock: true });
      if (!job || (job.status !== 'uploaded' && job.status !== 'previewed')) return false;
      await repo.finish(tx, id, 'cancelled', now);
      await d.audit.append(
        tx,
        [
          {
            type: 'import.file_deleted',
            actorType: 'system',
            actorId: null,
            objectType: 'import_job',
            objectId: id,
            data: { datasetId: job.datasetId, reason: 'abandoned', days: ABANDONED_UPLOAD_DAYS },
          },
        ],
        now,
      );
      return true;
    });
    if (!done) continue;
    removeJobFile(d, filePath);
    ended.push(id);
  }
  return ended;
}
