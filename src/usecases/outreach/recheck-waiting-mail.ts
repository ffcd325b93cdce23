/**
 * A person's consent was withdrawn: their campaign mail still waiting in the outbox (throttled, or
 * waiting for a retry) is assessed again by the gate in the same transaction, with the withdrawal already
 * written. Where the campaign's activity relied on that consent, the gate now refuses: the mail is
 * cancelled and the campaign message excluded with the gate's reasons (CONSENT_WITHDRAWN …), visible in
 * the campaign report; a campaign whose last open message this was is settled. Where another basis
 * remains (the gate still allows), the mail stays. Mail already handed to SMTP cannot be called back.
 */
import { audiencesRepo } from '../../storage/audiences-repo.js';
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Queryable } from '../../storage/db.js';
import { MailOutboxRepo } from '../../storage/mail-outbox-repo.js';
import { setUpEvaluation } from '../audiences/run-evaluation.js';
import type { Deps } from '../deps.js';
import { assessRecipients } from './campaign-message.js';
import { settleCampaignIn } from './settle-campaign.js';

export async function recheckWaitingCampaignMail(
  d: Pick<Deps, 'db' | 'audit' | 'keyring' | 'suppression'>,
  tx: Queryable,
  personId: string,
  cause: 'consent_withdrawn',
  now: Date,
): Promise<number> {
  const campaigns = new CampaignsRepo(d.keyring);
  const waiting = await campaigns.waitingForPerson(tx, personId);
  let cancelled = 0;
  for (const campaignId of new Set(waiting.map((w) => w.campaignId))) {
    const campaign = await campaigns.get(tx, campaignId);
    const audience = campaign ? await audiencesRepo.get(tx, campaign.audienceId) : null;
    const snapshot = campaign ? await audiencesRepo.getSnapshot(tx, campaign.snapshotId) : null;
    if (!audience || !snapshot) continue;
    const setup = await setUpEvaluation(d, tx, { ...audience, criteria: snapshot.criteria }, now);
    const [c] = await assessRecipients(d, tx, { setup }, [personId], now);
    if (!c || c.ok) continue;
    const ids = waiting.filter((w) => w.campaignId === campaignId).map((w) => w.messageId);
    const done = await new MailOutboxRepo(d.keyring).cancelCampaignMessages(
      tx,
      ids,
      `cancelled: ${c.reasons.join(', ')} (${cause})`,
      now,
    );
    if (done.length === 0) continue;
    await campaigns.excludeByIds(tx, done, c.reasons, now);
    await d.audit.append(
      tx,
      done.map((messageId) => ({
        type: 'outreach.messages_cancelled' as const,
        actorType: 'system' as const,
        actorId: null,
        personId,
        objectType: 'campaign_message',
        objectId: messageId,
        data: { campaignId, cause, reasons: c.reasons },
      })),
      now,
    );
    cancelled += done.length;
    await settleCampaignIn(d, tx, campaignId, now);
  }
  return cancelled;
}
