/** The snapshots frozen from an audience, newest first (counts, no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { audiencesRepo, type SnapshotRow } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager, visibleAudience } from './authorize-audience.js';

export async function listSnapshots(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  audienceId: string,
): Promise<SnapshotRow[]> {
  const object = { objectType: 'audience', objectId: audienceId };
  const who = await audienceManager(d, actor, 'audience.snapshots', object);
  await visibleAudience(d, actor, who, audienceId, 'audience.snapshots');
  return audiencesRepo.listSnapshots(d.db, audienceId);
}
