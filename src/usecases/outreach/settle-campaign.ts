/**
 * A sending campaign is finished once no message is pending, queued or being handed over: every message is
 * sent, held, excluded, failed or in doubt (the last two are visible in the report). It becomes `sent`, or
 * `held` when some of its mail is held in the outbox because no SMTP server is configured (the embedded
 * demo; that mail is never delivered later). Audited once with the counts per status (no open or click
 * counts exist, R-69).
 *
 * Called where the last message settles: by the send job after its last chunk, by the mailer after a
 * delivery pass (through the kernel's hook, `settleCampaignsOfMessages`), and inside the transaction of an
 * objection or withdrawal that cancels waiting mail — so the status never waits for someone to read the
 * report.
 */
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';

type SettleDeps = Pick<Deps, 'audit' | 'keyring'>;

/** In the caller's transaction: settle the campaign when it is sending and nothing of it is open. */
export async function settleCampaignIn(
  d: SettleDeps,
  tx: Queryable,
  campaignId: string,
  now: Date,
): Promise<boolean> {
  const campaigns = new CampaignsRepo(d.keyring);
  const c = await campaigns.get(tx, campaignId, true);
  if (c?.status !== 'sending') return false;
  const { byStatus, byReason } = await campaigns.report(tx, campaignId);
  if (byStatus.pending + byStatus.queued + byStatus.sending > 0) return false;
  const held = byStatus.held > 0;
  await campaigns.setStatus(tx, campaignId, held ? 'held' : 'sent', now);
  await d.audit.append(
    tx,
    [
      {
        type: held ? 'outreach.campaign_held' : 'outreach.campaign_sent',
        actorType: 'system',
        actorId: null,
        objectType: 'campaign',
        objectId: campaignId,
        data: { byStatus, byReason },
      },
    ],
    now,
  );
  return true;
}

export async function settleCampaign(
  d: SettleDeps & Pick<Deps, 'db' | 'now'>,
  campaignId: string,
): Promise<boolean> {
  return d.db.transaction((tx) => settleCampaignIn(d, tx, campaignId, d.now()));
}

/** The mailer's completion path: settle the campaigns of the campaign messages a delivery pass settled. */
export async function settleCampaignsOfMessages(
  d: SettleDeps & Pick<Deps, 'db' | 'now'>,
  messageIds: readonly string[],
): Promise<void> {
  if (messageIds.length === 0) return;
  const ids = await new CampaignsRepo(d.keyring).campaignsOfMessages(d.db, messageIds);
  for (const id of ids) await settleCampaign(d, id);
}
