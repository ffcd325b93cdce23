/** The scan history of one site, newest first (summaries; the report is fetched per scan). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ScanRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export async function listWebsiteScans(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  websiteId: string,
  limit: number,
): Promise<ScanRecord[]> {
  await websiteManager(d, actor, 'website.scans', { objectType: 'website', objectId: websiteId });
  return d.db.transaction(async (tx) => {
    if (!(await websitesRepo.findSite(tx, websiteId))) throw new DomainError('NOT_FOUND');
    return websitesRepo.listScans(tx, websiteId, limit);
  });
}
