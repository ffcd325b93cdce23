/**
 * The `websites.scan` job: run the scanner on a queued scan's site, store the report (the evidence) with
 * its summary, and raise an alert per vendor for trackers the previous successful scan did not see. Each
 * step writes with its audit event in one transaction. Scanner failures end as a failed scan, never as a
 * job retry; a retried job finds the scan claimed already and does nothing.
 */
import { newTrackers } from '../../domain/websites.js';
import type { ScanReport } from '../../scanner/types.js';
import { websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import type { WebsiteScanner } from './scanner-port.js';

export interface ScanJobData {
  siteId: string;
  scanId: string;
}

export function scanJobData(data: Record<string, unknown>): ScanJobData | null {
  const { siteId, scanId } = data;
  return typeof siteId === 'string' && typeof scanId === 'string' ? { siteId, scanId } : null;
}

function findingsOf(report: unknown) {
  const pages = (report as Partial<ScanReport> | null)?.pages;
  return Array.isArray(pages) ? pages.flatMap((p) => (Array.isArray(p.findings) ? p.findings : [])) : [];
}

export type ScanOutcome =
  | { status: 'skipped' }
  | { status: 'done' | 'failed'; trackers: number; alerts: number; error: string | null };

export async function runWebsiteScan(
  d: Pick<Deps, 'db' | 'audit' | 'now'> & { scanner: WebsiteScanner },
  job: ScanJobData,
): Promise<ScanOutcome> {
  const system = { actorType: 'system' as const, actorId: null };
  const claimed = await d.db.transaction(async (tx) => {
    const scan = await websitesRepo.claimScan(tx, job.scanId, d.now());
    if (!scan || scan.websiteId !== job.siteId) return null;
    const site = await websitesRepo.findSite(tx, job.siteId);
    await d.audit.append(
      tx,
      [
        {
          type: 'website.scan_started',
          ...system,
          objectType: 'website_scan',
          objectId: scan.id,
          data: { websiteId: job.siteId, url: site?.url ?? null, crawlPages: site?.crawlPages ?? null },
        },
      ],
      d.now(),
    );
    return { scan, site };
  });
  if (!claimed) return { status: 'skipped' };

  const finishFailed = async (error: string, report: ScanReport | null) => {
    await d.db.transaction(async (tx) => {
      const now = d.now();
      await websitesRepo.finishScan(
        tx,
        job.scanId,
        {
          status: 'failed',
          pages: report?.summary.pages ?? 0,
          trackers: report?.summary.trackers ?? 0,
          unknown: report?.summary.unknown ?? 0,
          necessary: report?.summary.necessary ?? 0,
          vendors: report?.summary.vendors ?? [],
          error,
          report,
        },
        now,
      );
      await d.audit.append(
        tx,
        [
          {
            type: 'website.scan_finished',
            ...system,
            objectType: 'website_scan',
            objectId: job.scanId,
            data: { websiteId: job.siteId, status: 'failed', error },
          },
        ],
        now,
      );
    });
    return { status: 'failed' as const, trackers: 0, alerts: 0, error };
  };

  if (!claimed.site) return finishFailed('the website was deleted before the scan started', null);
  let report: ScanReport;
  try {
    report = await d.scanner.scanSite({ url: claimed.site.url, crawlPages: claimed.site.crawlPages });
  } catch (e) {
    return finishFailed(`the scanner stopped: ${(e as Error).message}`.slice(0, 2000), null);
  }
  // A scan that could not load a single page says nothing about trackers: failed, report kept as evidence.
  if (report.pages.length === 0 || report.pages.every((p) => p.status === null)) {
    const why = [...report.problems, ...report.pages.flatMap((p) => p.problems)].join('; ');
    return finishFailed(`no page could be loaded${why ? `: ${why}` : ''}`.slice(0, 2000), report);
  }

  return d.db.transaction(async (tx) => {
    const now = d.now();
    const previous = await websitesRepo.previousSuccessfulReport(tx, job.siteId, job.scanId);
    const fresh = newTrackers(previous === null ? null : findingsOf(previous), findingsOf(report));
    await websitesRepo.finishScan(
      tx,
      job.scanId,
      {
        status: 'done',
        pages: report.summary.pages,
        trackers: report.summary.trackers,
        unknown: report.summary.unknown,
        necessary: report.summary.necessary,
        vendors: report.summary.vendors,
        error: null,
        report,
      },
      now,
    );
    const alerts = await websitesRepo.insertAlerts(
      tx,
      fresh.map((a) => ({
        websiteId: job.siteId,
        scanId: job.scanId,
        vendor: a.vendor,
        detail: { items: a.items, firstScan: previous === null },
      })),
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'website.scan_finished',
          ...system,
          objectType: 'website_scan',
          objectId: job.scanId,
          data: {
            websiteId: job.siteId,
            status: 'done',
            pages: report.summary.pages,
            trackers: report.summary.trackers,
            vendors: report.summary.vendors,
            alerts: alerts.map((a) => a.id),
          },
        },
      ],
      now,
    );
    return { status: 'done' as const, trackers: report.summary.trackers, alerts: alerts.length, error: null };
  });
}
