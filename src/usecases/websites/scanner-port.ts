/**
 * What the website use cases need from the scanner (src/scanner), as a port the composition root fills:
 * scan one site with its crawl budget. The kernel decides the browser (Chromium path, extra arguments such
 * as host-resolver rules in tests); the use cases know nothing of browsers.
 */
import type { ScanReport } from '../../scanner/types.js';

export const WEBSITE_SCAN_JOB = 'websites.scan';
export const WEBSITES_ENQUEUE_DUE_JOB = 'websites.enqueue-due';

export interface WebsiteScanner {
  scanSite(site: { url: string; crawlPages: number }): Promise<ScanReport>;
}
