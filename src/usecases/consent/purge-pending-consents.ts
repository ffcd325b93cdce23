/**
 * Delete web sign-ups whose confirmation link was never clicked within 14 days (R-17, PRODUCT CHOICE:
 * purged on day 15), and the persons those sign-ups created when nothing else holds them. The link tokens
 * stay (hashes only), so a late click answers CONFIRMATION_EXPIRED. Run daily by a job (the lead wires it).
 */
import { pendingPurgeCutoff } from '../../domain/consent/lifecycle.js';
import { consentLinksRepo } from '../../storage/consent-links-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';

export const PURGE_PENDING_CONSENTS_JOB = 'consent.purge_pending';

export async function purgePendingConsents(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
): Promise<{ records: number; persons: number }> {
  const now = d.now();
  const cutoff = pendingPurgeCutoff(now);
  const records = new ConsentRecordsRepo(d.keyring);
  const { purged, createdPersons } = await d.db.transaction(async (tx) => {
    const purged = await records.purgePending(tx, cutoff);
    const createdPersons = await consentLinksRepo.purgeSubmissions(tx, cutoff);
    if (purged.length > 0) {
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.pending_purged',
            actorType: 'system',
            actorId: null,
            data: { records: purged.map((p) => p.id), cutoff: cutoff.toISOString() },
          },
        ],
        now,
      );
    }
    return { purged, createdPersons };
  });
  // Persons created by a purged sign-up, when no consent (or anything else that refers to them) is left.
  // One transaction each: a person something else now refers to is kept.
  let persons = 0;
  for (const personId of new Set(createdPersons)) {
    const deleted = await d.db.transaction(async (tx) => {
      if (!(await records.deleteOrphanSignupPerson(tx, personId))) return false;
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.pending_purged',
            actorType: 'system',
            actorId: null,
            personId,
            data: { person: 'deleted' },
          },
        ],
        now,
      );
      return true;
    });
    if (deleted) persons += 1;
  }
  return { records: purged.length, persons };
}
