/**
 * A campaign with its report: counts per message status and per exclusion reason, and the messages in
 * doubt (ids only, for an explicit resend). No open or click counts: there is no such tracking.
 * Settles a finished send first. No personal data leaves.
 */
import type { Actor } from '../../domain/access/actor.js';
import { type CampaignRow, CampaignsRepo, type MessageStatus } from '../../storage/campaigns-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender, visibleCampaign } from './authorize-outreach.js';
import { settleCampaign } from './settle-campaign.js';

export interface CampaignReport {
  campaign: CampaignRow;
  byStatus: Record<MessageStatus, number>;
  byReason: Record<string, number>;
  inDoubt: { id: string; lastError: string | null }[];
}

export async function getCampaignReport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  id: string,
): Promise<CampaignReport> {
  const who = await outreachSender(d, actor, 'outreach.campaign_report', {
    objectType: 'campaign',
    objectId: id,
  });
  await visibleCampaign(d, actor, who, id, 'outreach.campaign_report');
  await settleCampaign(d, id);
  const campaigns = new CampaignsRepo(d.keyring);
  const campaign = (await campaigns.get(d.db, id))!;
  const { byStatus, byReason } = await campaigns.report(d.db, id);
  const inDoubt = (await campaigns.inDoubt(d.db, id, 500)).map((m) => ({ id: m.id, lastError: m.lastError }));
  return { campaign, byStatus, byReason, inDoubt };
}
