/** The register of destinations (recipients; no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { type DestinationRow, destinationsRepo } from '../../storage/destinations-repo.js';
import { registerReader } from '../activities/authorize-register.js';
import type { Deps } from '../deps.js';

export async function listDestinations(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<DestinationRow[]> {
  await registerReader(d, actor, 'destination.list');
  return destinationsRepo.list(d.db);
}
