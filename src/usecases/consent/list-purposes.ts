/** The purpose catalogue (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { consentCatalogueRepo, type PurposeRecord } from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';

export async function listPurposes(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<PurposeRecord[]> {
  await consentManager(d, actor, 'consent.purpose_list');
  return consentCatalogueRepo.listPurposes(d.db);
}
