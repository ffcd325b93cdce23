/** Add a purpose to the catalogue (R-17 one consent per purpose, R-20 freshness, R-70 channels, R-18 recipients). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import {
  consentCatalogueRepo,
  type NewPurpose,
  type PurposeRecord,
} from '../../storage/consent-catalogue-repo.js';
import type { Deps } from '../deps.js';
import { consentManager, invalid } from './authorize-consent.js';

/** Semantic checks the edge schema cannot do: a real calendar date, distinct recipients. */
export function checkPurposeInput(p: NewPurpose): NewPurpose {
  if (p.scopeUntil !== null) {
    const d = new Date(`${p.scopeUntil}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== p.scopeUntil) {
      invalid('scopeUntil', 'date', 'a calendar date YYYY-MM-DD');
    }
  }
  const recipients = p.recipients.map((r) => r.trim()).filter(Boolean);
  if (new Set(recipients.map((r) => r.toLowerCase())).size !== recipients.length) {
    invalid('recipients', 'unique', 'each recipient once');
  }
  return {
    ...p,
    name: p.name.trim(),
    description: p.description.trim(),
    recipients,
    channels: [...new Set(p.channels)],
  };
}

export async function createPurpose(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: NewPurpose,
): Promise<PurposeRecord> {
  const who = await consentManager(d, actor, 'consent.purpose_create');
  const p = checkPurposeInput(input);
  const now = d.now();
  try {
    return await d.db.transaction(async (tx) => {
      const purpose = await consentCatalogueRepo.insertPurpose(tx, p, who.userId, now);
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.purpose_created',
            actorType: who.actorType,
            actorId: who.actorId,
            objectType: 'consent_purpose',
            objectId: purpose.id,
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
