/**
 * The rendered message for one recipient of a campaign, as it would be sent now (R-26 block, R-27 link,
 * checked for R-69), or the reasons the person would be excluded. The objection link in a preview is a
 * placeholder that records nothing. The person must be a recipient of this campaign; the read is audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { RenderedMessage } from '../../domain/outreach/render.js';
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Deps } from '../deps.js';
import { outreachSender, visibleCampaign } from './authorize-outreach.js';
import { assessRecipients, loadSendContext, renderFor } from './campaign-message.js';

export const PREVIEW_TOKEN = 'voorbeeld';

export type Preview =
  | { personId: string; excluded: false; message: RenderedMessage; problems: string[] }
  | { personId: string; excluded: true; reasons: string[] };

export async function previewMessage(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'config' | 'persons' | 'suppression'>,
  actor: Actor,
  campaignId: string,
  personId: string | null,
): Promise<Preview> {
  const object = { objectType: 'campaign', objectId: campaignId };
  const who = await outreachSender(d, actor, 'outreach.message_preview', object);
  await visibleCampaign(d, actor, who, campaignId, 'outreach.message_preview');
  return d.db.transaction(async (tx) => {
    const now = d.now();
    const campaign = await visibleCampaign(d, actor, who, campaignId, 'outreach.message_preview', tx);
    const target = await new CampaignsRepo(d.keyring).recipient(tx, campaignId, personId);
    if (!target) throw new DomainError('NOT_FOUND', { field: 'personId' });
    const ctx = await loadSendContext(d, tx, campaign, now);
    const [c] = await assessRecipients(d, tx, ctx, [target], now);
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.message_previewed',
          actorType: who.actorType,
          actorId: who.actorId,
          personId: target,
          purpose: 'campaign preview',
          objectType: 'campaign',
          objectId: campaignId,
        },
      ],
      now,
    );
    if (!c!.ok) return { personId: target, excluded: true, reasons: c!.reasons };
    const r = renderFor(ctx, c!, PREVIEW_TOKEN);
    return { personId: target, excluded: false, message: r.message, problems: r.problems };
  });
}
