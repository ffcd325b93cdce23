/** Change an activity of the register: every change is audited with its new classification. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ActivityRow, activitiesRepo, type NewActivity } from '../../storage/activities-repo.js';
import type { Deps } from '../deps.js';
import { isUniqueViolation, registerWriter } from './authorize-register.js';
import { checkActivity } from './check-activity.js';

export async function updateActivity(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: NewActivity,
): Promise<ActivityRow> {
  const object = { objectType: 'processing_activity', objectId: id };
  const who = await registerWriter(d, actor, 'activity.update', object);
  const now = d.now();
  try {
    return await d.db.transaction(async (tx) => {
      if (!(await activitiesRepo.get(tx, id))) throw new DomainError('NOT_FOUND');
      const a = await checkActivity(tx, input);
      const row = (await activitiesRepo.update(tx, id, a, now))!;
      await d.audit.append(
        tx,
        [
          {
            type: 'activity.updated',
            actorType: who.actorType,
            actorId: who.actorId,
            ...object,
            data: {
              kind: row.kind,
              channel: row.channel,
              adClass: row.adClass,
              destinationId: row.destinationId,
            },
          },
        ],
        now,
      );
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('ACTIVITY_NAME_TAKEN', { field: 'name' });
    throw e;
  }
}
