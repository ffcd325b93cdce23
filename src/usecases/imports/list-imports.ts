/** Imports, newest first, optionally of one dataset. */
import type { Actor } from '../../domain/access/actor.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { jobsRepo } from './import-files.js';

export async function listImports(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  datasetId: string | null,
  limit = 100,
): Promise<ImportJobRecord[]> {
  await importer(d, actor, 'import.list');
  return jobsRepo(d).list(d.db, datasetId, limit);
}
