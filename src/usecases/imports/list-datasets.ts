/** Datasets with their gate status, newest first (no personal data: the questionnaire describes deliveries). */
import type { Actor } from '../../domain/access/actor.js';
import { type DatasetRecord, datasetsRepo } from '../../storage/datasets-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';

export async function listDatasets(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  limit = 200,
): Promise<DatasetRecord[]> {
  await importer(d, actor, 'dataset.list');
  return datasetsRepo.list(d.db, limit);
}
