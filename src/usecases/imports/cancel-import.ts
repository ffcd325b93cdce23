/**
 * Cancel an import that has not finished: it stops before its next chunk; the rows committed so far stay
 * (each chunk is consistent on its own) and are in the report; the uploaded file is deleted.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { jobsRepo, removeJobFile } from './import-files.js';

export async function cancelImport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
  actor: Actor,
  jobId: string,
): Promise<ImportJobRecord> {
  const object = { objectType: 'import_job', objectId: jobId };
  const who = await importer(d, actor, 'import.cancel', object);
  const repo = jobsRepo(d);
  const now = d.now();
  const { job, filePath } = await d.db.transaction(async (tx) => {
    const j = await repo.find(tx, jobId, { lock: true });
    if (!j) throw new DomainError('NOT_FOUND');
    if (!['uploaded', 'previewed', 'queued', 'running'].includes(j.status)) {
      throw new DomainError('IMPORT_NOT_STARTABLE', { status: j.status });
    }
    await repo.finish(tx, jobId, 'cancelled', now);
    await d.audit.append(
      tx,
      [
        {
          type: 'import.cancelled',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { datasetId: j.datasetId, previousStatus: j.status, ...j.counts },
        },
      ],
      now,
    );
    return { job: (await repo.find(tx, jobId))!, filePath: j.filePath };
  });
  removeJobFile(d, filePath);
  return job;
}
