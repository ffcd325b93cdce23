/**
 * Classification of one page's observations into findings. Pure: the tracker data
 * and the observation are arguments; "now" for cookie lifetimes is the page's `startedAt`.
 *
 * Every finding is `tracker`, `unknown` or `necessary` and names the rule that decided it. The rules, in
 * the order they are tried, are documented in docs/scanner-report.md ("Rules"). Cookie and storage values
 * are never read: only names, domains, lifetimes and value lengths.
 */
import {
  matchCookieName,
  matchHost,
  matchStorageKey,
  type TrackerData,
  type TrackerEntry,
} from '../tracker-data/load.js';
import {
  type Classification,
  type Finding,
  type FindingType,
  type ObservedCookie,
  type ObservedRequest,
  type ObservedStorage,
  type PageObservation,
  PHASES,
  type Phase,
} from '../types.js';
import { necessaryKind } from './necessary.js';

/** A persistent cookie living longer than this after the visit is "long-lived". */
export const LONG_EXPIRY_DAYS = 30;
/** A long-lived cookie whose value is at least this long is identifier-like (random ids are ≥ 16 chars). */
export const IDENTIFIER_MIN_LENGTH = 16;
/** Example URLs kept per host finding, and their length. */
const MAX_URLS = 5;
const MAX_URL_LENGTH = 300;

const DAY = 86_400;

function vendorOf(entry: TrackerEntry): Pick<Finding, 'vendor' | 'category'> {
  return { vendor: entry.vendor, category: entry.category };
}

function none(): Pick<Finding, 'vendor' | 'category'> {
  return { vendor: null, category: null };
}

