/**
 * Websites of the party and its candidates, scanned for trackers (issue 7, "In the app"). Pure rules:
 * when a scan is due, which site URLs are acceptable, and which trackers in a scan are new since the
 * previous successful one (those become alerts). Time is an argument; no I/O.
 */

export const CADENCES = ['daily', 'weekly', 'manual'] as const;
export type Cadence = (typeof CADENCES)[number];

export const SITE_OWNERS = ['party', 'candidate'] as const;
export type SiteOwner = (typeof SITE_OWNERS)[number];

export const SCAN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export const MAX_SITE_URL_LENGTH = 2048;
export const CRAWL_PAGES_MIN = 1;
export const CRAWL_PAGES_MAX = 50;
export const CRAWL_PAGES_DEFAULT = 10;

/** How often the scheduler looks for due scans. */
export const ENQUEUE_DUE_INTERVAL_MS = 15 * 60_000;

/** A queued or running scan older than this is considered abandoned (a crashed worker) and blocks nothing. */
export const STALE_SCAN_MS = 2 * 60 * 60_000;

const HOUR_MS = 3_600_000;
const INTERVAL_MS: Record<Exclude<Cadence, 'manual'>, number> = {
  daily: 24 * HOUR_MS,
  weekly: 7 * 24 * HOUR_MS,
};
/**
 * The scheduler runs every 15 minutes; a scan counts as due slightly before the full interval so that a
 * daily scan does not drift a quarter of an hour later every day.
 */
const DUE_SLACK_MS = ENQUEUE_DUE_INTERVAL_MS;

/**
 * Is a scheduled scan due? `lastScanAt` is when the latest scan of the site was requested (whatever its
 * outcome), or null when it was never scanned. Manual sites are never due.
 */
export function isScanDue(site: { cadence: Cadence }, lastScanAt: Date | null, now: Date): boolean {
  if (site.cadence === 'manual') return false;
  if (lastScanAt === null) return true;
  return now.getTime() - lastScanAt.getTime() >= INTERVAL_MS[site.cadence] - DUE_SLACK_MS;
}

/** Is a queued/running scan still in progress (not abandoned)? */
export function isScanInProgress(scan: { status: ScanStatus; createdAt: Date }, now: Date): boolean {
  return (
    (scan.status === 'queued' || scan.status === 'running') &&
    now.getTime() - scan.createdAt.getTime() < STALE_SCAN_MS
  );
}

function ipv4Private(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

/**
 * Why a site URL cannot be registered, or null when it can. Only public http(s) sites: the scanner runs a
 * browser on the server, so loopback, private and link-local addresses (and credentials in the URL) are
 * refused here. Host names that resolve to private addresses cannot be seen from a pure rule; the
 * deployment's network policy covers those.
 */
export function siteUrlProblem(raw: string): string | null {
  if (raw.length > MAX_SITE_URL_LENGTH) return `longer than ${MAX_SITE_URL_LENGTH} characters`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'only http and https URLs can be scanned';
  if (u.username || u.password) return 'credentials in the URL are not allowed';
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === '') return 'the URL has no host name';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'local addresses cannot be scanned';
  if (ipv4Private(host)) return 'private and local addresses cannot be scanned';
  if (host.includes(':')) {
    // IPv6 literal: refuse loopback, unspecified, unique-local, link-local and IPv4-mapped addresses.
    if (
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith('::ffff:')
    ) {
      return 'private and local addresses cannot be scanned';
    }
  } else if (!host.includes('.')) {
    return 'the host name must be a full domain name';
  }
  return null;
}

/** The parts of a scan finding that identify a tracker (no evidence, no values). */
export interface TrackerFinding {
  type: 'host' | 'cookie' | 'storage';
  host?: string;
  name?: string;
  key?: string;
  domain?: string;
  origin?: string;
  vendor: string | null;
  classification: 'tracker' | 'unknown' | 'necessary';
}

export interface TrackerItem {
  type: 'host' | 'cookie' | 'storage';
  /** Host for `host`, cookie name for `cookie`, storage key for `storage`. */
  name: string;
  /** Cookie domain or storage origin, when known. */
  where: string | null;
}

/** A vendor with the tracker items that are new in this scan: one alert. */
export interface NewTrackerAlert {
  vendor: string;
  items: TrackerItem[];
}

function itemOf(f: TrackerFinding): TrackerItem {
  if (f.type === 'host') return { type: 'host', name: f.host ?? '', where: null };
  if (f.type === 'cookie') return { type: 'cookie', name: f.name ?? '', where: f.domain ?? null };
  return { type: 'storage', name: f.key ?? '', where: f.origin ?? null };
}

function vendorOf(f: TrackerFinding, item: TrackerItem): string {
  return f.vendor ?? item.where ?? item.name;
}

/** Identity of a tracker across scans: vendor + type + host/cookie/key (+ where), phase ignored. */
export function trackerKey(f: TrackerFinding): string {
  const item = itemOf(f);
  return JSON.stringify([vendorOf(f, item), item.type, item.name, item.where]);
}

/**
 * The trackers present in `current` that were not in `previous` (the previous successful scan of the
 * same site; null when there was none, so every tracker is new), grouped by vendor.
 */
export function newTrackers(
  previous: readonly TrackerFinding[] | null,
  current: readonly TrackerFinding[],
): NewTrackerAlert[] {
  const before = new Set((previous ?? []).filter((f) => f.classification === 'tracker').map(trackerKey));
  const seen = new Set<string>();
  const byVendor = new Map<string, TrackerItem[]>();
  for (const f of current) {
    if (f.classification !== 'tracker') continue;
    const key = trackerKey(f);
    if (before.has(key) || seen.has(key)) continue;
    seen.add(key);
    const item = itemOf(f);
    const vendor = vendorOf(f, item);
    const list = byVendor.get(vendor) ?? [];
    list.push(item);
    byVendor.set(vendor, list);
  }
  return [...byVendor.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([vendor, items]) => ({ vendor, items }));
}
