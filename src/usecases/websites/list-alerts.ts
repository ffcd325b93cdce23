/** Open alerts (a tracker appeared that the previous successful scan did not see), newest first. */
import type { Actor } from '../../domain/access/actor.js';
import { type AlertRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export async function listWebsiteAlerts(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<AlertRecord[]> {
  await websiteManager(d, actor, 'website.alerts');
  return websitesRepo.listOpenAlerts(d.db);
}
