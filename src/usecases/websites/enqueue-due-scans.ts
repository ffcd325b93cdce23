/**
 * The `websites.enqueue-due` job (every 15 minutes): queue a scan for every site whose cadence is due
 * (`isScanDue`), skipping sites with a scan in progress, and mark abandoned scans (a worker that died)
 * as failed. Each queued scan is audited as requested by the system.
 */
import { isScanDue, isScanInProgress } from '../../domain/websites.js';
import { websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { queueScan } from './request-scan.js';

export async function enqueueDueScans(d: Pick<Deps, 'db' | 'audit' | 'jobs' | 'now'>): Promise<string[]> {
  if (!d.jobs) return [];
  const now = d.now();
  const queued = await d.db.transaction(async (tx) => {
    const sites = await websitesRepo.listSites(tx);
    const scans = await websitesRepo.latestScans(tx);
    const out = [];
    for (const site of sites) {
      const latest = scans.get(site.id)?.latest ?? null;
      if (latest && (latest.status === 'queued' || latest.status === 'running')) {
        if (isScanInProgress(latest, now)) continue;
        await websitesRepo.failScan(tx, latest.id, 'abandoned: the scan did not finish in time', now);
      }
      if (!isScanDue(site, latest?.createdAt ?? null, now)) continue;
      const scan = await websitesRepo.insertScan(
        tx,
        { websiteId: site.id, trigger: 'schedule', requestedBy: null },
        now,
      );
      await d.audit.append(
        tx,
        [
          {
            type: 'website.scan_requested',
            actorType: 'system',
            actorId: null,
            objectType: 'website_scan',
            objectId: scan.id,
            data: { websiteId: site.id, trigger: 'schedule', cadence: site.cadence },
          },
        ],
        now,
      );
      out.push(scan);
    }
    return out;
  });
  for (const scan of queued) await queueScan(d, scan).catch(() => undefined);
  return queued.map((s) => s.id);
}
