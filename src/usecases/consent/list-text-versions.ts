/** Every version of the consent texts (history), newest first per purpose and language (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { consentCatalogueRepo, type TextVersionRecord } from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';

export async function listTextVersions(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  purposeId: string | null,
): Promise<TextVersionRecord[]> {
  await consentManager(d, actor, 'consent.text_list');
  return consentCatalogueRepo.listTexts(d.db, purposeId);
}
