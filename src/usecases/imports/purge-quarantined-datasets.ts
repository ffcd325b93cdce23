/**
 * The quarantine purge (R-10, PRODUCT CHOICE): datasets still in quarantine 30 days after it began are
 * deleted with their import jobs, row results and any uploaded files. Quarantined datasets can never
 * have been imported, so no person refers to them. Meant for a daily job; returns the ids purged.
 */
import { QUARANTINE_DAYS, quarantineEndsAt } from '../../domain/imports/gate.js';
import { deleteImportFile } from '../../files/import-files.js';
import { datasetsRepo } from '../../storage/datasets-repo.js';
import { ImportJobsRepo } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';

export const IMPORTS_PURGE_JOB = 'imports.purge';

export async function purgeQuarantinedDatasets(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
): Promise<string[]> {
  const now = d.now();
  // quarantined_at < now − 30 days  ⇔  quarantineEndsAt(quarantined_at) < now
  const cutoff = new Date(now.getTime() - (quarantineEndsAt(now).getTime() - now.getTime()));
  const jobs = new ImportJobsRepo(d.keyring);
  const purged: string[] = [];
  for (const id of await datasetsRepo.quarantinedBefore(d.db, cutoff)) {
    const files = await d.db.transaction(async (tx) => {
      const ds = await datasetsRepo.find(tx, id, { lock: true });
      if (ds?.status !== 'quarantine') return null;
      const paths = await jobs.filePaths(tx, id);
      await datasetsRepo.delete(tx, id);
      await d.audit.append(
        tx,
        [
          {
            type: 'dataset.purged',
            actorType: 'system',
            actorId: null,
            objectType: 'dataset',
            objectId: id,
            data: { quarantinedAt: ds.quarantinedAt?.toISOString() ?? null, days: QUARANTINE_DAYS },
          },
        ],
        now,
      );
      return paths;
    });
    if (files === null) continue;
    for (const f of files) deleteImportFile(d.config.dataDir, f);
    purged.push(id);
  }
  return purged;
}
