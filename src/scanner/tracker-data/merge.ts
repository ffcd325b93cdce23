/**
 * The update path of the tracker data (docs/adr/0007-tracker-data.md): merge hosts from a file in
 * EasyPrivacy (Adblock filter) format or Disconnect `services.json` format into our trackers.json.
 *
 *   npx tsx src/scanner/tracker-data/merge.ts --format easyprivacy --licence GPL-3.0-or-later \
 *     --source easyprivacy-2026-11 easyprivacy.txt [--out src/scanner/tracker-data/trackers.json]
 *
 * Only hosts are merged (filter lists and Disconnect carry no cookie names). Hosts already covered by an
 * entry (the host or a parent domain) are skipped. A source under a non-commercial licence (CC BY-NC*)
 * is refused: parties' suppliers run this product commercially. The result is validated before it is
 * written, and the version and date move on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CATEGORIES,
  loadTrackerData,
  type TrackerCategory,
  type TrackerDataFile,
  type TrackerEntry,
} from './load.js';

export type MergeFormat = 'easyprivacy' | 'disconnect';

export interface MergeSource {
  name: string;
  licence: string;
}

export interface MergeResult {
  data: TrackerDataFile;
  added: { vendor: string; host: string }[];
  skipped: number;
}

export class MergeError extends Error {}

const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))+$/;

/** Whether a licence allows use by parties' commercial suppliers (CC BY-NC* does not). */
export function licenceAcceptable(licence: string): boolean {
  return !/(^|[-\s_])NC([-\s_]|$)|non-?commercial/i.test(licence);
}

/** Host-only rules of an Adblock-format list: `||host^` with no path (and options such as `$third-party`). */
export function parseEasyPrivacy(text: string): string[] {
  const hosts = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('!') || line.startsWith('[') || line.startsWith('@@')) continue;
    const m = /^\|\|([a-z0-9.-]+)\^(?:\$([^/]*))?$/i.exec(line);
    if (!m) continue;
    const options = (m[2] ?? '').split(',').filter(Boolean);
    // Rules limited to some sites (domain=) or exceptions are not host facts; skip them.
    if (options.some((o) => o.startsWith('domain=') || o.startsWith('~') || o === 'badfilter')) continue;
    const host = m[1]!.toLowerCase().replace(/\.$/, '');
    if (HOST.test(host)) hosts.add(host);
  }
  return [...hosts].sort();
}

const DISCONNECT_CATEGORY: Record<string, TrackerCategory> = {
  advertising: 'advertising',
  analytics: 'analytics',
  social: 'social',
  content: 'embed',
  fingerprintinginvasive: 'tracking',
  fingerprintinggeneral: 'tracking',
  cryptomining: 'tracking',
  email: 'marketing',
  emailaggressive: 'marketing',
  emailstrict: 'marketing',
  disconnect: 'tracking',
  consentmanagers: 'consent',
  anti_fraud: 'security',
};

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** Disconnect services.json: `{ categories: { Cat: [ { Vendor: { "https://home/": ["host", …] } } ] } }`. */
export function parseDisconnect(
  json: unknown,
): { vendor: string; service: string; category: TrackerCategory; hosts: string[] }[] {
  const cats = (json as { categories?: unknown })?.categories;
  if (!cats || typeof cats !== 'object') throw new MergeError('disconnect: no "categories" object');
  const out: { vendor: string; service: string; category: TrackerCategory; hosts: string[] }[] = [];
  for (const [catName, list] of Object.entries(cats as Record<string, unknown>)) {
    const category = DISCONNECT_CATEGORY[catName.toLowerCase()] ?? 'tracking';
    if (!Array.isArray(list)) throw new MergeError(`disconnect: category ${catName} is not a list`);
    for (const item of list) {
      for (const [service, homes] of Object.entries(item as Record<string, unknown>)) {
        const hosts = new Set<string>();
        for (const value of Object.values(homes as Record<string, unknown>)) {
          if (!Array.isArray(value)) continue; // flags such as "performance": "true"
          for (const h of value)
            if (typeof h === 'string' && HOST.test(h.toLowerCase())) hosts.add(h.toLowerCase());
        }
        out.push({ vendor: slug(service), service, category, hosts: [...hosts].sort() });
      }
    }
  }
  return out;
}

