/**
 * The Websites page in Chromium against the real server with the job queue and the real scanner: the FG
 * adds the fixture party site through the form, presses "Nu scannen", sees the verdict with the vendors
 * and the open alerts, opens the scan history and its findings table. The page passes axe (WCAG 2.1
 * A/AA), has one h1, and requests nothing from another origin. Screenshot: test-results/browser/websites.png.
 *
 * The web app must be built first (`npm run build`).
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/server/web.js';
import {
  assertWebBuilt,
  launchBrowser,
  logInThroughUi,
  newContext,
  screenshot,
  UI_TIMEOUT,
  visible,
} from '../browser/support.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { type ScanFixtures, startScanFixtures } from './support/fixtures.js';

const AXE_SOURCE = readFileSync(path.join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<{ id: string; nodes: unknown[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document, o: unknown): Promise<{ violations: [] }> } })
      .axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v: { id: string; nodes: { html: string }[] }) => ({
      id: v.id,
      nodes: v.nodes.map((n) => n.html.slice(0, 200)),
    }));
  });
}

describe('the Websites page', () => {
  let t: TestApp;
  let fx: ScanFixtures;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    assertWebBuilt();
    fx = await startScanFixtures();
    t = await startTestApp('pglite', {
      overrides: { KIESKLUIS_JOBS: 'true' },
      startJobs: true,
      websiteScanner: { browserArgs: fx.browserArgs },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fx?.close();
  });

  it('add a site, scan it now, see the verdict, alerts and findings', async () => {
    const context = await newContext(browser, origin);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    await page.goto('/');
    await logInThroughUi(page, t, 'fg');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Websites' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Websites', exact: true }));
    await visible(page.getByText('Er zijn nog geen websites geregistreerd.', { exact: false }));

    // Client-side validation names the field.
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await visible(page.getByText('Vul een volledig adres in dat begint met https:// of http://.'));

    await page.getByRole('textbox', { name: 'Adres (URL)' }).fill(fx.partyUrl);
    await page.getByRole('textbox', { name: 'Naam' }).fill('Partijsite (fixture)');
    await page.getByRole('combobox', { name: 'Frequentie' }).selectOption('manual');
    await page.getByRole('textbox', { name: "Pagina's per scan" }).fill('2');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await visible(page.getByText('Partijsite (fixture) is toegevoegd.'));

    const sites = await visible(page.getByRole('table', { name: /Geregistreerde websites/ }));
    await visible(sites.getByText('Nog niet gescand'));
    await page.getByRole('button', { name: 'Partijsite (fixture) nu scannen' }).click();
    await visible(page.getByText('De scan staat in de wachtrij.'));
    // The list polls while the scan runs; the verdict names the vendors.
    await sites.getByText(/\d+ trackers?: /).waitFor({ state: 'visible', timeout: 150_000 });

    const alerts = page.getByRole('region', { name: 'Open meldingen' });
    await alerts
      .getByText(/Nieuwe tracker van .+ op Partijsite \(fixture\)/)
      .first()
      .waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Geschiedenis van Partijsite (fixture) tonen' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Scangeschiedenis: Partijsite (fixture)' }));
    const findings = await visible(page.getByRole('table', { name: /Wat de browser deed/ }));
    await visible(findings.getByText('Tracker').first());
    expect(await findings.locator('tbody tr').count()).toBeGreaterThan(0);

    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await screenshot(page, 'websites', { fullPage: true });

    // Acknowledge one alert.
    const before = await alerts.getByRole('button', { name: /afhandelen$/ }).count();
    await alerts
      .getByRole('button', { name: /afhandelen$/ })
      .first()
      .click();
    await expect
      .poll(() => alerts.getByRole('button', { name: /afhandelen$/ }).count(), { timeout: UI_TIMEOUT })
      .toBe(before - 1);

    const foreign = requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    await context.close();
  }, 240_000);
});
