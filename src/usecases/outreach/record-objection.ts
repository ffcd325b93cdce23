/**
 * Record an objection to direct marketing (art 21(2), R-27): absolute, at once, everywhere. A
 * person_objections row (once; a repeat changes nothing), a suppression entry OBJECTION_DM (so the
 * person stays out after erasure and of every import, R-58), and campaign mail of the person that is
 * still waiting in the outbox is cancelled (the campaign message is excluded with OBJECTED). Runs in the
 * caller's transaction, with its audit event.
 */
import type { ActorType } from '../../domain/audit-events.js';
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Queryable } from '../../storage/db.js';
import { MailOutboxRepo } from '../../storage/mail-outbox-repo.js';
import { type ObjectionChannel, objectionsRepo } from '../../storage/objections-repo.js';
import type { PersonRecord } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { settleCampaignIn } from './settle-campaign.js';

export async function recordDirectMarketingObjection(
  d: Pick<Deps, 'audit' | 'suppression' | 'keyring'>,
  tx: Queryable,
  person: PersonRecord,
  o: { channel: ObjectionChannel; actorType: ActorType; actorId: string | null; campaignId: string | null },
  now: Date,
): Promise<{ created: boolean; objectionId: string }> {
  const existing = await objectionsRepo.directMarketing(tx, person.id);
  const objectionId =
    existing?.id ??
    (await objectionsRepo.insertDirectMarketing(
      tx,
      {
        personId: person.id,
        channel: o.channel,
        createdBy: o.actorId ?? (o.actorType === 'anonymous' ? 'subject' : null),
      },
      now,
    ));
  await d.suppression.add(tx, person, 'OBJECTION_DM', null, now);
  const cancelled = await new MailOutboxRepo(d.keyring).cancelQueuedCampaignMail(
    tx,
    person.id,
    'cancelled: the person objected to direct marketing (R-27)',
    now,
  );
  const campaigns = new CampaignsRepo(d.keyring);
  await campaigns.excludeByIds(tx, cancelled, 'OBJECTED', now);
  // A campaign whose last open message this was is finished now.
  for (const id of await campaigns.campaignsOfMessages(tx, cancelled)) await settleCampaignIn(d, tx, id, now);
  if (!existing || cancelled.length > 0) {
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.objection_recorded',
          actorType: o.actorType,
          actorId: o.actorId,
          personId: person.id,
          objectType: 'person_objection',
          objectId: objectionId,
          data: {
            kind: 'DIRECT_MARKETING',
            channel: o.channel,
            campaignId: o.campaignId,
            repeated: existing !== null,
            cancelledMessages: cancelled.length,
          },
        },
      ],
      now,
    );
  }
  return { created: existing === null, objectionId };
}
