/** The audiences visible to the actor (their scope's and, for party-wide roles, all). No personal data. */
import type { Actor } from '../../domain/access/actor.js';
import { type AudienceRow, audiencesRepo } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager, audienceVisible } from './authorize-audience.js';

export async function listAudiences(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<AudienceRow[]> {
  const who = await audienceManager(d, actor, 'audience.list');
  const rows = await audiencesRepo.list(d.db);
  return rows.filter((a) => audienceVisible(who, a));
}
