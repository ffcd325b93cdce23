/** One export record: the requester's own, or any for the approver (R-63: others' are 404). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ExportRecord, exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { exportActor } from './authorize-exports.js';

export async function getExport(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<ExportRecord> {
  const who = await exportActor(d, actor, 'read', 'export.get', { objectType: 'export', objectId: id });
  const e = await exportsRepo.getExport(d.db, id);
  if (!e || (!who.approver && e.requestedBy !== who.userId)) throw new DomainError('NOT_FOUND');
  return e;
}
