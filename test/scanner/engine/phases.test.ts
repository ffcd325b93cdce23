/**
 * The party fixture site in three phases: before any choice only first-party things load; after
 * accepting the trackers (scripts, beacon, pixels, third-party cookies with their setter, a storage
 * identifier, the late timer and scroll/key trackers); after rejecting none of them.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observePages } from '../../../src/scanner/engine/observe.js';
import type { PageObservation, Phase } from '../../../src/scanner/types.js';
import {
  type FixtureServer,
  HTTPS_HOSTS,
  startFixtureServer,
  TRACKER_HOSTS,
} from '../support/fixture-server.js';
import { scanOptions } from '../support/scan-options.js';

let fx: FixtureServer;
let page: PageObservation;
let late: PageObservation;
let shots: string;
let version: string;

const hostsIn = (phase: Phase, p = page) =>
  new Set(p.requests.filter((r) => r.phase === phase).map((r) => r.host));

beforeAll(async () => {
  fx = await startFixtureServer();
  shots = mkdtempSync(path.join(os.tmpdir(), 'kk-shots-'));
  const r = await observePages(
    scanOptions(fx, [fx.url('partij.test')], { phases: true, screenshotDir: shots }),
  );
  expect(r.problems).toEqual([]);
  page = r.pages[0] as PageObservation;
  version = r.chromiumVersion;
  const r2 = await observePages(scanOptions(fx, [fx.url('partij.test', '/laat.html')]));
  late = r2.pages[0] as PageObservation;
}, 60_000);

afterAll(async () => {
  await fx?.close();
  if (shots) rmSync(shots, { recursive: true, force: true });
});

describe('three phases on the party site', () => {
  it('ran all phases, found the banner and clicked accept and reject', () => {
    expect(version).toMatch(/^\d+\./);
    expect(page.phasesRun).toEqual(['initial', 'after_accept', 'after_reject']);
    expect(page.status).toBe(200);
    expect(page.banner).toMatchObject({ found: true, acceptClicked: true, rejectClicked: true });
    expect(page.banner.note).toContain('alles accepteren');
    expect(page.problems).toEqual([]);
  });

  it('initial: only first-party requests, cookies and storage', () => {
    expect([...hostsIn('initial')]).toEqual(['partij.test']);
    const cookies = page.cookies.filter((c) => c.phase === 'initial');
    expect(cookies.map((c) => c.name).sort()).toEqual(['PHPSESSID', 'taal']);
    expect(cookies.find((c) => c.name === 'PHPSESSID')?.setBy).toEqual({
      kind: 'response',
      url: 'https://partij.test/',
    });
    expect(cookies.find((c) => c.name === 'taal')?.setBy).toEqual({
      kind: 'script',
      url: 'https://partij.test/js/site.js',
    });
    expect(cookies.every((c) => !c.thirdParty)).toBe(true);
  });

  it('after_accept: the trackers, their beacon and pixels, late loaders', () => {
    const hosts = hostsIn('after_accept');
    for (const h of TRACKER_HOSTS) expect(hosts.has(h), h).toBe(true);
    const reqs = page.requests.filter((r) => r.phase === 'after_accept');
    const beacon = reqs.find((r) => r.host === 'www.google-analytics.com' && r.path === '/g/collect');
    expect(beacon).toMatchObject({ resourceType: 'ping', beaconLike: true, thirdParty: true });
    expect(beacon?.url).toContain('cid=[cookie:_ga]');
    expect(beacon?.initiator).toBe('https://www.google-analytics.com/analytics.js');
    const pixel = reqs.find((r) => r.host === 'www.facebook.com' && r.path === '/tr');
    expect(pixel).toMatchObject({ resourceType: 'image', beaconLike: true, status: 200 });
    expect(pixel?.responseBytes).toBeLessThanOrEqual(100);
    // The timer (800 ms) and the first scroll/key press.
    expect(reqs.some((r) => r.host === 'px.ads.linkedin.com')).toBe(true);
    expect(reqs.some((r) => r.host === 'static.hotjar.com')).toBe(true);
    expect(reqs.filter((r) => r.host === 'partij.test').every((r) => !r.thirdParty)).toBe(true);
    expect(reqs.find((r) => r.host === 'connect.facebook.net')?.initiator).toBe(
      'https://partij.test/js/consent.js',
    );
  });

  it('after_accept: third-party cookies with setter, first-party tracker cookies set by script', () => {
    const cookies = page.cookies.filter((c) => c.phase === 'after_accept');
    const fr = cookies.find((c) => c.name === 'fr');
    expect(fr).toMatchObject({ domain: '.facebook.com', thirdParty: true, secure: true, sameSite: 'None' });
    expect(fr?.setBy).toEqual({
      kind: 'response',
      url: 'https://www.facebook.com/tr?id=4242&ev=PageView&noscript=1',
    });
    expect(fr?.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
    expect(cookies.find((c) => c.name === 'bcookie')).toMatchObject({
      domain: '.linkedin.com',
      thirdParty: true,
    });
    const ga = cookies.find((c) => c.name === '_ga');
    expect(ga).toMatchObject({ domain: 'partij.test', thirdParty: false });
    expect(ga?.setBy).toEqual({ kind: 'script', url: 'https://www.google-analytics.com/analytics.js' });
    expect(cookies.find((c) => c.name === '_fbp')?.setBy.url).toBe(
      'https://connect.facebook.net/en_US/fbevents.js',
    );
    expect(page.storage).toContainEqual(
      expect.objectContaining({
        phase: 'after_accept',
        kind: 'localStorage',
        origin: 'https://partij.test',
        key: '_hjSessionUser_4242',
      }),
    );
  });

  it('after_reject: none of the trackers', () => {
    expect([...hostsIn('after_reject')]).toEqual(['partij.test']);
    const names = page.cookies
      .filter((c) => c.phase === 'after_reject')
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['PHPSESSID', 'cookie_consent', 'taal']);
    expect(page.storage.filter((s) => s.phase === 'after_reject').map((s) => s.key)).toEqual(['bezocht']);
  });

  it('never copies cookie or storage values', () => {
    const json = JSON.stringify(page);
    expect(json).not.toMatch(/"value"/);
    expect(json).not.toContain('GA1.1.');
    for (const c of page.cookies) expect(c.valueLength).toBeGreaterThan(0);
  });

  it('takes a viewport screenshot per phase', () => {
    for (const phase of ['initial', 'after_accept', 'after_reject'] as const) {
      const file = page.screenshots[phase] as string;
      expect(file.startsWith(shots)).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(1000);
    }
  });

  it('waits for timer and scroll/key trackers without a banner (initial phase)', () => {
    const hosts = hostsIn('initial', late);
    expect(hosts.has('px.ads.linkedin.com')).toBe(true);
    expect(hosts.has('static.hotjar.com')).toBe(true);
    expect(late.cookies.find((c) => c.name === 'bcookie')?.thirdParty).toBe(true);
    expect(late.banner.found).toBe(false);
  });

  it('no request left loopback: every host is a fixture host', () => {
    for (const p of [page, late]) for (const r of p.requests) expect(HTTPS_HOSTS).toContain(r.host);
    for (const s of fx.seen) expect(HTTPS_HOSTS).toContain(s.host);
  });
});
