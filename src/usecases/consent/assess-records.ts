/**
 * Assess stored consent records with the consent rules (src/domain/consent/assess.ts): loads the purposes
 * and the party's own name once for a batch. Shared by the person's consent list, the receipt and the
 * register's ground facts.
 */
import { assessConsent } from '../../domain/consent/assess.js';
import type { ConsentAssessment } from '../../domain/consent/types.js';
import { consentCatalogueRepo, type PurposeRecord } from '../../storage/consent-catalogue-repo.js';
import { type ConsentRecordRow, consentFacts } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';

export interface AssessedRecord {
  record: ConsentRecordRow;
  purpose: PurposeRecord;
  assessment: ConsentAssessment;
}

export async function assessRecords(
  tx: Queryable,
  rows: readonly ConsentRecordRow[],
  now: Date,
): Promise<AssessedRecord[]> {
  if (rows.length === 0) return [];
  const purposes = await consentCatalogueRepo.purposesByIds(
    tx,
    rows.map((r) => r.purposeId),
  );
  const party = (await consentCatalogueRepo.partyName(tx)) ?? '';
  return rows.flatMap((record) => {
    const purpose = purposes.get(record.purposeId);
    if (!purpose) return [];
    return [
      {
        record,
        purpose,
        assessment: assessConsent(consentFacts(record), purpose, { partyControllerId: party, now }),
      },
    ];
  });
}
