/** The register of processing activities (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { type ActivityRow, activitiesRepo } from '../../storage/activities-repo.js';
import type { Deps } from '../deps.js';
import { registerReader } from './authorize-register.js';

export async function listActivities(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<ActivityRow[]> {
  await registerReader(d, actor, 'activity.list');
  return activitiesRepo.list(d.db);
}
