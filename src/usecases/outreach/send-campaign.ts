/**
 * Put a draft campaign in the send queue (`outreach:send`): status `queued`, audited, then the job
 * `outreach.send` works through it in chunks (run-campaign-send.ts). Without a job queue
 * (KIESKLUIS_JOBS=false) it runs in this process in the background.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type CampaignRow, CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender, visibleCampaign } from './authorize-outreach.js';
import { launchCampaignSend } from './run-campaign-send.js';

export async function sendCampaign(d: Deps, actor: Actor, id: string): Promise<CampaignRow> {
  const object = { objectType: 'campaign', objectId: id };
  const who = await outreachSender(d, actor, 'outreach.campaign_send', object);
  await visibleCampaign(d, actor, who, id, 'outreach.campaign_send');
  const campaigns = new CampaignsRepo(d.keyring);
  const campaign = await d.db.transaction(async (tx) => {
    const c = await visibleCampaign(d, actor, who, id, 'outreach.campaign_send', tx);
    if (c.status !== 'draft') throw new DomainError('CAMPAIGN_NOT_DRAFT', { status: c.status });
    const now = d.now();
    await campaigns.setStatus(tx, id, 'queued', now, { queuedBy: who.userId });
    const { byStatus } = await campaigns.report(tx, id);
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.campaign_queued',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'campaign',
          objectId: id,
          data: { recipients: byStatus.pending, throttlePerMinute: c.throttlePerMinute },
        },
      ],
      now,
    );
    return (await campaigns.get(tx, id))!;
  });
  await launchCampaignSend(d, id);
  return campaign;
}
