/** Add an activity to the register of processing activities. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ActivityRow, activitiesRepo, type NewActivity } from '../../storage/activities-repo.js';
import type { Deps } from '../deps.js';
import { isUniqueViolation, registerWriter } from './authorize-register.js';
import { checkActivity } from './check-activity.js';

export async function createActivity(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: NewActivity,
): Promise<ActivityRow> {
  const who = await registerWriter(d, actor, 'activity.create');
  const now = d.now();
  try {
    return await d.db.transaction(async (tx) => {
      const a = await checkActivity(tx, input);
      const row = await activitiesRepo.insert(tx, a, who.userId, now);
      await d.audit.append(
        tx,
        [
          {
            type: 'activity.created',
            actorType: who.actorType,
            actorId: who.actorId,
            objectType: 'processing_activity',
            objectId: row.id,
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
