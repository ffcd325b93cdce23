/** One dataset with its gate status, reasons, obligations and what its provenance record lacks. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type DatasetRecord, datasetsRepo } from '../../storage/datasets-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';

export async function getDataset(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<DatasetRecord> {
  await importer(d, actor, 'dataset.get', { objectType: 'dataset', objectId: id });
  const ds = await datasetsRepo.find(d.db, id);
  if (!ds) throw new DomainError('NOT_FOUND');
  return ds;
}
