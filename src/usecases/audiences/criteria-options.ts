/**
 * What the criteria builder offers (no personal data): branches, tags with their class and proxy risk
 * consent purposes (political, political advertising), languages, and the activities from the
 * register an audience can be bound to.
 */
import type { Actor } from '../../domain/access/actor.js';
import { LANGUAGES } from '../../domain/persons/types.js';
import { type ActivityRow, activitiesRepo } from '../../storage/activities-repo.js';
import { audiencesRepo, type CatalogueRows } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager } from './authorize-audience.js';

export interface CriteriaOptions extends CatalogueRows {
  languages: string[];
  activities: Pick<
    ActivityRow,
    'id' | 'name' | 'purpose' | 'kind' | 'channel' | 'adClass' | 'politicalData'
  >[];
}

export async function criteriaOptions(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<CriteriaOptions> {
  await audienceManager(d, actor, 'audience.options');
  const catalogue = await audiencesRepo.catalogue(d.db);
  const activities = await activitiesRepo.list(d.db);
  return {
    ...catalogue,
    languages: [...LANGUAGES],
    activities: activities.map((a) => ({
      id: a.id,
      name: a.name,
      purpose: a.purpose,
      kind: a.kind,
      channel: a.channel,
      adClass: a.adClass,
      politicalData: a.politicalData,
    })),
  };
}
