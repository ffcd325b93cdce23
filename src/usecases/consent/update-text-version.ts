/**
 * Correct a text version in place: only a draft nobody has seen (no consent record, no published form
 * uses it). A referenced version is frozen: TEXT_VERSION_IMMUTABLE, make a new version instead.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { checkConsentRequest, renderConsentText } from '../../domain/consent/request.js';
import type { ConsentTextContent } from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { consentManager } from './authorize-consent.js';
import { cleanTextContent, type TextVersionWithCheck } from './create-text-version.js';

export async function updateTextVersion(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: Omit<ConsentTextContent, 'language'>,
): Promise<TextVersionWithCheck> {
  const object = { objectType: 'consent_text', objectId: id };
  const who = await consentManager(d, actor, 'consent.text_update', object);
  const now = d.now();
  const outcome = await d.db.transaction(async (tx) => {
    const before = await consentCatalogueRepo.textById(tx, id, true);
    if (!before) throw new DomainError('NOT_FOUND');
    if (before.referencedAt !== null) return { frozen: true as const };
    const content = cleanTextContent({ ...input, language: before.language });
    const version = (await consentCatalogueRepo.updateText(tx, id, content, renderConsentText(content)))!;
    const purpose = (await consentCatalogueRepo.purposeById(tx, version.purposeId))!;
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.text_updated',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { purposeId: version.purposeId, sha256: version.sha256, previousSha256: before.sha256 },
        },
      ],
      now,
    );
    return {
      frozen: false as const,
      result: { version, check: checkConsentRequest({ ...content, explicit: purpose.political }) },
    };
  });
  if (outcome.frozen)
    return refuse(d, actor, 'TEXT_VERSION_IMMUTABLE', { action: 'consent.text_update', ...object });
  return outcome.result;
}
