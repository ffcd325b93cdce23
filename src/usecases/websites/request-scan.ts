/**
 * "Scan now": queue a scan of one site on the job queue (the scan itself runs in `runWebsiteScan`).
 * One scan per site at a time; the request is audited in the transaction that queues it.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { isScanInProgress } from '../../domain/websites.js';
import { type ScanRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';
import { WEBSITE_SCAN_JOB } from './scanner-port.js';

export async function requestWebsiteScan(
  d: Pick<Deps, 'db' | 'audit' | 'jobs' | 'now'>,
  actor: Actor,
  websiteId: string,
): Promise<ScanRecord> {
  const who = await websiteManager(d, actor, 'website.scan', { objectType: 'website', objectId: websiteId });
  const jobs = d.jobs;
  const now = d.now();
  const scan = await d.db.transaction(async (tx) => {
    const site = await websitesRepo.findSite(tx, websiteId, { lock: true });
    if (!site) throw new DomainError('NOT_FOUND');
    if (!jobs) throw new DomainError('WEBSITE_SCANS_UNAVAILABLE');
    const latest = (await websitesRepo.listScans(tx, websiteId, 1))[0];
    if (latest && isScanInProgress(latest, now)) {
      throw new DomainError('WEBSITE_SCAN_IN_PROGRESS', { scanId: latest.id });
    }
    const s = await websitesRepo.insertScan(
      tx,
      { websiteId, trigger: 'manual', requestedBy: who.userId },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'website.scan_requested',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'website_scan',
          objectId: s.id,
          data: { websiteId, trigger: 'manual' },
        },
      ],
      now,
    );
    return s;
  });
  await queueScan(d, scan);
  return scan;
}

/** Send the job for a queued scan; if the queue refuses, the scan is marked failed rather than left queued. */
export async function queueScan(d: Pick<Deps, 'db' | 'jobs' | 'now'>, scan: ScanRecord): Promise<void> {
  try {
    if (!d.jobs) throw new Error('job queue is off');
    await d.jobs.send(WEBSITE_SCAN_JOB, { siteId: scan.websiteId, scanId: scan.id });
  } catch (e) {
    await websitesRepo.failScan(d.db, scan.id, `could not queue the scan: ${(e as Error).message}`, d.now());
    throw e;
  }
}
