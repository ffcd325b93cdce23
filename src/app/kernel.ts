/**
 * Composition root: config → database (with lock and migrations) → keys → audit → repositories → jobs.
 * The server, the CLI and the tests all start the application through `openKernel`.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ENQUEUE_DUE_INTERVAL_MS } from '../domain/websites.js';
import { installQueueSchema, type JobHandler, type RunningQueue, startQueue } from '../jobs/queue.js';
import { createMailer, MAIL_FLUSH_INTERVAL_MS } from '../mail/mailer.js';
import { AuditLog } from '../storage/audit-log.js';
import { Keyring } from '../storage/crypto/keyring.js';
import { loadMasterKey } from '../storage/crypto/master-key.js';
import { acquireDataDirLock, type DataDirLock } from '../storage/data-dir-lock.js';
import type { Db } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';
import { PersonsRepo } from '../storage/persons-repo.js';
import { openPglite } from '../storage/pglite-db.js';
import { openPostgres } from '../storage/postgres-db.js';
import { SuppressionRepo } from '../storage/suppression-repo.js';
import { UsersRepo } from '../storage/users-repo.js';
import type { Deps } from '../usecases/deps.js';
import { backfillSuppressionKeys } from '../usecases/gate/backfill-suppression-keys.js';
import {
  HOUSEKEEPING_INTERVAL_MS,
  HOUSEKEEPING_JOB,
  runHousekeeping,
} from '../usecases/housekeeping/run-housekeeping.js';
import { IMPORT_RUN_JOB, importJobData } from '../usecases/imports/import-runner.js';
import { resumeImports } from '../usecases/imports/resume-imports.js';
import { runImport } from '../usecases/imports/run-import.js';
import { REENCRYPT_JOB, reencryptFields } from '../usecases/keys/rotate-keys.js';
import { resumeCampaigns } from '../usecases/outreach/resume-campaigns.js';
import {
  campaignJobData,
  OUTREACH_SEND_JOB,
  runCampaignSend,
} from '../usecases/outreach/run-campaign-send.js';
import { settleCampaignsOfMessages } from '../usecases/outreach/settle-campaign.js';
import { enqueueDueScans } from '../usecases/websites/enqueue-due-scans.js';
import { runWebsiteScan, scanJobData } from '../usecases/websites/run-scan.js';
import {
  WEBSITE_SCAN_JOB,
  WEBSITES_ENQUEUE_DUE_JOB,
  type WebsiteScanner,
} from '../usecases/websites/scanner-port.js';

export interface Kernel extends Deps {
  lock: DataDirLock | null;
  close(): Promise<void>;
}

export interface KernelOptions {
  /** Who holds the data-directory lock, shown to a second process ('server', 'cli: audit verify'…). */
  holder: string;
  startJobs?: boolean;
  now?: () => Date;
  /** The website scanner's browser (issue 7): Chromium path and extra arguments (tests map host names). */
  websiteScanner?: WebsiteScannerOptions;
}

export interface WebsiteScannerOptions {
  chromiumPath?: string;
  browserArgs?: string[];
}

/** The scanner port for the website jobs; the scanner (and playwright) load only when a scan runs. */
export function websiteScanner(o: WebsiteScannerOptions = {}): WebsiteScanner {
  return {
    async scanSite(site) {
      const { scan, defaultScanOptions } = await import('../scanner/scan.js');
      return scan(
        defaultScanOptions({
          urls: [site.url],
          crawl: site.crawlPages,
          browserArgs: o.browserArgs ?? [],
          chromiumPath: o.chromiumPath ?? '/usr/bin/chromium',
          screenshotDir: null,
        }),
      );
    },
  };
}

export async function openDatabase(config: Config): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(path.join(config.dataDir, 'pgdata'));
}

