/**
 * The periodic purges of issue 3, run as one job every hour (and once at start):
 * - web sign-ups never confirmed within 14 days (R-17, PRODUCT CHOICE),
 * - datasets still in quarantine after 30 days (R-10, PRODUCT CHOICE),
 * - uploaded import files nobody started within 7 days.
 * Each purge audits what it removed; one failing purge does not stop the others.
 */
import { purgePendingConsents } from '../consent/purge-pending-consents.js';
import type { Deps } from '../deps.js';
import { purgeAbandonedUploads } from '../imports/purge-abandoned-uploads.js';
import { purgeQuarantinedDatasets } from '../imports/purge-quarantined-datasets.js';

export const HOUSEKEEPING_JOB = 'housekeeping.purge';
export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

export interface HousekeepingResult {
  pendingConsents: { records: number; persons: number } | { error: string };
  quarantinedDatasets: number | { error: string };
  abandonedUploads: number | { error: string };
}

async function attempt<T>(f: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await f();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export async function runHousekeeping(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
): Promise<HousekeepingResult> {
  return {
    pendingConsents: await attempt(() => purgePendingConsents(d)),
    quarantinedDatasets: await attempt(async () => (await purgeQuarantinedDatasets(d)).length),
    abandonedUploads: await attempt(async () => {
      const r = await purgeAbandonedUploads(d);
      return r.length;
    }),
  };
}
