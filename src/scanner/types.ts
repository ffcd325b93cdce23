/**
 * The scanner's data contract (C10, R-67…R-70). The engine observes what a normal visitor's browser does
 * (`PageObservation`); classification turns observations into findings; the report is plain data with a
 * documented schema (docs/scanner-report.md). The scanner knows nothing of the database.
 */

export type Phase = 'initial' | 'after_accept' | 'after_reject';
export const PHASES: readonly Phase[] = ['initial', 'after_accept', 'after_reject'];

export type Classification = 'tracker' | 'unknown' | 'necessary';

/** One network request made while a phase was observed. */
export interface ObservedRequest {
  phase: Phase;
  url: string;
  host: string;
  path: string;
  method: string;
  /** Playwright resource type: document, script, image, xhr, fetch, ping, iframe, stylesheet, … */
  resourceType: string;
  /** URL of the script or document that caused it, when known. */
  initiator: string | null;
  frameUrl: string;
  /** Host differs from the scanned page's registrable domain (eTLD+1 approximation). */
  thirdParty: boolean;
  status: number | null;
  /** Response size in bytes when known (image pixels are tiny). */
  responseBytes: number | null;
  /** `navigator.sendBeacon` / `<a ping>` or a tiny image: the usual shapes of a tracking pixel. */
  beaconLike: boolean;
}

export interface ObservedCookie {
  phase: Phase;
  name: string;
  domain: string;
  path: string;
  /** Seconds since epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  thirdParty: boolean;
  /** Length only: cookie values are identifiers and never copied into reports. */
  valueLength: number;
  /** What set it: the response (Set-Cookie) or script (document.cookie), and its URL when known. */
  setBy: { kind: 'response' | 'script' | 'unknown'; url: string | null };
}

export interface ObservedStorage {
  phase: Phase;
  kind: 'localStorage' | 'sessionStorage';
  origin: string;
  key: string;
  valueLength: number;
}

export interface ObservedFrame {
  phase: Phase;
  url: string;
  host: string;
  thirdParty: boolean;
}

export interface BannerOutcome {
  found: boolean;
  /** How it was found (selector or button text), or why not. */
  note: string;
  acceptClicked: boolean;
  rejectClicked: boolean;
}

export interface PageObservation {
  url: string;
  finalUrl: string;
  status: number | null;
  startedAt: string;
  seconds: number;
  phasesRun: Phase[];
  banner: BannerOutcome;
  requests: ObservedRequest[];
  cookies: ObservedCookie[];
  storage: ObservedStorage[];
  frames: ObservedFrame[];
  /** Same-site links found on the page (for crawling). */
  links: string[];
  /** PNG screenshots per phase (absolute file paths), when asked for. */
  screenshots: Partial<Record<Phase, string>>;
  /** What could not be done (unreachable, timeout, TLS error, banner missing…), in plain words. */
  problems: string[];
}

export type FindingType = 'host' | 'cookie' | 'storage';

export interface Finding {
  phase: Phase;
  type: FindingType;
  /** For `host` findings. */
  host?: string;
  /** For `cookie` findings. */
  name?: string;
  /** For `storage` findings. */
  key?: string;
  /** Cookie domain. */
  domain?: string;
  /** Storage origin. */
  origin?: string;
  vendor: string | null;
  category: string | null;
  classification: Classification;
  /** The rule that decided the classification, e.g. `tracker-host:google-analytics.com`. */
  rule: string;
  /** Why: request URLs, setter, expiry… (never cookie or storage values). */
  evidence: Record<string, unknown>;
}

export interface PageReport {
  url: string;
  finalUrl: string;
  status: number | null;
  seconds: number;
  phasesRun: Phase[];
  banner: BannerOutcome;
  findings: Finding[];
  screenshots: Partial<Record<Phase, string>>;
  problems: string[];
}

export interface ScanOptions {
  urls: string[];
  /** Page budget per start URL (1 = only the URL itself). */
  crawl: number;
  /** Whole-scan time budget in ms. */
  timeBudgetMs: number;
  /** Per-page budget in ms (load + waiting for late trackers). */
  pageTimeoutMs: number;
  /** Run after_accept and after_reject too (default true). */
  phases: boolean;
  /** Extra Chromium arguments (`--browser-arg`, repeatable), e.g. host-resolver rules or a proxy. */
  browserArgs: string[];
  /** Directory for screenshots, or null for none. */
  screenshotDir: string | null;
  chromiumPath: string;
}

export interface ScanReport {
  schemaVersion: 1;
  startedAt: string;
  finishedAt: string;
  tool: {
    name: 'kieskluis-scanner';
    chromium: string;
    cookieControlsMode: 0;
    trackerData: { source: string; version: string };
  };
  options: Omit<ScanOptions, 'chromiumPath'>;
  pages: PageReport[];
  summary: { pages: number; trackers: number; unknown: number; necessary: number; vendors: string[] };
  problems: string[];
}
