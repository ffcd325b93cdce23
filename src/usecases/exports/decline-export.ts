/** The FG declines an export awaiting approval: it is refused and its file is dropped. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ExportRecord, exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { exportActor } from './authorize-exports.js';

export async function declineExport(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<ExportRecord> {
  const object = { objectType: 'export', objectId: id };
  const who = await exportActor(d, actor, 'approve', 'export.decline', object);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const e = await exportsRepo.getExport(tx, id, { lock: true });
    if (!e) throw new DomainError('NOT_FOUND');
    if (e.status !== 'awaiting_approval') throw new DomainError('EXPORT_NOT_PENDING', { status: e.status });
    const row = await exportsRepo.declineExport(tx, id, who.userId, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'export.refused',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { declinedByApprover: true, personCount: e.personCount, requestedBy: e.requestedBy },
        },
      ],
      now,
    );
    return row;
  });
}
