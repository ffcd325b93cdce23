/**
 * Why the scanner writes `cookie_controls_mode: 0` into its profile: without it, headless Chromium
 * stores no third-party cookie at all, and a scan would miss every tracking cookie set from a
 * third-party response.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_ARGS, PROFILE_PREFERENCES } from '../../../src/scanner/engine/browser.js';
import { observePages } from '../../../src/scanner/engine/observe.js';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server.js';
import { CHROMIUM_PATH, scanOptions } from '../support/scan-options.js';

let fx: FixtureServer;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(async () => {
  await fx?.close();
});

describe('third-party cookies', () => {
  it('the profile preference is mode 0', () => {
    expect(PROFILE_PREFERENCES).toEqual({ profile: { cookie_controls_mode: 0 } });
  });

  it('the engine records the third-party cookie of an embedded widget', async () => {
    const r = await observePages(scanOptions(fx, [fx.url('partij.test', '/nieuws.html')]));
    const p = r.pages[0];
    const datr = p?.cookies.find((c) => c.name === 'datr');
    expect(datr).toMatchObject({ domain: '.facebook.com', thirdParty: true, setBy: { kind: 'response' } });
    expect(p?.frames).toContainEqual(
      expect.objectContaining({ host: 'www.facebook.com', thirdParty: true, phase: 'initial' }),
    );
    // The widget's own (partitioned) storage is read from inside its frame.
    expect(p?.storage).toContainEqual(
      expect.objectContaining({ origin: 'https://www.facebook.com', key: 'fb_widget_visitor' }),
    );
  });

  it('control: a fresh profile without the preference drops the same cookie', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kk-control-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...BASE_ARGS, ...fx.browserArgs],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(fx.url('partij.test', '/nieuws.html'), { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const names = (await context.cookies()).map((c) => c.name);
      expect(names).toContain('PHPSESSID');
      expect(names).not.toContain('datr');
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
