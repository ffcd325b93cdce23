/** Create an audience bound to an activity from the register (C5; ). */
import type { Actor } from '../../domain/access/actor.js';
import { type AudienceRow, audiencesRepo } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager, ownerScopeOf } from './authorize-audience.js';
import { type AudienceInput, classificationDetail, prepareAudience } from './prepare-audience.js';
import { checkName, refuseClassification } from './refuse-audience.js';

export async function createAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: AudienceInput,
): Promise<AudienceRow> {
  const who = await audienceManager(d, actor, 'audience.create');
  const name = checkName(input.name);
  const ownerScope = ownerScopeOf(who);
  const opts = { ownerScopeNarrow: ownerScope !== null };
  const prepared = await d.db.transaction((tx) => prepareAudience(tx, input, opts));
  await refuseClassification(d, actor, who, prepared, null);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const p = await prepareAudience(tx, input, opts);
    const row = await audiencesRepo.insert(
      tx,
      {
        name,
        activityId: p.activity.id,
        criteria: p.criteria,
        classification: p.classification.dataClass,
        classificationDetail: classificationDetail(p.classification),
        ownerScope,
        createdBy: who.userId,
      },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'audience.created',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'audience',
          objectId: row.id,
          data: {
            activityId: row.activityId,
            classification: row.classification,
            criteria: p.classification.criteria.map((c) => c.key),
            flags: p.classification.flags,
          },
        },
      ],
      now,
    );
    return row;
  });
}
