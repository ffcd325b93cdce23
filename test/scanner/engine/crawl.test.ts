/** Crawling: same-site links only, within the page budget; a clean site stays clean. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observePages } from '../../../src/scanner/engine/observe.js';
import { type FixtureServer, HTTPS_HOSTS, startFixtureServer } from '../support/fixture-server.js';
import { scanOptions } from '../support/scan-options.js';

let fx: FixtureServer;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(async () => {
  await fx?.close();
});

describe('crawl', () => {
  it('follows same-site links up to the page budget per start URL', async () => {
    const r = await observePages(
      scanOptions(fx, [fx.url('partij.test'), fx.url('schoon.test')], { crawl: 3 }),
    );
    expect(r.problems).toEqual([]);
    const urls = r.pages.map((p) => p.url);
    expect(urls).toEqual([
      'https://partij.test/',
      'https://partij.test/nieuws.html',
      'https://partij.test/over-ons.html',
      'https://schoon.test/',
      'https://schoon.test/contact.html',
    ]);
    // No fragment, pdf, mailto or other-site page was visited.
    expect(fx.seen.some((s) => s.path.endsWith('.pdf'))).toBe(false);
    const docs = r.pages
      .flatMap((p) => p.requests)
      .filter((q) => q.resourceType === 'document' && q.frameUrl === 'about:blank');
    expect(docs.every((d) => d.host === 'partij.test' || d.host === 'schoon.test')).toBe(true);
    // The clean site: no third party at all.
    for (const p of r.pages.filter((x) => x.url.includes('schoon.test'))) {
      expect(p.requests.every((q) => !q.thirdParty)).toBe(true);
      expect(p.cookies).toEqual([]);
      expect(p.status).toBe(200);
    }
    for (const q of r.pages.flatMap((p) => p.requests)) expect(HTTPS_HOSTS).toContain(q.host);
  });

  it('stops at the time budget and names what it did not reach', async () => {
    const t0 = Date.now();
    const r = await observePages(
      scanOptions(fx, [fx.url('veel.test', '/p/0')], {
        crawl: 50,
        timeBudgetMs: 5_000,
        pageTimeoutMs: 3_000,
      }),
    );
    expect(Date.now() - t0).toBeLessThan(5_000 + 4_000);
    expect(r.pages.length).toBeGreaterThan(0);
    expect(r.pages.length).toBeLessThan(50);
    expect(r.problems.join('\n')).toMatch(/Tijdbudget op.*time budget used up/);
  });
});
