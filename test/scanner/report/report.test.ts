/**
 * The report (R-68: results kept as evidence; docs/scanner-report.md): built by `scan()` from hand-made
 * observations (the engine is the outer seam, replaced here), validated against the zod schema, rendered
 * as self-contained HTML (no external resource) and printed to PDF with Debian's Chromium.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/scanner/report/html.js';
import { renderPdf } from '../../../src/scanner/report/pdf.js';
import { scanReportSchema } from '../../../src/scanner/report/schema.js';
import { defaultScanOptions, type ObservePages, scan } from '../../../src/scanner/scan.js';
import { bundledTrackerData } from '../../../src/scanner/tracker-data/load.js';
import type { PageObservation, Phase, ScanOptions, ScanReport } from '../../../src/scanner/types.js';
import { cookie, DAY_S, NOW_S, observation, request, storage } from '../classify/observations.js';

const OUT = path.resolve(import.meta.dirname, '../../../test-results/scanner-report');
const CHROMIUM = '/usr/bin/chromium';

/** Realistic screenshots (a fake party page with a banner), made once with Chromium. */
async function makeScreenshots(): Promise<Record<Phase, string>> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const shots = {} as Record<Phase, string>;
    for (const phase of ['initial', 'after_accept', 'after_reject'] as Phase[]) {
      const banner =
        phase === 'initial'
          ? '<div style="position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:30px;font-size:22px">Wij gebruiken cookies. <button>Accepteren</button> <button>Weigeren</button></div>'
          : '';
      await page.setContent(
        `<body style="font-family:sans-serif;margin:0"><header style="background:#0a5;color:#fff;padding:40px;font-size:40px">Partij Voorbeeld</header><main style="padding:40px;font-size:24px"><h1>Samen vooruit</h1><p>Fase: ${phase}</p></main>${banner}</body>`,
      );
      const file = path.join(OUT, `shot-${phase}.png`);
      await page.screenshot({ path: file });
      shots[phase] = file;
    }
    return shots;
  } finally {
    await browser.close();
  }
}

function trackedPage(shots: Partial<Record<Phase, string>>): PageObservation {
  return observation({
    screenshots: shots,
    links: ['https://partij.example/over-ons'],
    requests: [
      request('https://partij.example/', { resourceType: 'document', initiator: null }),
      request('https://fonts.googleapis.com/css2?family=Inter', { resourceType: 'stylesheet' }),
      request('https://www.googletagmanager.com/gtag/js?id=G-TEST', { phase: 'after_accept' }),
      request('https://region1.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view', {
        phase: 'after_accept',
        resourceType: 'ping',
        beaconLike: true,
      }),
      request('https://connect.facebook.net/en_US/fbevents.js', { phase: 'after_accept' }),
      request('https://www.facebook.com/tr/?id=123&ev=PageView&noscript=1', {
        phase: 'after_accept',
        resourceType: 'image',
        beaconLike: true,
        responseBytes: 43,
      }),
      request('https://static.hotjar.com/c/hotjar-1.js?sv=6', { phase: 'after_reject' }),
    ],
    cookies: [
      cookie('cookieyes-consent', { phase: 'after_accept', expires: NOW_S + 365 * DAY_S, valueLength: 120 }),
      cookie('_ga', { phase: 'after_accept', expires: NOW_S + 400 * DAY_S, valueLength: 26 }),
      cookie('_fbp', { phase: 'after_accept', expires: NOW_S + 90 * DAY_S, valueLength: 30 }),
      cookie('fr', {
        phase: 'after_accept',
        domain: '.facebook.com',
        thirdParty: true,
        expires: NOW_S + 90 * DAY_S,
        valueLength: 60,
        setBy: { kind: 'response', url: 'https://www.facebook.com/tr/?id=123' },
      }),
      cookie('PHPSESSID', { valueLength: 26 }),
      cookie('cookieyes-consent', { phase: 'after_reject', expires: NOW_S + 365 * DAY_S, valueLength: 120 }),
    ],
    storage: [
      storage('_hjSessionUser_1', { phase: 'after_reject' }),
      storage('menu-open', { phase: 'initial', valueLength: 4 }),
    ],
  });
}

const cleanPage = (url: string): PageObservation =>
  observation({
    url,
    finalUrl: url,
    requests: [request(url, { resourceType: 'document' })],
    cookies: [cookie('lang', { expires: NOW_S + 365 * DAY_S, valueLength: 2 })],
  });

function fake(pages: PageObservation[], problems: string[] = []): ObservePages {
  return async () => ({ pages, chromiumVersion: '156.0.8078.79', problems });
}

const options = (urls: string[], extra: Partial<ScanOptions> = {}): ScanOptions =>
  defaultScanOptions({ urls, crawl: 2, browserArgs: ['--host-resolver-rules=MAP * ~NOTFOUND'], ...extra });

let shots: Record<Phase, string>;
let tracked: ScanReport;
let clean: ScanReport;

