/** One activity of the register (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ActivityRow, activitiesRepo } from '../../storage/activities-repo.js';
import type { Deps } from '../deps.js';
import { registerReader } from './authorize-register.js';

export async function getActivity(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<ActivityRow> {
  await registerReader(d, actor, 'activity.get', { objectType: 'processing_activity', objectId: id });
  const row = await activitiesRepo.get(d.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}
