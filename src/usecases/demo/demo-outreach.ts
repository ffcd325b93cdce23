/**
 * Demo outreach (issue 4, C5), loaded after the demo audiences: a campaign template in Dutch and English
 * with the transparency block and the objection link (R-26, R-27; checked like any template, no tracking,
 * R-69), and a DRAFT campaign "Ledennieuwsbrief" to the member-newsletter audience, its snapshot frozen, so
 * the report screen has something to show. Nothing is sent: sending stays an explicit step in the app.
 * Loads nothing when the audience or the admin account is missing.
 */
import type { Actor } from '../../domain/access/actor.js';
import { checkTemplate, type TemplateContent } from '../../domain/outreach/templates.js';
import { audiencesRepo } from '../../storage/audiences-repo.js';
import { campaignTemplatesRepo } from '../../storage/campaign-templates-repo.js';
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Queryable } from '../../storage/db.js';
import { freezeAudienceSnapshot } from '../audiences/freeze-snapshot.js';
import type { Deps } from '../deps.js';

export const DEMO_NEWSLETTER_AUDIENCE = 'Alle leden (ledennieuwsbrief)';

export const DEMO_TEMPLATE: TemplateContent = {
  nl: {
    subject: 'Ledennieuwsbrief: de ledenavond van {afdeling}',
    text: [
      'Beste {voornaam},',
      '',
      'Op de ledenavond van afdeling {afdeling} bespreken we het verkiezingsprogramma. U bent van harte welkom.',
      'Het programma staat op https://demo-partij.invalid/agenda.',
      '',
      '{bezwaarlink}',
      '',
      '{transparantieblok}',
    ].join('\n'),
    html: [
      '<p>Beste {voornaam},</p>',
      '<p>Op de ledenavond van afdeling {afdeling} bespreken we het verkiezingsprogramma. U bent van harte welkom.',
      'Het programma staat op <a href="https://demo-partij.invalid/agenda">onze agenda</a>.</p>',
      '{bezwaarlink}',
      '{transparantieblok}',
    ].join('\n'),
  },
  en: {
    subject: 'Members newsletter: the {afdeling} members evening',
    text: [
      'Dear {voornaam},',
      '',
      'At the members evening of the {afdeling} branch we discuss the election programme. You are most welcome.',
      'The programme is on https://demo-partij.invalid/agenda.',
      '',
      '{bezwaarlink}',
      '',
      '{transparantieblok}',
    ].join('\n'),
    html: null,
  },
};

export async function loadDemoOutreach(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression' | 'users'>,
  tx: Queryable,
  ctx: { now: Date; adminUserId: string | null },
): Promise<{ templateId: string; campaignId: string } | null> {
  if (checkTemplate(DEMO_TEMPLATE).length > 0) throw new Error('demo template fails its own checks');
  const audience = (await audiencesRepo.list(tx)).find((a) => a.name === DEMO_NEWSLETTER_AUDIENCE);
  if (!audience || !ctx.adminUserId) return null;
  const template = await campaignTemplatesRepo.insert(
    tx,
    {
      familyId: null,
      version: 1,
      name: 'Ledennieuwsbrief (demo)',
      content: DEMO_TEMPLATE,
      createdBy: ctx.adminUserId,
    },
    ctx.now,
  );
  // The snapshot is frozen as the demo admin, like a campaign created in the app.
  const admin: Actor = {
    kind: 'user',
    userId: ctx.adminUserId,
    username: 'beheer',
    assignments: await d.users.assignments(tx, ctx.adminUserId),
  };
  const frozen = await freezeAudienceSnapshot(d, admin, { audienceId: audience.id, usedFor: 'campaign' }, tx);
  const campaigns = new CampaignsRepo(d.keyring);
  const campaign = await campaigns.insert(
    tx,
    {
      name: 'Ledennieuwsbrief (demo, concept)',
      audienceId: audience.id,
      snapshotId: frozen.snapshotId,
      activityId: audience.activityId,
      templateId: template.id,
      languageRule: 'person',
      throttlePerMinute: 600,
      createdBy: ctx.adminUserId,
    },
    ctx.now,
  );
  const recipients = await campaigns.addMembersFromSnapshot(tx, campaign.id, frozen.snapshotId, ctx.now);
  await campaignTemplatesRepo.markUsed(tx, template.id, ctx.now);
  await d.audit.append(
    tx,
    [
      {
        type: 'outreach.template_created',
        actorType: 'system',
        actorId: null,
        objectType: 'campaign_template',
        objectId: template.id,
        data: { familyId: template.familyId, version: 1, demo: true },
      },
      {
        type: 'outreach.campaign_created',
        actorType: 'system',
        actorId: null,
        objectType: 'campaign',
        objectId: campaign.id,
        data: {
          audienceId: audience.id,
          snapshotId: frozen.snapshotId,
          activityId: audience.activityId,
          templateId: template.id,
          recipients,
          excluded: frozen.excluded,
          demo: true,
        },
      },
    ],
    ctx.now,
  );
  return { templateId: template.id, campaignId: campaign.id };
}
