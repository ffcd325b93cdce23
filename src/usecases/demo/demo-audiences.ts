/**
 * Demo audiences (issue 4, C5), loaded after the demo's activities: "all members" for a member
 * communication, the Amsterdam contacts who consented to campaign e-mails, and the non-members in Utrecht.
 * Each is bound to an activity from the register and classified like any audience. Loads
 * nothing when the register has no activity yet.
 */
import { classifySegment } from '../../domain/audiences/classify.js';
import { type AudienceCriteria, EMPTY_CRITERIA } from '../../domain/audiences/types.js';
import { activitiesRepo } from '../../storage/activities-repo.js';
import { audiencesRepo } from '../../storage/audiences-repo.js';
import type { Queryable } from '../../storage/db.js';
import { classificationDetail, criteriaCatalogue } from '../audiences/prepare-audience.js';
import type { Deps } from '../deps.js';

export async function loadDemoAudiences(
  d: Pick<Deps, 'audit'>,
  tx: Queryable,
  ctx: { now: Date; adminUserId: string | null },
): Promise<number> {
  const activities = await activitiesRepo.list(tx);
  const messages = activities.filter((a) => a.kind === 'MESSAGE');
  const memberComm = messages.find((a) => a.adClass === 'MEMBER_COMMUNICATION_18_3') ?? messages[0];
  const campaign = messages.find((a) => a.adClass === 'NOT_POLITICAL_AD' && a.politicalData) ?? messages[0];
  if (!memberComm || !campaign) return 0;
  const catalogue = await criteriaCatalogue(tx);
  const rows = await audiencesRepo.catalogue(tx);
  const branch = (name: string) => rows.branches.find((b) => b.name === name)?.id;
  const purpose = rows.purposes.find((p) => p.name.startsWith('Campagnemails'))?.id;
  const amsterdam = branch('Amsterdam');
  const utrecht = branch('Utrecht');
  const plans: { name: string; activity: typeof campaign; criteria: AudienceCriteria }[] = [
    {
      name: 'Alle leden (ledennieuwsbrief)',
      activity: memberComm,
      criteria: { ...EMPTY_CRITERIA, membership: { statuses: ['active'] } },
    },
  ];
  if (amsterdam && purpose) {
    plans.push({
      name: 'Amsterdam: toestemming voor campagnemails',
      activity: campaign,
      criteria: { ...EMPTY_CRITERIA, branchIds: [amsterdam], consentPurposeIds: [purpose] },
    });
  }
  if (utrecht) {
    plans.push({
      name: 'Utrecht: geen lid',
      activity: campaign,
      criteria: { ...EMPTY_CRITERIA, branchIds: [utrecht], membership: { statuses: ['none'] } },
    });
  }
  let n = 0;
  for (const p of plans) {
    const c = classifySegment(p.criteria, catalogue, p.activity);
    if (c.refusals.length > 0) continue;
    const row = await audiencesRepo.insert(
      tx,
      {
        name: p.name,
        activityId: p.activity.id,
        criteria: p.criteria,
        classification: c.dataClass,
        classificationDetail: classificationDetail(c),
        ownerScope: null,
        createdBy: ctx.adminUserId,
      },
      ctx.now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'audience.created',
          actorType: 'system',
          actorId: null,
          objectType: 'audience',
          objectId: row.id,
          data: { activityId: row.activityId, classification: row.classification, demo: true },
        },
      ],
      ctx.now,
    );
    n++;
  }
  return n;
}
