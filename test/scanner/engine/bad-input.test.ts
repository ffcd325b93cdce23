/** Bad input never hangs or crashes: the scan ends within budget and says what it could not do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observePages } from '../../../src/scanner/engine/observe.js';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server.js';
import { scanOptions } from '../support/scan-options.js';

let fx: FixtureServer;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(async () => {
  await fx?.close();
});

const PAGE_MS = 4_000;

async function scanOne(url: string, phases = false, pageMs = PAGE_MS) {
  const t0 = Date.now();
  const r = await observePages(
    scanOptions(fx, [url], { phases, pageTimeoutMs: pageMs, timeBudgetMs: 20_000 }),
  );
  return { r, ms: Date.now() - t0, page: r.pages[0] };
}

describe('bad input', () => {
  it.each([
    ['https://onbereikbaar.test/', /Pagina niet bereikbaar \/ page unreachable.*ERR_NAME_NOT_RESOLVED/],
    ['https://dicht.test/', /Pagina niet bereikbaar \/ page unreachable.*ERR_CONNECTION_REFUSED/],
    ['https://tls-kapot.test/', /TLS-fout.*TLS error.*ERR_SSL_PROTOCOL_ERROR/],
    ['https://lus.test/', /Te veel doorverwijzingen \/ too many redirects/],
  ])('%s fails fast with a plain problem', async (url, problem) => {
    const { ms, page } = await scanOne(url, true);
    expect(ms).toBeLessThan(PAGE_MS + 3_000);
    expect(page?.problems.join('\n')).toMatch(problem);
    expect(page?.finalUrl).toBe(url);
    // Nothing to choose on a page that did not load: one phase only.
    expect(page?.phasesRun).toEqual(['initial']);
  });

  it('a page that never finishes loading is observed within its budget', async () => {
    const { ms, page } = await scanOne('https://traag.test/');
    expect(ms).toBeLessThan(PAGE_MS + 3_000);
    expect(page?.status).toBe(200);
    expect(page?.problems.join('\n')).toMatch(/niet volledig geladen.*did not finish loading/);
    expect(page?.requests.some((r) => r.host === 'traag.test')).toBe(true);
  });

  it('a huge page is observed within its budget', async () => {
    // ~10 MB of HTML: a larger page budget, so two busy cores still finish parsing it.
    const { ms, page } = await scanOne('https://groot.test/', false, 8_000);
    expect(ms).toBeLessThan(8_000 + 3_000);
    expect(page?.status).toBe(200);
    expect(page?.links.length).toBeGreaterThan(100);
    expect(page?.links.length).toBeLessThanOrEqual(2000);
  });

  it('a site without a banner is still observed in every phase', async () => {
    const { page } = await scanOne('https://schoon.test/', true);
    expect(page?.phasesRun).toEqual(['initial', 'after_accept', 'after_reject']);
    expect(page?.banner).toMatchObject({ found: false, acceptClicked: false, rejectClicked: false });
    expect(page?.problems.join('\n')).toMatch(/Cookiebanner niet gevonden.*consent banner not found/);
  });

  it('invalid addresses and a missing Chromium are reported, not thrown', async () => {
    const r = await observePages(scanOptions(fx, ['ftp://partij.test/', 'geen url']));
    expect(r.pages).toEqual([]);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/Ongeldig adres.*invalid address/);
    const r2 = await observePages(
      scanOptions(fx, [fx.url('schoon.test')], { chromiumPath: '/nonexistent/chromium' }),
    );
    expect(r2.pages).toEqual([]);
    expect(r2.problems.join('\n')).toMatch(/Chromium kon niet starten \/ Chromium could not start/);
  });
});
