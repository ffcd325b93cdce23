/** One audience with its snapshots (404 outside the actor's scope). No personal data. */
import type { Actor } from '../../domain/access/actor.js';
import { type AudienceRow, audiencesRepo, type SnapshotRow } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager, visibleAudience } from './authorize-audience.js';

export async function getAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<{ audience: AudienceRow; snapshots: SnapshotRow[] }> {
  const who = await audienceManager(d, actor, 'audience.get', { objectType: 'audience', objectId: id });
  const audience = await visibleAudience(d, actor, who, id, 'audience.get');
  return { audience, snapshots: await audiencesRepo.listSnapshots(d.db, id) };
}
