/**
 * The product's own guarantee (issue 7): the real Kieskluis server, listening on loopback, scanned by the
 * real scanner (Debian's Chromium, all three phases) on its public pages — the login page (the web app),
 * the API documentation and the public consent form pages (hosted, embedded, English, the confirm step;
 * shows zero trackers and makes no request to any third-party origin.
 *
 * The web app must be built first (`npm run build`; `npm test` does that).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScanOptions, scan } from '../../src/scanner/scan.js';
import type { ScanReport } from '../../src/scanner/types.js';
import { assertWebBuilt, CHROMIUM } from '../browser/support.js';
import { publishFixtureForm } from '../public-forms/fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe('Kieskluis scanned by its own scanner', () => {
  let t: TestApp;
  let origin: string;
  let report: ScanReport;
  let formPages: string[];

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp('pglite');
    const form = await publishFixtureForm(t);
    formPages = [
      `/f/${form.slug}`,
      `/f/${form.slug}?embed=1`,
      `/f/${form.slug}?lang=en`,
      `/f/bevestigen/${'x'.repeat(43)}`,
    ];
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    report = await scan(
      defaultScanOptions({
        urls: [`${origin}/`, `${origin}/api/docs`, ...formPages.map((p) => `${origin}${p}`)],
        crawl: 1,
        phases: true,
        chromiumPath: CHROMIUM,
        // Nothing may leave loopback even if a page tried: every other host name resolves nowhere.
        browserArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
      }),
    );
  }, 420_000);

  afterAll(async () => {
    await t?.close();
  });

  it('loaded every public page with all three phases asked for', () => {
    expect(report.options.phases).toBe(true);
    expect(report.pages.map((p) => new URL(p.url).pathname + new URL(p.url).search)).toEqual([
      '/',
      '/api/docs',
      ...formPages,
    ]);
    for (const page of report.pages) {
      expect(page.status, JSON.stringify(page.problems)).toBe(200);
      expect(page.phasesRun).toEqual(['initial', 'after_accept', 'after_reject']);
    }
  });

  it('zero findings classified tracker', () => {
    const trackers = report.pages.flatMap((p) => p.findings).filter((f) => f.classification === 'tracker');
    expect(trackers).toEqual([]);
    expect(report.summary.trackers).toBe(0);
    expect(report.summary.vendors).toEqual([]);
  });

  // A third-party request always yields a host finding (tracker or unknown); first-party ones yield none.
  it('zero third-party requests, cookies or frames', () => {
    const thirdParty = report.pages
      .flatMap((p) => p.findings)
      .filter((f) => f.evidence.thirdParty === true || (f.type === 'host' && f.host !== '127.0.0.1'));
    expect(thirdParty).toEqual([]);
  });
});
