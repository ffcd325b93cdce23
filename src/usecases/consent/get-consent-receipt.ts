/**
 * The consent receipt: the exact text shown with its hash (checked against the hash recorded at
 * the time), the time, the channel, the privacy-notice version, and the evidence (form and submission,
 * hashed IP, user agent, confirmation time, scan, collector and place, guardian, withdrawal). Needs
 * `person:read` within scope; the read is audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { ConsentLanguage, WithdrawalChannel } from '../../domain/consent/types.js';
import { consentCatalogueRepo, sha256Hex } from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo } from '../../storage/consent-forms-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { assessRecords } from './assess-records.js';
import { consentReader, personInScope, refuseOutOfScope } from './authorize-consent.js';
import { consentViews, type PersonConsentView } from './list-person-consents.js';

export interface ConsentReceipt {
  consent: PersonConsentView;
  text: {
    id: string;
    purposeId: string;
    version: number;
    language: ConsentLanguage;
    statement: string;
    fullText: string;
    sha256: string;
    /** The hash recorded with the consent; `intact` when the stored text still matches it. */
    recordedSha256: string | null;
    intact: boolean;
  } | null;
  notice: { id: string; url: string | null; text: string | null; sha256: string } | null;
  controllerNames: string[];
  evidence: {
    formId: string | null;
    formSlug: string | null;
    submissionId: string | null;
    capturedBy: string | null;
    collector: string | null;
    place: string | null;
    ipHash: string | null;
    userAgent: string | null;
    scan: { id: string; contentType: string; sizeBytes: number; sha256: string } | null;
    guardianName: string | null;
    withdrawnBy: string | null;
    withdrawalChannel: WithdrawalChannel | null;
    onBehalfOf: string | null;
  };
}

export async function getConsentReceipt(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons'>,
  actor: Actor,
  recordId: string,
  purpose: string,
): Promise<ConsentReceipt> {
  const now = d.now();
  const who = await consentReader(d, actor, 'consent.receipt');
  const records = new ConsentRecordsRepo(d.keyring);
  const outcome = await d.db.transaction(async (tx) => {
    const record = await records.byId(tx, recordId);
    if (!record) throw new DomainError('NOT_FOUND');
    const scoped = await personInScope(d, tx, who, record.personId, now);
    if ('refused' in scoped) return { ...scoped, personId: record.personId };
    const [consent] = await consentViews(tx, await assessRecords(tx, [record], now));
    const text = record.textVersionId ? await consentCatalogueRepo.textById(tx, record.textVersionId) : null;
    const notice = record.noticeId ? await consentCatalogueRepo.noticeById(tx, record.noticeId) : null;
    const form = record.formId ? await consentFormsRepo.byId(tx, record.formId) : null;
    const scan = record.scanId ? await records.scanMeta(tx, record.scanId) : null;
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.read',
          actorType: who.actorType,
          actorId: who.actorId,
          personId: record.personId,
          purpose,
          objectType: 'consent_record',
          objectId: record.id,
          data: { receipt: true },
        },
      ],
      now,
    );
    const receipt: ConsentReceipt = {
      consent: consent!,
      text: text && {
        id: text.id,
        purposeId: text.purposeId,
        version: text.version,
        language: text.language,
        statement: text.statement,
        fullText: text.fullText,
        sha256: text.sha256,
        recordedSha256: record.textSha256,
        intact:
          sha256Hex(text.fullText) === text.sha256 &&
          (record.textSha256 === null || record.textSha256 === text.sha256),
      },
      notice: notice && { id: notice.id, url: notice.url, text: notice.body, sha256: notice.sha256 },
      controllerNames: record.controllerNames,
      evidence: {
        formId: record.formId,
        formSlug: form?.slug ?? null,
        submissionId: record.submissionId,
        capturedBy: record.capturedBy,
        collector: record.collector,
        place: record.place,
        ipHash: record.ipHash,
        userAgent: record.userAgent,
        scan: scan && {
          id: scan.id,
          contentType: scan.contentType,
          sizeBytes: scan.sizeBytes,
          sha256: scan.sha256,
        },
        guardianName: record.guardianName,
        withdrawnBy: record.withdrawnBy,
        withdrawalChannel: record.withdrawalChannel,
        onBehalfOf: record.onBehalfOf,
      },
    };
    return { receipt };
  });
  if ('refused' in outcome) return refuseOutOfScope(d, actor, outcome, 'consent.receipt', outcome.personId);
  return outcome.receipt;
}
