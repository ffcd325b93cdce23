/** One registered destination (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type DestinationRow, destinationsRepo } from '../../storage/destinations-repo.js';
import { registerReader } from '../activities/authorize-register.js';
import type { Deps } from '../deps.js';

export async function getDestination(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<DestinationRow> {
  await registerReader(d, actor, 'destination.get', { objectType: 'destination', objectId: id });
  const row = await destinationsRepo.get(d.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}
