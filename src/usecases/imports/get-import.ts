/** One import with its status, counts and progress (the screen polls this while it runs). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { jobsRepo } from './import-files.js';

export async function getImport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  jobId: string,
): Promise<ImportJobRecord> {
  await importer(d, actor, 'import.get', { objectType: 'import_job', objectId: jobId });
  const job = await jobsRepo(d).find(d.db, jobId);
  if (!job) throw new DomainError('NOT_FOUND');
  return job;
}
