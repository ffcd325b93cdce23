/**
 * Send again a campaign message whose delivery is unknown (`in_doubt`): only by this explicit operator
 * action, never automatically. The recipient is assessed again first; the same outbox row (same
 * deterministic Message-ID) goes back to the queue, so a receiving server that got it before can tell.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import { MailOutboxRepo } from '../../storage/mail-outbox-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender, visibleCampaign } from './authorize-outreach.js';
import { assessRecipients, loadSendContext } from './campaign-message.js';

export async function resendMessage(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'config' | 'persons' | 'suppression' | 'mail'>,
  actor: Actor,
  campaignId: string,
  messageId: string,
): Promise<{ status: 'queued' | 'excluded'; reasons: string[] }> {
  const object = { objectType: 'campaign_message', objectId: messageId };
  const who = await outreachSender(d, actor, 'outreach.message_resend', object);
  await visibleCampaign(d, actor, who, campaignId, 'outreach.message_resend');
  const campaigns = new CampaignsRepo(d.keyring);
  const outbox = new MailOutboxRepo(d.keyring);
  const result = await d.db.transaction(async (tx) => {
    const now = d.now();
    const campaign = await visibleCampaign(d, actor, who, campaignId, 'outreach.message_resend', tx);
    const m = await campaigns.getMessage(tx, campaignId, messageId, true);
    if (!m) throw new DomainError('NOT_FOUND');
    if (m.status !== 'in_doubt' || !m.outboxId)
      throw new DomainError('CAMPAIGN_MESSAGE_NOT_IN_DOUBT', { status: m.status });
    const ctx = await loadSendContext(d, tx, campaign, now);
    const [c] = await assessRecipients(d, tx, ctx, [m.personId], now);
    let out: { status: 'queued' | 'excluded'; reasons: string[] };
    if (!c!.ok) {
      await campaigns.exclude(tx, m.id, c!.reasons, now);
      out = { status: 'excluded', reasons: c!.reasons };
    } else {
      if (!(await outbox.requeueInDoubt(tx, m.outboxId, now)))
        throw new DomainError('CAMPAIGN_MESSAGE_NOT_IN_DOUBT');
      await campaigns.setMessageStatus(tx, m.id, 'queued', now);
      if (campaign.status === 'sent') await campaigns.setStatus(tx, campaign.id, 'sending', now);
      out = { status: 'queued', reasons: [] };
    }
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.message_resent',
          actorType: who.actorType,
          actorId: who.actorId,
          personId: m.personId,
          objectType: 'campaign_message',
          objectId: m.id,
          data: { campaignId, outcome: out.status, reasons: out.reasons },
        },
      ],
      now,
    );
    return out;
  });
  await d.mail.flush();
  return result;
}
