/**
 * A person's consents with their assessment (status, every reason, the "onbevestigd" flag), for the
 * person page and the consent screens. Needs `person:read` within scope; every read is audited (a
 * consent can reveal a political opinion).
 */
import type { Actor } from '../../domain/access/actor.js';
import type { Code } from '../../domain/codes.js';
import type {
  CaptureDefect,
  ConsentChannel,
  ConsentLanguage,
  ConsentStatus,
  WithdrawalChannel,
} from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import { type AssessedRecord, assessRecords } from './assess-records.js';
import { consentReader, personInScope, refuseOutOfScope } from './authorize-consent.js';

export interface PersonConsentView {
  id: string;
  personId: string;
  purposeId: string;
  purposeName: string;
  political: boolean;
  channel: ConsentChannel;
  givenAt: Date;
  confirmedAt: Date | null;
  explicit: boolean;
  captureDefects: CaptureDefect[];
  textVersionId: string | null;
  textVersion: number | null;
  language: ConsentLanguage | null;
  ageAtConsent: number | null;
  guardianConfirmedAt: Date | null;
  hasScan: boolean;
  withdrawnAt: Date | null;
  withdrawalChannel: WithdrawalChannel | null;
  status: ConsentStatus;
  reasons: Code[];
  unconfirmed: boolean;
}

export async function consentViews(
  tx: Queryable,
  assessed: readonly AssessedRecord[],
): Promise<PersonConsentView[]> {
  const texts = await consentCatalogueRepo.textsByIds(
    tx,
    assessed.flatMap((a) => (a.record.textVersionId ? [a.record.textVersionId] : [])),
  );
  return assessed.map(({ record: r, purpose, assessment }) => {
    const t = r.textVersionId ? texts.get(r.textVersionId) : undefined;
    return {
      id: r.id,
      personId: r.personId,
      purposeId: r.purposeId,
      purposeName: purpose.name,
      political: purpose.political,
      channel: r.channel,
      givenAt: r.givenAt,
      confirmedAt: r.confirmedAt,
      explicit: r.explicit,
      captureDefects: r.captureDefects,
      textVersionId: r.textVersionId,
      textVersion: t?.version ?? null,
      language: t?.language ?? null,
      ageAtConsent: r.ageAtConsent,
      guardianConfirmedAt: r.guardianConfirmedAt,
      hasScan: r.scanId !== null,
      withdrawnAt: r.withdrawnAt,
      withdrawalChannel: r.withdrawalChannel,
      status: assessment.status,
      reasons: assessment.reasons,
      unconfirmed: assessment.unconfirmed,
    };
  });
}

export async function listPersonConsents(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons'>,
  actor: Actor,
  personId: string,
  purpose: string,
): Promise<PersonConsentView[]> {
  const now = d.now();
  const who = await consentReader(d, actor, 'consent.list');
  const records = new ConsentRecordsRepo(d.keyring);
  const outcome = await d.db.transaction(async (tx) => {
    const scoped = await personInScope(d, tx, who, personId, now);
    if ('refused' in scoped) return scoped;
    const rows = await records.byPersons(tx, [personId]);
    const items = await consentViews(tx, await assessRecords(tx, rows, now));
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.read',
          actorType: who.actorType,
          actorId: who.actorId,
          personId,
          purpose,
          data: { records: rows.length },
        },
      ],
      now,
    );
    return { items };
  });
  if ('refused' in outcome) return refuseOutOfScope(d, actor, outcome, 'consent.list', personId);
  return outcome.items;
}
