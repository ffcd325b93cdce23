/** Change an audience's name, activity or criteria (classified again; snapshots already frozen stay). */
import type { Actor } from '../../domain/access/actor.js';
import { type AudienceRow, audiencesRepo } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager, visibleAudience } from './authorize-audience.js';
import { type AudienceInput, classificationDetail, prepareAudience } from './prepare-audience.js';
import { checkName, refuseClassification } from './refuse-audience.js';

export async function updateAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: AudienceInput,
): Promise<AudienceRow> {
  const object = { objectType: 'audience', objectId: id };
  const who = await audienceManager(d, actor, 'audience.update', object);
  const existing = await visibleAudience(d, actor, who, id, 'audience.update');
  const name = checkName(input.name);
  const opts = { ownerScopeNarrow: existing.ownerScope !== null };
  const prepared = await d.db.transaction((tx) => prepareAudience(tx, input, opts));
  await refuseClassification(d, actor, who, prepared, id);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    await visibleAudience(d, actor, who, id, 'audience.update', tx);
    const p = await prepareAudience(tx, input, opts);
    await audiencesRepo.update(
      tx,
      id,
      {
        name,
        activityId: p.activity.id,
        criteria: p.criteria,
        classification: p.classification.dataClass,
        classificationDetail: classificationDetail(p.classification),
      },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'audience.updated',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'audience',
          objectId: id,
          data: {
            activityId: p.activity.id,
            classification: p.classification.dataClass,
            criteria: p.classification.criteria.map((c) => c.key),
            flags: p.classification.flags,
          },
        },
      ],
      now,
    );
    return (await audiencesRepo.get(tx, id))!;
  });
}