function cut(url: string): string {
  return url.length > MAX_URL_LENGTH ? `${url.slice(0, MAX_URL_LENGTH)}…` : url;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function isWebRequest(r: ObservedRequest): boolean {
  return /^(https?|wss?):/i.test(r.url) && r.host.length > 0;
}

/** A request shaped like a tracking pixel: a beacon/ping, or a tiny image that carries a query string. */
function pixelLike(r: ObservedRequest): 'strong' | 'weak' | null {
  if (!r.beaconLike) return null;
  if (r.resourceType === 'ping' || r.resourceType === 'beacon') return 'strong';
  return r.url.includes('?') ? 'strong' : 'weak';
}

function hostFinding(
  phase: Phase,
  host: string,
  requests: ObservedRequest[],
  obs: PageObservation,
  data: TrackerData,
): Finding | null {
  const match = matchHost(data, host);
  const thirdParty = requests.some((r) => r.thirdParty);
  const pixels = requests.map(pixelLike);
  const evidence: Record<string, unknown> = {
    requests: requests.length,
    urls: uniq(requests.map((r) => cut(r.url))).slice(0, MAX_URLS),
    resourceTypes: uniq(requests.map((r) => r.resourceType)).sort(),
    initiators: uniq(requests.map((r) => r.initiator).filter((i): i is string => Boolean(i)))
      .slice(0, 3)
      .map(cut),
    thirdParty,
    beacon: pixels.some((p) => p !== null),
    iframe: obs.frames.some((f) => f.phase === phase && f.host === host),
  };
  const base = { phase, type: 'host' as const, host, evidence };
  if (match) {
    const known = match.entry.classification === 'tracker';
    return {
      ...base,
      ...vendorOf(match.entry),
      classification: match.entry.classification,
      rule: `${known ? 'tracker-host' : 'known-third-party'}:${match.pattern}`,
    };
  }
  // First-party requests are the site itself: no finding (its tracking shows in cookies and storage).
  if (!thirdParty) return null;
  if (pixels.includes('strong')) return { ...base, ...none(), classification: 'tracker', rule: 'beacon' };
  if (pixels.includes('weak')) return { ...base, ...none(), classification: 'unknown', rule: 'beacon' };
  return { ...base, ...none(), classification: 'unknown', rule: 'third-party-host' };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function cookieFinding(c: ObservedCookie, nowSeconds: number, data: TrackerData): Finding {
  const session = c.expires < 0;
  const lifetimeDays = session ? null : Math.round(((c.expires - nowSeconds) / DAY) * 10) / 10;
  const evidence: Record<string, unknown> = {
    expires: session ? 'session' : new Date(c.expires * 1000).toISOString(),
    lifetimeDays,
    valueLength: c.valueLength,
    thirdParty: c.thirdParty,
    path: c.path,
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: c.sameSite,
    setBy: c.setBy,
  };
  const base = { phase: c.phase, type: 'cookie' as const, name: c.name, domain: c.domain, evidence };
  const decide = (
    classification: Classification,
    rule: string,
    who: Pick<Finding, 'vendor' | 'category'> = none(),
  ): Finding => ({ ...base, ...who, classification, rule });

  const byName = matchCookieName(data, c.name, c.domain);
  if (byName)
    return decide(byName.entry.classification, `tracker-cookie:${byName.pattern}`, vendorOf(byName.entry));
  const byDomain = matchHost(data, c.domain.replace(/^\./, ''));
  if (byDomain) {
    return decide(
      byDomain.entry.classification,
      `tracker-cookie-domain:${byDomain.pattern}`,
      vendorOf(byDomain.entry),
    );
  }
  const kind = necessaryKind(c.name);
  if (kind) return decide('necessary', `${kind}-cookie`);
  const setter = hostOf(c.setBy.url);
  const bySetter = setter ? matchHost(data, setter) : null;
  if (bySetter && bySetter.entry.classification === 'tracker') {
    return decide('tracker', `tracker-cookie-setter:${bySetter.pattern}`, vendorOf(bySetter.entry));
  }
  const identifierLike =
    lifetimeDays !== null && lifetimeDays > LONG_EXPIRY_DAYS && c.valueLength >= IDENTIFIER_MIN_LENGTH;
  if (identifierLike) return decide(c.thirdParty ? 'tracker' : 'unknown', 'identifier-cookie');
  if (c.thirdParty) return decide('unknown', 'third-party-cookie');
  if (session) return decide('necessary', 'session-cookie');
  return decide('unknown', 'first-party-cookie');
}

function storageFinding(s: ObservedStorage[], data: TrackerData): Finding {
  const first = s[0]!;
  const evidence: Record<string, unknown> = {
    kinds: uniq(s.map((x) => x.kind)).sort(),
    valueLength: Math.max(...s.map((x) => x.valueLength)),
  };
  const base = {
    phase: first.phase,
    type: 'storage' as const,
    key: first.key,
    origin: first.origin,
    evidence,
  };
  const byKey = matchStorageKey(data, first.key);
  if (byKey) {
    return {
      ...base,
      ...vendorOf(byKey.entry),
      classification: byKey.entry.classification,
      rule: `tracker-storage:${byKey.pattern}`,
    };
  }
  const origin = hostOf(first.origin);
  const byOrigin = origin ? matchHost(data, origin) : null;
  if (byOrigin) {
    return {
      ...base,
      ...vendorOf(byOrigin.entry),
      classification: byOrigin.entry.classification,
      rule: `tracker-storage-origin:${byOrigin.pattern}`,
    };
  }
  const kind = necessaryKind(first.key);
  if (kind) return { ...base, ...none(), classification: 'necessary', rule: `${kind}-storage` };
  return { ...base, ...none(), classification: 'unknown', rule: 'storage' };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const TYPE_ORDER: Record<FindingType, number> = { host: 0, cookie: 1, storage: 2 };
const CLASS_ORDER: Record<Classification, number> = { tracker: 0, unknown: 1, necessary: 2 };

/** The identity a finding is deduplicated on: phase, type and host | name@domain | key@origin. */
export function findingKey(f: Finding): string {
  const id =
    f.type === 'host' ? f.host : f.type === 'cookie' ? `${f.name}@${f.domain}` : `${f.key}@${f.origin}`;
  return `${f.phase}|${f.type}|${id}`;
}

/** Findings of one observed page, deduplicated per (phase, type, host | cookie | storage key), sorted. */
export function classifyPage(obs: PageObservation, data: TrackerData): Finding[] {
  const out: Finding[] = [];
  const requests = groupBy(obs.requests.filter(isWebRequest), (r) => `${r.phase}|${r.host.toLowerCase()}`);
  for (const group of requests.values()) {
    const f = hostFinding(group[0]!.phase, group[0]!.host.toLowerCase(), group, obs, data);
    if (f) out.push(f);
  }
  const startedMs = Date.parse(obs.startedAt);
  const nowSeconds = Number.isFinite(startedMs) ? startedMs / 1000 : 0;
  const cookies = groupBy(obs.cookies, (c) => `${c.phase}|${c.name}|${c.domain.toLowerCase()}`);
  for (const group of cookies.values()) out.push(cookieFinding(group[group.length - 1]!, nowSeconds, data));
  const storage = groupBy(obs.storage, (s) => `${s.phase}|${s.key}|${s.origin}`);
  for (const group of storage.values()) out.push(storageFinding(group, data));
  return out.sort(
    (a, b) =>
      PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      CLASS_ORDER[a.classification] - CLASS_ORDER[b.classification] ||
      findingKey(a).localeCompare(findingKey(b)),
  );
}

/**
 * Who a finding is attributed to: its vendor, or, for trackers no list knows (a beacon, an identifier
 * cookie), the host, cookie domain or storage origin host, so the party knows what to look for.
 */
export function vendorLabel(f: Finding): string {
  if (f.vendor) return f.vendor;
  if (f.host) return f.host;
  if (f.domain) return f.domain.replace(/^\./, '');
  return hostOf(f.origin ?? null) ?? f.origin ?? 'unknown';
}

/** Sorted distinct vendor labels of the tracker findings. */
export function trackerVendors(findings: Finding[]): string[] {
  return uniq(findings.filter((f) => f.classification === 'tracker').map(vendorLabel)).sort();
}

/** `TRACKER_FOUND:<vendor>` codes (LEGAL.md appendix C, R-68), one per vendor with a tracker finding. */
export function trackerCodes(findings: Finding[]): string[] {
  return trackerVendors(findings).map((v) => `TRACKER_FOUND:${v}`);
}
