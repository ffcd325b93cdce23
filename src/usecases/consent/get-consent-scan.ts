/** Download the scan of an offline consent (evidence, R-14): `person:read` within scope, audited. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { consentReader, personInScope, refuseOutOfScope } from './authorize-consent.js';

export async function getConsentScan(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons'>,
  actor: Actor,
  recordId: string,
  purpose: string,
): Promise<{ contentType: string; sha256: string; bytes: Buffer }> {
  const now = d.now();
  const who = await consentReader(d, actor, 'consent.scan_read');
  const records = new ConsentRecordsRepo(d.keyring);
  const outcome = await d.db.transaction(async (tx) => {
    const record = await records.byId(tx, recordId);
    if (!record?.scanId) throw new DomainError('NOT_FOUND');
    const scoped = await personInScope(d, tx, who, record.personId, now);
    if ('refused' in scoped) return { ...scoped, personId: record.personId };
    const scan = (await records.scanById(tx, record.scanId))!;
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.scan_read',
          actorType: who.actorType,
          actorId: who.actorId,
          personId: record.personId,
          purpose,
          objectType: 'consent_scan',
          objectId: scan.id,
        },
      ],
      now,
    );
    return { scan };
  });
  if ('refused' in outcome) return refuseOutOfScope(d, actor, outcome, 'consent.scan_read', outcome.personId);
  return { contentType: outcome.scan.contentType, sha256: outcome.scan.sha256, bytes: outcome.scan.bytes };
}
