/**
 * Change a purpose's metadata. Whether it is political cannot change once a consent record or a published
 * form uses one of its texts (PURPOSE_IN_USE): the recorded consents were asked as explicit or not.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import {
  consentCatalogueRepo,
  type NewPurpose,
  type PurposeRecord,
} from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';
import { checkPurposeInput } from './create-purpose.js';

export async function updatePurpose(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: NewPurpose,
): Promise<PurposeRecord> {
  const object = { objectType: 'consent_purpose', objectId: id };
  const who = await consentManager(d, actor, 'consent.purpose_update', object);
  const p = checkPurposeInput(input);
  const now = d.now();
  try {
    return await d.db.transaction(async (tx) => {
      const before = await consentCatalogueRepo.purposeById(tx, id, true);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.political !== p.political && (await consentCatalogueRepo.purposeReferenced(tx, id))) {
        throw new DomainError('PURPOSE_IN_USE', { field: 'political' });
      }
      const purpose = (await consentCatalogueRepo.updatePurpose(tx, id, p, now))!;
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.purpose_updated',
            actorType: who.actorType,
            actorId: who.actorId,
            ...object,
            data: { political: purpose.political, channels: purpose.channels },
          },
        ],
        now,
      );
      return purpose;
    });
  } catch (e) {
    if (consentCatalogueRepo.isUniqueViolation(e)) throw new DomainError('PURPOSE_NAME_TAKEN');
    throw e;
  }
}
