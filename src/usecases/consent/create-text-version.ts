/**
 * A new version of a purpose's consent text in one language (R-14: editing a text makes a new version;
 * the old one stays as the proof of what earlier consents saw). Incomplete texts may be saved as drafts;
 * the returned check lists what is missing, and a form using it cannot be published.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { checkConsentRequest, type RequestCheck, renderConsentText } from '../../domain/consent/request.js';
import type { ConsentTextContent } from '../../domain/consent/types.js';
import { consentCatalogueRepo, type TextVersionRecord } from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';

export interface TextVersionWithCheck {
  version: TextVersionRecord;
  check: RequestCheck;
}

/** Trimmed content; empty optional texts become null. */
export function cleanTextContent(c: ConsentTextContent): ConsentTextContent {
  const opt = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());
  return {
    language: c.language,
    controllerName: c.controllerName.trim(),
    statement: c.statement.trim(),
    specialCategoryMention: opt(c.specialCategoryMention),
    purposeMention: opt(c.purposeMention),
    dataCategories: c.dataCategories.map((x) => x.trim()).filter(Boolean),
    withdrawalInstructions: c.withdrawalInstructions.trim(),
    automatedDecisionNotice: opt(c.automatedDecisionNotice),
    transferNotice: opt(c.transferNotice),
  };
}

export async function createTextVersion(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  purposeId: string,
  input: ConsentTextContent,
): Promise<TextVersionWithCheck> {
  const who = await consentManager(d, actor, 'consent.text_create', {
    objectType: 'consent_purpose',
    objectId: purposeId,
  });
  const content = cleanTextContent(input);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    // Locking the purpose serialises version numbers of concurrent edits.
    const purpose = await consentCatalogueRepo.purposeById(tx, purposeId, true);
    if (!purpose) throw new DomainError('NOT_FOUND');
    const version = await consentCatalogueRepo.insertText(
      tx,
      purposeId,
      content,
      renderConsentText(content),
      who.userId,
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.text_created',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'consent_text',
          objectId: version.id,
          data: { purposeId, language: version.language, version: version.version, sha256: version.sha256 },
        },
      ],
      now,
    );
    return { version, check: checkConsentRequest({ ...content, explicit: purpose.political }) };
  });
}