export async function openKernel(config: Config, opts: KernelOptions): Promise<Kernel> {
  const lock = config.databaseUrl ? null : acquireDataDirLock(config.dataDir, opts.holder);
  let db: Db | null = null;
  let jobs: RunningQueue | null = null;
  let websitesTimer: NodeJS.Timeout | null = null;
  let mailTimer: NodeJS.Timeout | null = null;
  let housekeepingTimer: NodeJS.Timeout | null = null;
  try {
    const masterKey = loadMasterKey(config);
    db = await openDatabase(config);
    if (config.migrationDatabaseUrl) {
      const owner = await openPostgres(config.migrationDatabaseUrl, 1);
      try {
        await migrate(owner, { appRole: config.appDatabaseRole });
      } finally {
        await owner.close();
      }
    } else {
      await migrate(db, { appRole: config.appDatabaseRole });
    }
    const keyring = await Keyring.load(db, masterKey);
    const mailer = createMailer(db, keyring, config, opts.now ?? (() => new Date()), {
      // A campaign is settled (sent/held) by the pass that settles its last message (deps is set below).
      onCampaignMail: (ids) => settleCampaignsOfMessages(deps, ids),
    });
    const deps: Deps = {
      config,
      db,
      keyring,
      audit: new AuditLog(keyring.auditKey),
      users: new UsersRepo(keyring),
      persons: new PersonsRepo(keyring),
      suppression: new SuppressionRepo(keyring),
      mail: mailer,
      jobs: null,
      now: opts.now ?? (() => new Date()),
    };
    // Issue 4 (migration 011): suppression keys of persons written before it (a no-op once filled).
    await backfillSuppressionKeys(deps);
    if (opts.startJobs && config.jobs) {
      const handlers: Record<string, JobHandler> = {
        [REENCRYPT_JOB]: async () => {
          await reencryptFields(deps);
        },
        [WEBSITE_SCAN_JOB]: async (data) => {
          const job = scanJobData(data);
          if (job) await runWebsiteScan({ ...deps, scanner: websiteScanner(opts.websiteScanner) }, job);
        },
        [WEBSITES_ENQUEUE_DUE_JOB]: async () => {
          await enqueueDueScans(deps);
        },
        [IMPORT_RUN_JOB]: async (data) => {
          const id = importJobData(data);
          if (id) await runImport(deps, id);
        },
        [HOUSEKEEPING_JOB]: async () => {
          await runHousekeeping(deps);
        },
        [OUTREACH_SEND_JOB]: async (data) => {
          const id = campaignJobData(data);
          if (id) await runCampaignSend(deps, id);
        },
      };
      const ownerInstalls = Boolean(config.migrationDatabaseUrl && config.appDatabaseRole);
      if (ownerInstalls) {
        const owner = await openPostgres(config.migrationDatabaseUrl!, 1);
        try {
          await installQueueSchema(owner, Object.keys(handlers), config.appDatabaseRole!);
        } finally {
          await owner.close();
        }
      }
      jobs = await startQueue(db, handlers, { migrate: !ownerInstalls });
      deps.jobs = jobs;
      // The website scheduler: every 15 minutes (and once at start) look for sites whose scan is due.
      const queue = jobs;
      const tick = () => void queue.send(WEBSITES_ENQUEUE_DUE_JOB, {}).catch(() => undefined);
      tick();
      websitesTimer = setInterval(tick, ENQUEUE_DUE_INTERVAL_MS);
      websitesTimer.unref();
      // Purges of unconfirmed sign-ups, expired quarantines and abandoned uploads: hourly, and at start.
      const housekeep = () => void queue.send(HOUSEKEEPING_JOB, {}).catch(() => undefined);
      housekeep();
      housekeepingTimer = setInterval(housekeep, HOUSEKEEPING_INTERVAL_MS);
      housekeepingTimer.unref();
      // Imports left queued or running by a stopped or crashed process continue after their checkpoint.
      void resumeImports(deps).catch(() => undefined);
      // Campaign sends left queued or sending continue with their pending messages (never resending one).
      void resumeCampaigns(deps).catch(() => undefined);
    }
    if (opts.startJobs) {
      // Deliver queued mail and retry failed mail every minute (nothing to do without SMTP_URL).
      mailTimer = setInterval(() => void mailer.flush(), MAIL_FLUSH_INTERVAL_MS);
      mailTimer.unref();
    }
    const openedDb = db;
    return {
      ...deps,
      lock,
      async close() {
        if (websitesTimer) clearInterval(websitesTimer);
        if (mailTimer) clearInterval(mailTimer);
        if (housekeepingTimer) clearInterval(housekeepingTimer);
        if (housekeepingTimer) clearInterval(housekeepingTimer);
        await mailer.close();
        if (jobs) await jobs.stop();
        await openedDb.close();
        lock?.release();
      },
    };
  } catch (e) {
    if (websitesTimer) clearInterval(websitesTimer);
    if (mailTimer) clearInterval(mailTimer);
    if (jobs) await jobs.stop().catch(() => undefined);
    if (db) await db.close().catch(() => undefined);
    lock?.release();
    throw e;
  }
}
