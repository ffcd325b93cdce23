/**
 * Download the hashed list of a produced custom-audience request: only its creator (others: 404),
 * audited with the count and the file's hash. The party uploads it to the platform itself.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { exportActor } from './authorize-exports.js';
import type { ExportFile } from './download-export.js';

export async function downloadCustomAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  id: string,
): Promise<ExportFile> {
  const object = { objectType: 'custom_audience_request', objectId: id };
  const who = await exportActor(d, actor, 'request', 'custom_audience.download', object);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const r = await exportsRepo.getCustomAudience(tx, id);
    if (!r || r.createdBy !== who.userId) throw new DomainError('NOT_FOUND');
    const sealed = r.status === 'produced' ? await exportsRepo.customAudienceFile(tx, id) : null;
    if (sealed === null) throw new DomainError('EXPORT_NOT_PRODUCED');
    await d.audit.append(
      tx,
      [
        {
          type: 'custom_audience.downloaded',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { includedCount: r.includedCount, sha256: r.fileSha256 },
        },
      ],
      now,
    );
    return {
      filename: `doelgroep-${now.toISOString().slice(0, 10)}-${id.slice(0, 8)}.txt`,
      contentType: 'text/plain; charset=utf-8',
      content: d.keyring.decrypt(sealed, 'custom_audience_requests.file'),
      sha256: r.fileSha256!,
    };
  });
}
