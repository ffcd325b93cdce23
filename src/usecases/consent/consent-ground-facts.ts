/**
 * The consents of some persons, each assessed by the consent rules, for the register's ground derivation
 * and the person page. Owned by the consent capability. Call inside the caller's transaction; the caller
 * audits its read of the persons. One query for the whole batch.
 *
 * `processingStartedAt` is not known here (R-06 CONSENT_NOT_PRIOR): the register compares `givenAt` with
 * the first write of political data itself.
 */
import type { ConsentGroundFact } from '../../domain/persons/types.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import { assessRecords } from './assess-records.js';

export async function consentGroundFacts(
  d: Pick<Deps, 'keyring'>,
  tx: Queryable,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, ConsentGroundFact[]>> {
  const out = new Map<string, ConsentGroundFact[]>(personIds.map((id) => [id, []]));
  const rows = await new ConsentRecordsRepo(d.keyring).byPersons(tx, personIds);
  for (const { record, purpose, assessment } of await assessRecords(tx, rows, now)) {
    out.get(record.personId)?.push({
      consentId: record.id,
      purposeId: purpose.id,
      purposeName: purpose.name,
      explicit: record.explicit,
      givenAt: record.givenAt,
      status: assessment.status,
      reasons: assessment.reasons,
    });
  }
  return out;
}
