/**
 * Staff record a withdrawal received by phone, on paper, by e-mail or in person (R-16: "a staff button for
 * phone or paper"): for the purpose, every record of the person, a suppression entry, who
 * recorded it and on whose behalf (e.g. a parent for a child, UAVG art 5(2)). No reason is asked.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { WithdrawalChannel } from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { consentManager, invalid, personInScope, refuseOutOfScope } from './authorize-consent.js';
import { withdrawPurposes } from './withdraw-purposes.js';

export interface StaffWithdrawal {
  personId: string;
  purposeId: string;
  channel: Exclude<WithdrawalChannel, 'LINK'>;
  /** Who asked, when not the person themselves (a parent, a legal representative). */
  onBehalfOf: string | null;
}

export async function withdrawConsent(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'suppression'>,
  actor: Actor,
  input: StaffWithdrawal,
): Promise<{ withdrawn: string[] }> {
  const now = d.now();
  const who = await consentManager(d, actor, 'consent.withdraw');
  const records = new ConsentRecordsRepo(d.keyring);
  const outcome = await d.db.transaction(async (tx) => {
    const scoped = await personInScope(d, tx, who, input.personId, now);
    if ('refused' in scoped) return scoped;
    if (!(await consentCatalogueRepo.purposeById(tx, input.purposeId))) {
      invalid('purposeId', 'purposeId.unknown', 'no such purpose');
    }
    const withdrawn = await withdrawPurposes(
      d,
      tx,
      records,
      scoped.person,
      [input.purposeId],
      {
        channel: input.channel,
        by: who.userId ?? 'staff',
        onBehalfOf: input.onBehalfOf?.trim() || null,
        actorType: who.actorType,
        actorId: who.actorId,
      },
      now,
    );
    return { withdrawn };
  });
  if ('refused' in outcome) return refuseOutOfScope(d, actor, outcome, 'consent.withdraw', input.personId);
  return outcome;
}
