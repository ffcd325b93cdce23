/** The campaigns the actor may see (those on audiences within their scope), newest first. */
import type { Actor } from '../../domain/access/actor.js';
import { audiencesRepo } from '../../storage/audiences-repo.js';
import { type CampaignRow, CampaignsRepo } from '../../storage/campaigns-repo.js';
import { audienceVisible } from '../audiences/authorize-audience.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';

export async function listCampaigns(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
): Promise<CampaignRow[]> {
  const who = await outreachSender(d, actor, 'outreach.campaign_list');
  const rows = await new CampaignsRepo(d.keyring).list(d.db, 500);
  if (who.scope.all) return rows;
  const audiences = new Map((await audiencesRepo.list(d.db)).map((a) => [a.id, a]));
  return rows.filter((c) => {
    const a = audiences.get(c.audienceId);
    return a !== undefined && audienceVisible(who, a);
  });
}
