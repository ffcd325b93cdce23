/**
 * One scan: observe the pages with the browser engine, classify what was seen, and build the report
 * (C10, R-67, R-68). No database, no configuration: the CLI and the website jobs both call this.
 *
 * The engine is loaded only when a scan runs without a given `observe` (so importing this module does not
 * load playwright), and a unit test can pass hand-made observations through `deps.observe`.
 */
import { classifyPage, trackerVendors } from './classify/classify.js';
import { bundledTrackerData, type TrackerData } from './tracker-data/load.js';
import type { Finding, PageObservation, PageReport, ScanOptions, ScanReport } from './types.js';

export type ObservePages = (
  opts: ScanOptions,
) => Promise<{ pages: PageObservation[]; chromiumVersion: string; problems: string[] }>;

export interface ScanDeps {
  observe?: ObservePages;
  trackerData?: TrackerData;
  now?: () => Date;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Defaults for everything but the URLs: one page per URL, three phases, 15 s per page, 10 min in all. */
export function defaultScanOptions(partial: Partial<ScanOptions> & { urls: string[] }): ScanOptions {
  return {
    crawl: 1,
    timeBudgetMs: 600_000,
    pageTimeoutMs: 15_000,
    phases: true,
    browserArgs: [],
    screenshotDir: null,
    chromiumPath: DEFAULT_CHROMIUM,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
    urls: partial.urls,
  };
}

function pageReport(obs: PageObservation, data: TrackerData): PageReport {
  return {
    url: obs.url,
    finalUrl: obs.finalUrl,
    status: obs.status,
    seconds: Math.round(obs.seconds * 100) / 100,
    phasesRun: obs.phasesRun,
    banner: obs.banner,
    findings: classifyPage(obs, data),
    screenshots: obs.screenshots,
    problems: obs.problems,
  };
}

/** Counts per classification and the sorted tracker vendors over all pages. */
export function summarise(pages: PageReport[]): ScanReport['summary'] {
  const all: Finding[] = pages.flatMap((p) => p.findings);
  const count = (c: Finding['classification']) => all.filter((f) => f.classification === c).length;
  return {
    pages: pages.length,
    trackers: count('tracker'),
    unknown: count('unknown'),
    necessary: count('necessary'),
    vendors: trackerVendors(all),
  };
}

export async function scan(opts: ScanOptions, deps: ScanDeps = {}): Promise<ScanReport> {
  const now = deps.now ?? (() => new Date());
  const data = deps.trackerData ?? bundledTrackerData();
  const observe = deps.observe ?? (await import('./engine/observe.js')).observePages;
  const startedAt = now().toISOString();
  const observed = await observe(opts);
  const pages = observed.pages.map((p) => pageReport(p, data));
  const { chromiumPath: _chromium, ...options } = opts;
  return {
    schemaVersion: 1,
    startedAt,
    finishedAt: now().toISOString(),
    tool: {
      name: 'kieskluis-scanner',
      chromium: observed.chromiumVersion,
      cookieControlsMode: 0,
      trackerData: { source: data.source, version: data.version },
    },
    options,
    pages,
    summary: summarise(pages),
    problems: observed.problems,
  };
}
