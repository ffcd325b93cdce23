/**
 * The scanner's fixture websites (test/scanner/support/fixture-server.ts) as the website tests use them:
 * the tracker-laden party site, the clean site, and the Chromium arguments that map their host names to
 * the loopback server (nothing leaves the machine).
 */
import { startFixtureServer } from '../../scanner/support/fixture-server.js';

export interface ScanFixtures {
  partyUrl: string;
  cleanUrl: string;
  browserArgs: string[];
  close(): Promise<void>;
}

export async function startScanFixtures(): Promise<ScanFixtures> {
  const fx = await startFixtureServer();
  return {
    partyUrl: fx.url('partij.test', '/'),
    cleanUrl: fx.url('schoon.test', '/'),
    browserArgs: fx.browserArgs,
    close: () => fx.close(),
  };
}
