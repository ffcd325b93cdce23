/** One scan of a site with its stored report: the evidence for the dossier. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { ScanReport } from '../../scanner/types.js';
import { type ScanRecord, type WebsiteRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export async function getWebsiteScan(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  websiteId: string,
  scanId: string,
): Promise<{ site: WebsiteRecord; scan: ScanRecord; report: ScanReport | null }> {
  await websiteManager(d, actor, 'website.scan_report', { objectType: 'website_scan', objectId: scanId });
  return d.db.transaction(async (tx) => {
    const site = await websitesRepo.findSite(tx, websiteId);
    const found = site ? await websitesRepo.findScan(tx, websiteId, scanId) : null;
    if (!site || !found) throw new DomainError('NOT_FOUND');
    const { report, ...scan } = found;
    return { site, scan, report: (report as ScanReport | null) ?? null };
  });
}
