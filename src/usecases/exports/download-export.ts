/**
 * Download a produced export (C5): only the requester, only once produced or approved (awaiting:
 * EXPORT_NEEDS_APPROVAL; refused: EXPORT_NOT_PRODUCED). Another user's export is 404. Every
 * download is audited with the person count and the file's hash.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { exportActor } from './authorize-exports.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  content: string;
  sha256: string;
}

export async function downloadExport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  id: string,
): Promise<ExportFile> {
  const object = { objectType: 'export', objectId: id };
  const who = await exportActor(d, actor, 'request', 'export.download', object);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const e = await exportsRepo.getExport(tx, id, { lock: true });
    if (!e || e.requestedBy !== who.userId) throw new DomainError('NOT_FOUND');
    if (e.status === 'awaiting_approval') throw new DomainError('EXPORT_NEEDS_APPROVAL', { exportId: id });
    if (e.status !== 'approved' && e.status !== 'produced') throw new DomainError('EXPORT_NOT_PRODUCED');
    const sealed = await exportsRepo.exportFile(tx, id);
    if (sealed === null) throw new DomainError('EXPORT_NOT_PRODUCED');
    await d.audit.append(
      tx,
      [
        {
          type: 'export.downloaded',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { personCount: e.personCount, sha256: e.fileSha256 },
        },
      ],
      now,
    );
    return {
      filename: `export-${now.toISOString().slice(0, 10)}-${id.slice(0, 8)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: d.keyring.decrypt(sealed, 'exports.file'),
      sha256: e.fileSha256!,
    };
  });
}
