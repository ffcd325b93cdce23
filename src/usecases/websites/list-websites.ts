/** The registered websites with their latest scan, their last finished scan (the verdict) and open alerts. */
import type { Actor } from '../../domain/access/actor.js';
import { type ScanRecord, type WebsiteRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export interface WebsiteOverview extends WebsiteRecord {
  latestScan: ScanRecord | null;
  lastDoneScan: ScanRecord | null;
  openAlerts: number;
}

export async function listWebsites(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<WebsiteOverview[]> {
  await websiteManager(d, actor, 'website.list');
  return d.db.transaction(async (tx) => {
    const sites = await websitesRepo.listSites(tx);
    const scans = await websitesRepo.latestScans(tx);
    const alerts = await websitesRepo.listOpenAlerts(tx);
    return sites.map((s) => ({
      ...s,
      latestScan: scans.get(s.id)?.latest ?? null,
      lastDoneScan: scans.get(s.id)?.lastDone ?? null,
      openAlerts: alerts.filter((a) => a.websiteId === s.id).length,
    }));
  });
}
