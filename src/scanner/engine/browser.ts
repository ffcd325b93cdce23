/**
 * Debian's Chromium as a normal visitor's browser: a fresh temporary profile per page visit and phase
 * (so phases and pages cannot contaminate each other), removed afterwards.
 *
 * Third-party cookies: a real visitor's browser accepts them, but headless Chromium 156 blocks every
 * third-party cookie in a fresh profile. Writing `Default/Preferences` with
 * `{"profile":{"cookie_controls_mode":0}}` before launch is enough to turn that off (verified on
 * Chromium 156.0.8078.79: a `SameSite=None; Secure` cookie set by a cross-site script response is stored
 * with the preference and dropped without it; test/scanner/engine/third-party-cookies.test.ts proves
 * it). No feature flags are needed; `--disable-features=ThirdPartyStoragePartitioning` is not used, so
 * third-party iframes keep their partitioned storage as in a real browser.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { settleWithin, within } from './time.js';

/** The cookie-controls mode the scanner runs with (reported as `tool.cookieControlsMode`). */
export const COOKIE_CONTROLS_MODE = 0 as const;

export const PROFILE_PREFERENCES = { profile: { cookie_controls_mode: COOKIE_CONTROLS_MODE } };

export const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const VIEWPORT = { width: 1280, height: 800 } as const;

export interface Profile {
  context: BrowserContext;
  dir: string;
  version: string;
}

export async function launchProfile(
  chromiumPath: string,
  browserArgs: readonly string[],
  timeoutMs = 30_000,
): Promise<Profile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kieskluis-scan-'));
  try {
    await mkdir(path.join(dir, 'Default'), { recursive: true });
    await writeFile(path.join(dir, 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...BASE_ARGS, ...browserArgs],
      timeout: timeoutMs,
      viewport: VIEWPORT,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      acceptDownloads: false,
      serviceWorkers: 'allow',
    });
    const version = context.browser()?.version() ?? 'unknown';
    return { context, dir, version };
  } catch (e) {
    await killProfileProcesses(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    throw e;
  }
}

/** Closes the browser (killing it if it does not close in time) and removes the profile directory. */
export async function closeProfile(profile: Profile, timeoutMs = 5_000): Promise<void> {
  const closed = await settleWithin(
    profile.context.close().then(() => true),
    timeoutMs,
    false,
  );
  if (!closed) await killProfileProcesses(profile.dir);
  await rm(profile.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
}

/** SIGKILL the Chromium processes this scan started for `dir` (found by their --user-data-dir). */
async function killProfileProcesses(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${dir}`)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

/**
 * Hands out fresh profiles. With `prelaunch`, the next profile starts in the background while the
 * current one is in use, so a crawl does not wait for a Chromium start per visit.
 */
export class ProfileSource {
  private spare: Promise<Profile> | null = null;
  private readonly closing = new Set<Promise<void>>();
  version: string | null = null;

  constructor(
    private readonly chromiumPath: string,
    private readonly browserArgs: readonly string[],
  ) {}

  async acquire(timeoutMs: number, prelaunchNext: boolean): Promise<Profile> {
    let profile: Profile;
    const spare = this.spare;
    this.spare = null;
    try {
      profile = await within(
        spare ?? launchProfile(this.chromiumPath, this.browserArgs),
        timeoutMs,
        'launch',
      );
    } catch (e) {
      if (!spare) throw e;
      // A failed or slow spare: one fresh try.
      spare.then((p) => this.release(p)).catch(() => {});
      profile = await within(launchProfile(this.chromiumPath, this.browserArgs), timeoutMs, 'launch');
    }
    this.version ??= profile.version;
    if (prelaunchNext) {
      this.spare = launchProfile(this.chromiumPath, this.browserArgs);
      this.spare.catch(() => {});
    }
    return profile;
  }

  /** Closes in the background; `dispose` waits for every close. */
  release(profile: Profile): void {
    const p = closeProfile(profile).finally(() => this.closing.delete(p));
    this.closing.add(p);
  }

  async dispose(): Promise<void> {
    const spare = this.spare;
    this.spare = null;
    if (spare) {
      const p = await spare.catch(() => null);
      if (p) this.release(p);
    }
    await Promise.all([...this.closing]);
  }
}
