/** Delete a draft text version nobody has seen; a referenced one is refused (TEXT_VERSION_IMMUTABLE, R-14). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { consentManager } from './authorize-consent.js';

export async function deleteTextVersion(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<void> {
  const object = { objectType: 'consent_text', objectId: id };
  const who = await consentManager(d, actor, 'consent.text_delete', object);
  const now = d.now();
  const frozen = await d.db.transaction(async (tx) => {
    const before = await consentCatalogueRepo.textById(tx, id, true);
    if (!before) throw new DomainError('NOT_FOUND');
    if (before.referencedAt !== null) return true;
    await consentCatalogueRepo.deleteText(tx, id);
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.text_deleted',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { purposeId: before.purposeId, language: before.language, version: before.version },
        },
      ],
      now,
    );
    return false;
  });
  if (frozen) await refuse(d, actor, 'TEXT_VERSION_IMMUTABLE', { action: 'consent.text_delete', ...object });
}
