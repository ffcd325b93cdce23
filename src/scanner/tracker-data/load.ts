/**
 * The tracker data (docs/adr/0007-tracker-data.md): our own curated list of vendors with their hosts,
 * cookie names and storage keys, validated with zod when loaded. Invalid data is refused with a message
 * naming the entry, so a bad merge never reaches a scan.
 */
import { z } from 'zod';
import bundled from './trackers.json' with { type: 'json' };

export const CATEGORIES = [
  'advertising',
  'analytics',
  'session-replay',
  'social',
  'marketing',
  'tag-manager',
  'embed',
  'consent',
  'cdn',
  'security',
  'tracking',
] as const;
export type TrackerCategory = (typeof CATEGORIES)[number];

/** A host pattern: a lowercase host name, matching itself and every subdomain. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*$/;
/** A cookie or storage pattern: a name with `*` wildcards; `name@host` binds it to cookies on that host. */
const NAME_PATTERN = /^[^\s@;,=]+(?:@[a-z0-9.-]+)?$/;

const entrySchema = z
  .object({
    vendor: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'vendor: lowercase slug (a-z, 0-9, -)'),
    service: z.string().min(1).optional(),
    category: z.enum(CATEGORIES),
    /** `tracker` (default) or `unknown` for known third parties that are not trackers by themselves. */
    classification: z.enum(['tracker', 'unknown']).default('tracker'),
    hosts: z.array(z.string().regex(HOST, 'host: lowercase host name without scheme or path')),
    cookies: z.array(z.string().regex(NAME_PATTERN, 'cookie pattern: name, * wildcards, optional @host')),
    storage: z.array(z.string().min(1).max(200)).default([]),
    source: z.string().min(1).optional(),
  })
  .strict();

export const trackerDataSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().min(1),
    updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'updated: YYYY-MM-DD'),
    licence: z.string().min(1),
    sources: z.array(
      z.object({ name: z.string().min(1), licence: z.string().min(1), note: z.string().optional() }).strict(),
    ),
    entries: z.array(z.unknown()).min(1),
  })
  .strict();

export type TrackerEntry = z.output<typeof entrySchema>;
export type TrackerDataFile = Omit<z.output<typeof trackerDataSchema>, 'entries'> & {
  entries: TrackerEntry[];
};

export interface HostMatch {
  entry: TrackerEntry;
  /** The pattern that matched (the host itself or a parent domain). */
  pattern: string;
}

interface CompiledPattern {
  pattern: string;
  re: RegExp;
  /** For `name@host`: the host the cookie's domain must be (or be under). */
  host: string | null;
  entry: TrackerEntry;
}

/** The loaded, validated and indexed data that classification reads. */
export interface TrackerData {
  version: string;
  updated: string;
  licence: string;
  source: string;
  entries: TrackerEntry[];
  hostIndex: Map<string, TrackerEntry>;
  cookiePatterns: CompiledPattern[];
  storagePatterns: CompiledPattern[];
}

export class TrackerDataError extends Error {}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function compile(pattern: string, entry: TrackerEntry): CompiledPattern {
  const at = pattern.lastIndexOf('@');
  const name = at > 0 ? pattern.slice(0, at) : pattern;
  return { pattern, re: globToRegExp(name), host: at > 0 ? pattern.slice(at + 1) : null, entry };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/** Validate raw tracker data; throws `TrackerDataError` naming the first bad entry (index and vendor). */
export function loadTrackerData(raw: unknown): TrackerData {
  const top = trackerDataSchema.safeParse(raw);
  if (!top.success) {
    throw new TrackerDataError(`tracker data: ${top.error.issues.slice(0, 3).map(describeIssue).join('; ')}`);
  }
  const entries: TrackerEntry[] = [];
  const hostIndex = new Map<string, TrackerEntry>();
  top.data.entries.forEach((rawEntry, i) => {
    const vendor =
      rawEntry && typeof rawEntry === 'object' && 'vendor' in rawEntry ? String(rawEntry.vendor) : '?';
    const where = `tracker data entry ${i} (${vendor})`;
    const parsed = entrySchema.safeParse(rawEntry);
    if (!parsed.success) {
      throw new TrackerDataError(
        `${where}: ${parsed.error.issues.slice(0, 3).map(describeIssue).join('; ')}`,
      );
    }
    const entry = parsed.data;
    if (entry.hosts.length === 0 && entry.cookies.length === 0 && entry.storage.length === 0) {
      throw new TrackerDataError(`${where}: needs at least one host, cookie or storage pattern`);
    }
    for (const host of entry.hosts) {
      const other = hostIndex.get(host);
      if (other) throw new TrackerDataError(`${where}: host ${host} is already listed under ${other.vendor}`);
      hostIndex.set(host, entry);
    }
    entries.push(entry);
  });
  // Exact names before wildcards, longer (more specific) wildcards before shorter ones, so `_gac_x` is
  // not taken by a broader pattern of another vendor.
  const byExactness = (a: CompiledPattern, b: CompiledPattern): number =>
    Number(a.pattern.includes('*')) - Number(b.pattern.includes('*')) || b.pattern.length - a.pattern.length;
  const cookiePatterns = entries.flatMap((e) => e.cookies.map((p) => compile(p, e))).sort(byExactness);
  const storagePatterns = entries
    .flatMap((e) => e.storage.map((p) => ({ ...compile(p, e), re: globToRegExp(p), host: null })))
    .sort(byExactness);
  return {
    version: top.data.version,
    updated: top.data.updated,
    licence: top.data.licence,
    source: `kieskluis tracker data (${top.data.licence}; ${top.data.sources.map((s) => s.name).join(', ')})`,
    entries,
    hostIndex,
    cookiePatterns,
    storagePatterns,
  };
}

let cached: TrackerData | null = null;

/** The tracker data shipped with this version (src/scanner/tracker-data/trackers.json). */
export function bundledTrackerData(): TrackerData {
  cached ??= loadTrackerData(bundled);
  return cached;
}

/** `a.b.example.com` → the entry for the most specific listed pattern (`a.b.example.com`, `b.example.com`, …). */
export function matchHost(data: TrackerData, host: string): HostMatch | null {
  let h = host.toLowerCase().replace(/\.$/, '');
  for (;;) {
    const entry = data.hostIndex.get(h);
    if (entry) return { entry, pattern: h };
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
}

/** Whether a cookie domain (`.example.com`, `example.com`) is `host` or under it. */
export function domainUnder(domain: string, host: string): boolean {
  const d = domain.toLowerCase().replace(/^\./, '');
  return d === host || d.endsWith(`.${host}`);
}

export function matchCookieName(
  data: TrackerData,
  name: string,
  domain: string,
): { entry: TrackerEntry; pattern: string } | null {
  for (const p of data.cookiePatterns) {
    if (p.re.test(name) && (p.host === null || domainUnder(domain, p.host))) {
      return { entry: p.entry, pattern: p.pattern };
    }
  }
  return null;
}

export function matchStorageKey(
  data: TrackerData,
  key: string,
): { entry: TrackerEntry; pattern: string } | null {
  for (const p of data.storagePatterns) if (p.re.test(key)) return { entry: p.entry, pattern: p.pattern };
  return null;
}
