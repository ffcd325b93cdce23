/** Scan options for the engine tests: Debian's Chromium, fixture host mapping, small budgets. */
import type { ScanOptions } from '../../../src/scanner/types.js';
import type { FixtureServer } from './fixture-server.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function scanOptions(fx: FixtureServer, urls: string[], over: Partial<ScanOptions> = {}): ScanOptions {
  return {
    urls,
    crawl: 1,
    timeBudgetMs: 60_000,
    pageTimeoutMs: 10_000,
    phases: false,
    browserArgs: fx.browserArgs,
    screenshotDir: null,
    chromiumPath: CHROMIUM_PATH,
    ...over,
  };
}

/** Hosts the fixture server answers, plus names that must fail locally (never leave loopback). */
export const LOCAL_NAMES = new Set(['tls-kapot.test', 'dicht.test', 'onbereikbaar.test']);
