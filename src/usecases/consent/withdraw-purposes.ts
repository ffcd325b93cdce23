/**
 * Withdraw a person's consent for purposes, effective everywhere at once: every record of that
 * person for each purpose (whatever channel gave it), a per-purpose suppression entry even where another
 * basis remains (R-16, R-58: a later import or sign-up for that purpose is blocked), and an audit event
 * per record. Campaign mail of the person still waiting in the outbox is assessed again and cancelled
 * where the campaign relied on the withdrawn consent (outreach/recheck-waiting-mail.ts). Runs inside the
 * caller's transaction.
 */
import type { ActorType } from '../../domain/audit-events.js';
import type { WithdrawalChannel } from '../../domain/consent/types.js';
import type { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { PersonRecord } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { recheckWaitingCampaignMail } from '../outreach/recheck-waiting-mail.js';

export async function withdrawPurposes(
  d: Pick<Deps, 'db' | 'audit' | 'suppression' | 'keyring'>,
  tx: Queryable,
  records: ConsentRecordsRepo,
  person: PersonRecord,
  purposeIds: readonly string[],
  w: {
    channel: WithdrawalChannel;
    by: string;
    onBehalfOf: string | null;
    actorType: ActorType;
    actorId: string | null;
  },
  now: Date,
): Promise<string[]> {
  const withdrawn: string[] = [];
  for (const purposeId of new Set(purposeIds)) {
    const ids = (await records.byPersonAndPurpose(tx, person.id, purposeId)).map((r) => r.id);
    const done = await records.withdraw(tx, ids, {
      at: now,
      channel: w.channel,
      by: w.by,
      onBehalfOf: w.onBehalfOf,
    });
    await d.suppression.add(tx, person, 'CONSENT_WITHDRAWN', purposeId, now);
    await d.audit.append(
      tx,
      done.map((recordId) => ({
        type: 'consent.withdrawn' as const,
        actorType: w.actorType,
        actorId: w.actorId,
        personId: person.id,
        objectType: 'consent_record',
        objectId: recordId,
        data: { purposeId, channel: w.channel, by: w.by, onBehalf: w.onBehalfOf !== null },
      })),
      now,
    );
    withdrawn.push(...done);
  }
  if (withdrawn.length > 0) await recheckWaitingCampaignMail(d, tx, person.id, 'consent_withdrawn', now);
  return withdrawn;
}
