/**
 * What the activity form offers: the consent purposes an activity can rely on and the registered
 * destinations. Readers of the register may see them (the FG has no `consent:manage`). No personal data.
 */
import type { Actor } from '../../domain/access/actor.js';
import { activitiesRepo } from '../../storage/activities-repo.js';
import { destinationsRepo } from '../../storage/destinations-repo.js';
import type { Deps } from '../deps.js';
import { registerReader } from './authorize-register.js';

export async function listActivityOptions(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<{
  consentPurposes: { id: string; name: string; political: boolean }[];
  destinations: { id: string; name: string; role: string }[];
}> {
  await registerReader(d, actor, 'activity.options');
  const destinations = await destinationsRepo.list(d.db);
  return {
    consentPurposes: await activitiesRepo.consentPurposeOptions(d.db),
    destinations: destinations.map((x) => ({ id: x.id, name: x.name, role: x.role })),
  };
}
