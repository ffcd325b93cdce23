/**
 * Create an e-mail campaign from an audience (C5, `outreach:send`): the audience must be visible to the
 * actor (a candidate only within their own scope) and bound to an e-mail message activity; its snapshot
 * is frozen now (AUDIENCES' `freezeAudienceSnapshot`, same transaction) and every member gets one
 * pending message. The template version becomes immutable. Sending is a separate step.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { LANGUAGE_RULES, type LanguageRule } from '../../domain/outreach/templates.js';
import { activitiesRepo } from '../../storage/activities-repo.js';
import { campaignTemplatesRepo } from '../../storage/campaign-templates-repo.js';
import { type CampaignRow, CampaignsRepo } from '../../storage/campaigns-repo.js';
import { visibleAudience } from '../audiences/authorize-audience.js';
import { freezeAudienceSnapshot } from '../audiences/freeze-snapshot.js';
import type { Deps } from '../deps.js';
import { outreachSender } from './authorize-outreach.js';

export interface CampaignInput {
  name: string;
  audienceId: string;
  templateId: string;
  languageRule: LanguageRule;
  /** Messages per minute; default from the configuration. */
  throttlePerMinute?: number | null;
}

export const DEFAULT_THROTTLE_PER_MINUTE = 600;

export async function createCampaign(
  d: Deps,
  actor: Actor,
  input: CampaignInput,
): Promise<{ campaign: CampaignRow; includedCount: number; excluded: Record<string, number> }> {
  const who = await outreachSender(d, actor, 'outreach.campaign_create');
  const fields: { field: string; problem: string }[] = [];
  const name = input.name.trim();
  if (!name || name.length > 200) fields.push({ field: 'name', problem: '1–200 characters' });
  if (!LANGUAGE_RULES.includes(input.languageRule))
    fields.push({ field: 'languageRule', problem: 'person, nl or en' });
  const throttle = input.throttlePerMinute ?? DEFAULT_THROTTLE_PER_MINUTE;
  if (!Number.isInteger(throttle) || throttle < 1 || throttle > 100_000)
    fields.push({ field: 'throttlePerMinute', problem: 'a whole number 1–100000' });
  if (fields.length) throw new DomainError('VALIDATION_FAILED', { in: 'body', fields });

  const audience = await visibleAudience(d, actor, who, input.audienceId, 'outreach.campaign_create');
  const activity = await activitiesRepo.get(d.db, audience.activityId);
  if (activity?.kind !== 'MESSAGE' || activity.channel !== 'EMAIL')
    throw new DomainError('AUDIENCE_ACTIVITY_NOT_EMAIL', { activityId: audience.activityId });
  const template = await campaignTemplatesRepo.get(d.db, input.templateId);
  if (!template) throw new DomainError('NOT_FOUND', { field: 'templateId' });
  if (template.supersededAt) throw new DomainError('TEMPLATE_SUPERSEDED');
  if (input.languageRule === 'en' && !template.content.en) throw new DomainError('TEMPLATE_LANGUAGE_MISSING');

  const campaigns = new CampaignsRepo(d.keyring);
  return d.db.transaction(async (tx) => {
    const now = d.now();
    const frozen = await freezeAudienceSnapshot(
      d,
      actor,
      { audienceId: audience.id, usedFor: 'campaign' },
      tx,
    );
    const campaign = await campaigns.insert(
      tx,
      {
        name,
        audienceId: audience.id,
        snapshotId: frozen.snapshotId,
        activityId: audience.activityId,
        templateId: template.id,
        languageRule: input.languageRule,
        throttlePerMinute: throttle,
        createdBy: who.userId,
      },
      now,
    );
    const members = await campaigns.addMembersFromSnapshot(tx, campaign.id, frozen.snapshotId, now);
    await campaignTemplatesRepo.markUsed(tx, template.id, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'outreach.campaign_created',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'campaign',
          objectId: campaign.id,
          data: {
            audienceId: audience.id,
            snapshotId: frozen.snapshotId,
            activityId: audience.activityId,
            templateId: template.id,
            recipients: members,
            excluded: frozen.excluded,
          },
        },
      ],
      now,
    );
    return { campaign, includedCount: frozen.includedCount, excluded: frozen.excluded };
  });
}