function covered(all: Set<string>, host: string): boolean {
  for (let h = host; ; ) {
    if (all.has(h)) return true;
    const dot = h.indexOf('.');
    if (dot < 0) return false;
    h = h.slice(dot + 1);
  }
}

function nextVersion(previous: string, today: string): string {
  const base = today.replaceAll('-', '.');
  const m = /^(\d{4}\.\d{2}\.\d{2})\.(\d+)$/.exec(previous);
  return m && m[1] === base ? `${base}.${Number(m[2]) + 1}` : `${base}.1`;
}

/** Merge a source into our data (pure: `today` is an argument). */
export function mergeTrackerData(
  current: TrackerDataFile,
  format: MergeFormat,
  input: string,
  source: MergeSource,
  today: string,
): MergeResult {
  if (!licenceAcceptable(source.licence)) {
    throw new MergeError(
      `${source.name}: licence ${source.licence} is non-commercial; parties' suppliers could not use the result (ADR 0007)`,
    );
  }
  const data: TrackerDataFile = structuredClone(current);
  const added: { vendor: string; host: string }[] = [];
  let skipped = 0;
  const candidates =
    format === 'easyprivacy'
      ? [
          {
            vendor: 'unattributed',
            service: `Hosts from ${source.name}`,
            category: 'tracking' as TrackerCategory,
            hosts: parseEasyPrivacy(input),
          },
        ]
      : parseDisconnect(JSON.parse(input) as unknown);
  const known = new Set(data.entries.flatMap((e) => e.hosts));
  for (const c of candidates) {
    // Shorter hosts first, so a parent domain added here covers its subdomains in the same list.
    const fresh = [...c.hosts]
      .sort((a, b) => a.split('.').length - b.split('.').length || a.localeCompare(b))
      .filter((h) => {
        if (covered(known, h)) {
          skipped += 1;
          return false;
        }
        known.add(h);
        return true;
      });
    if (fresh.length === 0) continue;
    let entry: TrackerEntry | undefined = data.entries.find(
      (e) => e.vendor === c.vendor && e.category === c.category,
    );
    if (!entry) {
      entry = {
        vendor: c.vendor,
        service: c.service,
        category: CATEGORIES.includes(c.category) ? c.category : 'tracking',
        classification: 'tracker',
        hosts: [],
        cookies: [],
        storage: [],
        source: source.name,
      };
      data.entries.push(entry);
    }
    for (const h of fresh) {
      entry.hosts.push(h);
      added.push({ vendor: entry.vendor, host: h });
    }
  }
  if (!data.sources.some((s) => s.name === source.name)) data.sources.push({ ...source });
  data.version = nextVersion(current.version, today);
  data.updated = today;
  loadTrackerData(data); // throws, naming the entry, if the merge produced anything invalid
  return { data, added, skipped };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): void {
  const format = argValue(args, '--format');
  const licence = argValue(args, '--licence');
  const name = argValue(args, '--source');
  const out = argValue(args, '--out') ?? path.join(import.meta.dirname, 'trackers.json');
  const valued = new Set(['--format', '--licence', '--source', '--out']);
  const files = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  if ((format !== 'easyprivacy' && format !== 'disconnect') || !licence || !name || files.length !== 1) {
    process.stderr.write(
      'usage: merge.ts --format easyprivacy|disconnect --licence SPDX --source NAME FILE [--out trackers.json]\n',
    );
    process.exit(2);
  }
  const current = JSON.parse(readFileSync(out, 'utf8')) as TrackerDataFile;
  const today = new Date().toISOString().slice(0, 10);
  const r = mergeTrackerData(current, format, readFileSync(files[0]!, 'utf8'), { name, licence }, today);
  writeFileSync(out, `${JSON.stringify(r.data, null, 2)}\n`);
  process.stdout.write(
    `${r.added.length} hosts added, ${r.skipped} already covered; version ${r.data.version}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
