/**
 * The FG approves an export above the threshold (R-63: a second approver). Never one's own request
 * (EXPORT_SELF_APPROVAL, audited); only an export awaiting approval (EXPORT_NOT_PENDING).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ExportRecord, exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { exportActor } from './authorize-exports.js';

export async function approveExport(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<ExportRecord> {
  const object = { objectType: 'export', objectId: id };
  const who = await exportActor(d, actor, 'approve', 'export.approve', object);
  const now = d.now();
  const out = await d.db.transaction(async (tx) => {
    const e = await exportsRepo.getExport(tx, id, { lock: true });
    if (!e) throw new DomainError('NOT_FOUND');
    if (e.requestedBy === who.userId) return 'self' as const;
    if (e.status !== 'awaiting_approval') throw new DomainError('EXPORT_NOT_PENDING', { status: e.status });
    const row = await exportsRepo.approveExport(tx, id, who.userId, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'export.approved',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { personCount: row.personCount, requestedBy: row.requestedBy, sha256: row.fileSha256 },
        },
      ],
      now,
    );
    return row;
  });
  if (out === 'self')
    return refuse(d, actor, 'EXPORT_SELF_APPROVAL', { action: 'export.approve', ...object });
  return out;
}
