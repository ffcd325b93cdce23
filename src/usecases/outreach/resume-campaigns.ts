/** At start: campaigns left queued or sending by a stopped process continue (their pending messages). */
import type { Deps } from '../deps.js';
import { launchCampaignSend } from './run-campaign-send.js';

export async function resumeCampaigns(
  d: Parameters<typeof launchCampaignSend>[0] & Pick<Deps, 'db'>,
): Promise<number> {
  const { rows } = await d.db.query<{ id: string }>(
    `SELECT id FROM campaigns WHERE status IN ('queued', 'sending') ORDER BY created_at`,
  );
  for (const r of rows) await launchCampaignSend(d, r.id);
  return rows.length;
}
