/**
 * `kieskluis scan` as a separate process against the fixture sites on loopback (issue 7; R-68): the
 * party site shows trackers after accepting and none after rejecting, exits 3 and writes a JSON report
 * that validates; the clean site exits 0. Host names reach the fixture server only through Chromium's
 * host-resolver rules (`--browser-arg`), never the internet.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanReportSchema } from '../../src/scanner/report/schema.js';
import { cli } from '../cli/run-cli.js';
import { type FixtureServer, startFixtureServer } from './support/fixture-server.js';

let fx: FixtureServer;
let dir: string;
const browserArgs = (): string[] => fx.browserArgs.map((a) => `--browser-arg=${a}`);

beforeAll(async () => {
  fx = await startFixtureServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kk-cli-scan-'));
});

afterAll(async () => {
  await fx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kieskluis scan (CLI)', () => {
  it('party site: trackers after accept, none after reject; exit 3; JSON validates; HTML and PDF written', async () => {
    const json = path.join(dir, 'partij.json');
    const html = path.join(dir, 'partij.html');
    const pdf = path.join(dir, 'partij.pdf');
    const r = await cli([
      'scan',
      fx.url('partij.test'),
      '--json',
      json,
      '--html',
      html,
      '--pdf',
      pdf,
      ...browserArgs(),
    ]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain('TRACKER_FOUND:meta'); // R-68 test: Meta Pixel → TRACKER_FOUND:meta

    const report = scanReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    const findings = report.pages.flatMap((p) => p.findings);
    const trackersIn = (phase: string) =>
      findings.filter((f) => f.phase === phase && f.classification === 'tracker');
    expect(trackersIn('after_accept').map((f) => f.vendor)).toEqual(
      // linkedin loads on an 800 ms timer and hotjar on the first scroll or key press (late trackers).
      expect.arrayContaining(['meta', 'google-analytics', 'linkedin', 'hotjar']),
    );
    expect(trackersIn('after_reject')).toEqual([]);
    expect(trackersIn('initial')).toEqual([]);
    expect(report.summary.vendors).toContain('meta');
    expect(report.tool.cookieControlsMode).toBe(0);
    expect(report.pages[0]!.banner.found).toBe(true);
    // Screenshots were temporary (for the HTML/PDF only), so the JSON names none.
    expect(report.pages[0]!.screenshots).toEqual({});

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('gevonden');
    expect(page).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(page).toMatch(/src="data:image\/png;base64,/);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('clean site: exit 0, "Geen trackers gevonden"; --json - writes the report to stdout', async () => {
    const r = await cli(['scan', fx.url('schoon.test'), '--json', '-', ...browserArgs()]);
    expect(r.code, r.stderr).toBe(0);
    const report = scanReportSchema.parse(JSON.parse(r.stdout));
    expect(report.summary).toMatchObject({ trackers: 0, vendors: [] });
    expect(r.stderr).toContain('Geen trackers gevonden');
  }, 120_000);

  it('usage errors exit 2 and name the bad input', async () => {
    const bad = await cli(['scan', 'ftp://partij.test/', '--browser-arg=--x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ftp://partij.test/');
    const notUrl = await cli(['scan', 'partij dot test']);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('partij dot test');
    const crawl = await cli(['scan', 'https://partij.test/', '--crawl', 'veel']);
    expect(crawl.code).toBe(2);
    expect(crawl.stderr).toContain('--crawl');
    const none = await cli(['scan']);
    expect(none.code).toBe(2);
  }, 60_000);

  it('an unreachable site is a failure (exit 1), not a clean bill', async () => {
    const r = await cli([
      'scan',
      'https://onbereikbaar.test/',
      '--no-phases',
      '--page-timeout',
      '5',
      ...browserArgs(),
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain('Geen enkele pagina geladen');
  }, 60_000);
});
