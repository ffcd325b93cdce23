/**
 * Upload a scan (a signed paper form) as evidence of an offline consent after the fact; it confirms an
 * "onbevestigd" consent. A record keeps the first scan it got (evidence is append-only).
 * `consent:manage` may attach to any consent of a person in scope; `consent:record` alone (volunteers,
 * team members) only to a consent they captured themselves, of a person in that role's scope.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { auditActor } from '../refuse.js';
import { assessRecords } from './assess-records.js';
import { consentRecorder, personInScope, refuseOutOfScope } from './authorize-consent.js';
import { consentViews, type PersonConsentView } from './list-person-consents.js';
import { checkScan, type ScanUpload } from './scan-input.js';

export async function attachConsentScan(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons'>,
  actor: Actor,
  recordId: string,
  upload: ScanUpload,
): Promise<PersonConsentView> {
  const now = d.now();
  const who = await consentRecorder(d, actor, 'consent.scan_upload', {
    objectType: 'consent_record',
    objectId: recordId,
  });
  const scan = checkScan(upload, who.userId);
  const records = new ConsentRecordsRepo(d.keyring);
  const outcome = await d.db.transaction(async (tx) => {
    const [record] = await records.byIds(tx, [recordId], true);
    if (!record) throw new DomainError('NOT_FOUND');
    const scoped = await personInScope(
      d,
      tx,
      who,
      record.personId,
      now,
      who.manages ? 'person:read' : 'consent:record',
    );
    if ('refused' in scoped) return { ...scoped, personId: record.personId };
    if (!who.manages && (who.userId === null || record.capturedBy !== who.userId)) {
      return { refused: 'FORBIDDEN' as const, exists: true, personId: record.personId };
    }
    if (record.scanId !== null) {
      throw new DomainError('VALIDATION_FAILED', {
        in: 'body',
        fields: [
          { field: 'scan', rule: 'scan.already_attached', problem: 'this consent already has its scan' },
        ],
      });
    }
    const scanId = await records.insertScan(tx, scan, now);
    await records.attachScan(tx, [recordId], scanId);
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.scan_uploaded',
          ...auditActor(actor),
          personId: record.personId,
          objectType: 'consent_scan',
          objectId: scanId,
          data: { sha256: scan.sha256, records: [recordId] },
        },
      ],
      now,
    );
    const [view] = await consentViews(tx, await assessRecords(tx, await records.byIds(tx, [recordId]), now));
    return { view: view! };
  });
  if ('refused' in outcome)
    return refuseOutOfScope(d, actor, outcome, 'consent.scan_upload', outcome.personId);
  return outcome.view;
}