beforeAll(async () => {
  shots = await makeScreenshots();
  const clock = [new Date('2026-11-23T12:00:00Z'), new Date('2026-11-23T12:00:07.5Z')];
  tracked = await scan(options(['https://partij.example/'], { screenshotDir: OUT }), {
    observe: fake(
      [trackedPage(shots), cleanPage('https://partij.example/over-ons')],
      ['https://partij.example/verkiezingen: tijdsbudget op / time budget spent'],
    ),
    now: () => clock.shift() ?? new Date(),
  });
  clean = await scan(options(['https://schoon.example/']), {
    observe: fake([cleanPage('https://schoon.example/')]),
  });
}, 60_000);

afterAll(() => {
  writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(tracked, null, 2));
});

describe('scan() builds the report (R-68)', () => {
  it('validates against the documented schema', () => {
    expect(scanReportSchema.parse(tracked)).toEqual(tracked);
    expect(scanReportSchema.parse(clean)).toEqual(clean);
    // And a JSON round trip (what is stored and what the CLI writes) still validates.
    expect(() => scanReportSchema.parse(JSON.parse(JSON.stringify(tracked)))).not.toThrow();
  });

  it('names the tool, the cookie mode, Chromium and the tracker-data version; options without chromiumPath', () => {
    expect(tracked.tool).toEqual({
      name: 'kieskluis-scanner',
      chromium: '156.0.8078.79',
      cookieControlsMode: 0,
      trackerData: { source: bundledTrackerData().source, version: bundledTrackerData().version },
    });
    expect(tracked.options).not.toHaveProperty('chromiumPath');
    expect(tracked.options).toMatchObject({ urls: ['https://partij.example/'], crawl: 2, phases: true });
    expect(tracked.startedAt).toBe('2026-11-23T12:00:00.000Z');
    expect(tracked.finishedAt).toBe('2026-11-23T12:00:07.500Z');
  });

  it('summarises: tracker findings, vendors (TRACKER_FOUND:meta for the Meta Pixel, R-68), problems', () => {
    expect(tracked.summary.pages).toBe(2);
    expect(tracked.summary.vendors).toEqual(['google-analytics', 'google-tag-manager', 'hotjar', 'meta']);
    const trackerFindings = tracked.pages
      .flatMap((p) => p.findings)
      .filter((f) => f.classification === 'tracker');
    expect(tracked.summary.trackers).toBe(trackerFindings.length);
    expect(tracked.problems).toEqual([
      'https://partij.example/verkiezingen: tijdsbudget op / time budget spent',
    ]);
    expect(
      tracked.pages[0]!.findings.filter((f) => f.phase === 'initial' && f.classification === 'tracker'),
    ).toEqual([]);
    expect(tracked.pages[0]!.seconds).toBe(2.35);
  });

  it('a clean site has no trackers (R-68: "against a clean fixture it reports nothing")', () => {
    expect(clean.summary).toMatchObject({ trackers: 0, vendors: [] });
  });

  it('never carries cookie or storage values', () => {
    expect(JSON.stringify(tracked)).not.toMatch(/"value"\s*:/);
  });
});

describe('renderHtml', () => {
  it('is self-contained: no external URL as a source or link; screenshots as data: URLs', () => {
    const html = renderHtml(tracked);
    writeFileSync(path.join(OUT, 'report.html'), html);
    expect(html).not.toMatch(/(src|href|action|poster|srcset)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(script|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import/i);
    expect(html.match(/src="data:image\/png;base64,/g)).toHaveLength(3);
    // The scanned URLs appear, as text.
    expect(html).toContain('<code>https://partij.example/</code>');
  });

  it('says the verdict in Dutch and English, with the R-68 codes', () => {
    const html = renderHtml(tracked);
    expect(html).toContain('4 trackers gevonden (google-analytics, google-tag-manager, hotjar, meta)');
    expect(html).toContain('4 trackers found');
    expect(html).toContain('TRACKER_FOUND:meta');
    expect(renderHtml(clean)).toContain('Geen trackers gevonden');
    expect(renderHtml(clean)).toContain('No trackers found');
  });

  it('escapes what the site controls', () => {
    const evil = structuredClone(clean);
    evil.pages[0]!.url = 'https://schoon.example/?q=<script>alert(1)</script>';
    evil.pages[0]!.problems = ['<img src=x onerror=alert(1)>'];
    const html = renderHtml(evil);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says so when a screenshot file cannot be read, instead of failing', () => {
    const missing = structuredClone(clean);
    missing.pages[0]!.screenshots = { initial: path.join(OUT, 'does-not-exist.png') };
    expect(renderHtml(missing)).toContain('Schermafdruk niet leesbaar');
  });
});

describe('renderPdf', () => {
  it('prints the report to a PDF with Chromium', async () => {
    const file = path.join(OUT, 'report.pdf');
    await renderPdf(tracked, file, { chromiumPath: CHROMIUM });
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });
});
