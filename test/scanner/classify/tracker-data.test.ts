/**
 * The tracker data (ADR 0007): the bundled list validates and covers the vendors Dutch campaigns use
 * invalid data is refused naming the entry; the merge path adds hosts from EasyPrivacy- and
 * Disconnect-format files and refuses non-commercial licences.
 */
import { describe, expect, it } from 'vitest';
import {
  bundledTrackerData,
  loadTrackerData,
  matchCookieName,
  matchHost,
  TrackerDataError,
  type TrackerDataFile,
} from '../../../src/scanner/tracker-data/load.js';
import {
  licenceAcceptable,
  MergeError,
  mergeTrackerData,
  parseDisconnect,
  parseEasyPrivacy,
} from '../../../src/scanner/tracker-data/merge.js';
import bundled from '../../../src/scanner/tracker-data/trackers.json' with { type: 'json' };

const minimal = (entries: unknown[]): unknown => ({
  version: '2026.11.23.1',
  updated: '2026-11-23',
  licence: 'CC0-1.0',
  sources: [{ name: 'test', licence: 'CC0-1.0' }],
  entries,
});

const good = { vendor: 'acme', category: 'analytics', hosts: ['acme-metrics.example'], cookies: ['_acme'] };

describe('bundled tracker data', () => {
  const data = bundledTrackerData();

  it('validates, has a version, a licence of ours, and a few hundred host patterns', () => {
    expect(data.version).toMatch(/^\d{4}\.\d{2}\.\d{2}\.\d+$/);
    expect(data.licence).toBe('CC0-1.0');
    expect(data.hostIndex.size).toBeGreaterThan(300);
  });

  it.each([
    ['www.google-analytics.com', 'google-analytics'],
    ['www.googletagmanager.com', 'google-tag-manager'],
    ['ad.doubleclick.net', 'google-ads'],
    ['www.googleadservices.com', 'google-ads'],
    ['connect.facebook.net', 'meta'],
    ['www.facebook.com', 'meta'],
    ['www.instagram.com', 'meta'],
    ['snap.licdn.com', 'linkedin'],
    ['px.ads.linkedin.com', 'linkedin'],
    ['static.ads-twitter.com', 'x'],
    ['analytics.tiktok.com', 'tiktok'],
    ['static.hotjar.com', 'hotjar'],
    ['www.clarity.ms', 'microsoft-clarity'],
    ['bat.bing.com', 'microsoft-ads'],
    ['partij.matomo.cloud', 'matomo'],
    ['js-eu1.hs-scripts.com', 'hubspot'],
    ['partij.us1.list-manage.com', 'mailchimp'],
    ['ct.pinterest.com', 'pinterest'],
    ['tr.snapchat.com', 'snap'],
    ['static.criteo.net', 'criteo'],
    ['cdn.taboola.com', 'taboola'],
    ['widgets.outbrain.com', 'outbrain'],
    ['www.youtube.com', 'youtube'],
    ['www.youtube-nocookie.com', 'youtube-nocookie'],
    ['player.vimeo.com', 'vimeo'],
    ['open.spotify.com', 'spotify'],
    ['assets.adobedtm.com', 'adobe'],
    ['mc.yandex.ru', 'yandex'],
    ['cdn.segment.com', 'segment'],
    ['api-eu.mixpanel.com', 'mixpanel'],
    ['api2.amplitude.com', 'amplitude'],
    ['cdn.heapanalytics.com', 'heap'],
    ['plausible.io', 'plausible'],
    ['partij.nationbuilder.com', 'nationbuilder'],
  ])('R-67: %s is known as %s', (host, vendor) => {
    expect(matchHost(data, host)?.entry.vendor).toBe(vendor);
  });

  it('every vendor slug is unique per category and hosts are listed once', () => {
    const all = (bundled as { entries: { hosts: string[] }[] }).entries.flatMap((e) => e.hosts);
    expect(new Set(all).size).toBe(all.length);
  });

  it('cookie patterns bound to a host (name@host) match only cookies on that host', () => {
    expect(matchCookieName(data, 'fr', '.facebook.com')?.entry.vendor).toBe('meta');
    expect(matchCookieName(data, 'fr', '.partij.example')).toBeNull();
  });
});

describe('loadTrackerData refuses invalid data, naming the entry', () => {
  it.each([
    ['a vendor that is not a slug', { ...good, vendor: 'Acme Inc' }, /entry 1 \(Acme Inc\): vendor/],
    ['an unknown category', { ...good, category: 'spying' }, /entry 1 \(acme\): category/],
    ['a host with a scheme', { ...good, hosts: ['https://acme.example'] }, /entry 1 \(acme\): hosts\.0/],
    ['a host with a path', { ...good, hosts: ['acme.example/pixel'] }, /entry 1 \(acme\): hosts\.0/],
    ['an uppercase host', { ...good, hosts: ['ACME.example'] }, /entry 1 \(acme\): hosts\.0/],
    ['a cookie pattern with a space', { ...good, cookies: ['bad name'] }, /entry 1 \(acme\): cookies\.0/],
    ['an unknown field', { ...good, colour: 'red' }, /entry 1 \(acme\)/],
    ['a bad classification', { ...good, classification: 'maybe' }, /entry 1 \(acme\): classification/],
    [
      'no patterns at all',
      { vendor: 'acme', category: 'analytics', hosts: [], cookies: [] },
      /entry 1 \(acme\): needs at least one/,
    ],
    [
      'a host listed twice',
      { ...good, hosts: ['first.example'] },
      /entry 1 \(acme\): host first.example is already listed under first/,
    ],
  ])('%s', (_why, entry, message) => {
    const first = { vendor: 'first', category: 'advertising', hosts: ['first.example'], cookies: [] };
    expect(() => loadTrackerData(minimal([first, entry]))).toThrow(TrackerDataError);
    expect(() => loadTrackerData(minimal([first, entry]))).toThrow(message);
  });

  it('refuses a file without version or with a bad date', () => {
    expect(() => loadTrackerData({ ...(minimal([good]) as object), version: '' })).toThrow(/version/);
    expect(() => loadTrackerData({ ...(minimal([good]) as object), updated: '23-11-2026' })).toThrow(
      /updated/,
    );
  });

  it('accepts a valid minimal file and defaults classification to tracker', () => {
    const d = loadTrackerData(minimal([good]));
    expect(d.entries[0]!.classification).toBe('tracker');
    expect(matchHost(d, 'eu.acme-metrics.example')?.pattern).toBe('acme-metrics.example');
  });
});

describe('merge (update path, ADR 0007)', () => {
  const current = bundled as unknown as TrackerDataFile;
  const easyPrivacy = [
    '[Adblock Plus 2.0]',
    '! Title: EasyPrivacy (sample)',
    '||newtracker.example^',
    '||stats.newtracker.example^$third-party',
    '||google-analytics.com^',
    '||www.facebook.com^$third-party',
    '||somesite.example/track.js',
    '||only-on.example^$domain=news.example',
    '@@||allowed.example^',
    '/pixel.gif?',
    '##.cookie-banner',
  ].join('\n');

  it('parses host-only rules from an EasyPrivacy-format list', () => {
    expect(parseEasyPrivacy(easyPrivacy)).toEqual([
      'google-analytics.com',
      'newtracker.example',
      'stats.newtracker.example',
      'www.facebook.com',
    ]);
  });

  it('adds new hosts under "unattributed", skips covered ones, bumps version and records the source', () => {
    const r = mergeTrackerData(
      current,
      'easyprivacy',
      easyPrivacy,
      { name: 'easyprivacy-sample', licence: 'GPL-3.0-or-later' },
      '2026-12-01',
    );
    expect(r.added).toEqual([{ vendor: 'unattributed', host: 'newtracker.example' }]);
    expect(r.skipped).toBe(3);
    expect(r.data.version).toBe('2026.12.01.1');
    expect(r.data.updated).toBe('2026-12-01');
    expect(r.data.sources.map((s) => s.name)).toContain('easyprivacy-sample');
    const merged = loadTrackerData(r.data);
    expect(matchHost(merged, 'cdn.newtracker.example')?.entry.vendor).toBe('unattributed');
    expect(current.entries.some((e) => e.vendor === 'unattributed')).toBe(false); // input not mutated
  });

  it('bumps the counter on a second merge the same day', () => {
    const once = mergeTrackerData(
      current,
      'easyprivacy',
      '||a-new.example^',
      { name: 's', licence: 'CC0-1.0' },
      '2026-12-01',
    );
    const twice = mergeTrackerData(
      once.data,
      'easyprivacy',
      '||b-new.example^',
      { name: 's', licence: 'CC0-1.0' },
      '2026-12-01',
    );
    expect(twice.data.version).toBe('2026.12.01.2');
  });

  const disconnect = JSON.stringify({
    license: 'sample',
    categories: {
      Advertising: [
        {
          'Acme Ads': {
            'https://acme-ads.example/': ['acme-ads.example', 'acmecdn.example'],
            performance: 'true',
          },
        },
        { Criteo: { 'https://www.criteo.com/': ['criteo.com', 'criteo-new.example'] } },
      ],
      Analytics: [{ 'Météo Stats': { 'https://meteo.example/': ['meteostats.example'] } }],
    },
  });

  it('parses Disconnect services.json into vendors, categories and hosts', () => {
    expect(parseDisconnect(JSON.parse(disconnect))).toEqual([
      {
        vendor: 'acme-ads',
        service: 'Acme Ads',
        category: 'advertising',
        hosts: ['acme-ads.example', 'acmecdn.example'],
      },
      {
        vendor: 'criteo',
        service: 'Criteo',
        category: 'advertising',
        hosts: ['criteo-new.example', 'criteo.com'],
      },
      { vendor: 'meteo-stats', service: 'Météo Stats', category: 'analytics', hosts: ['meteostats.example'] },
    ]);
  });

  it('merges Disconnect-format hosts into existing vendors or new entries (with a licence we may use)', () => {
    const r = mergeTrackerData(
      current,
      'disconnect',
      disconnect,
      { name: 'disconnect-commercial', licence: 'LicenseRef-Disconnect-Commercial' },
      '2026-12-01',
    );
    const merged = loadTrackerData(r.data);
    expect(matchHost(merged, 'criteo-new.example')?.entry.vendor).toBe('criteo');
    expect(matchHost(merged, 'x.acmecdn.example')?.entry).toMatchObject({
      vendor: 'acme-ads',
      source: 'disconnect-commercial',
    });
    expect(r.skipped).toBe(1); // criteo.com
  });

  it.each(['CC-BY-NC-SA-4.0', 'CC BY-NC-SA 4.0', 'CC-BY-NC-4.0', 'noncommercial'])(
    'refuses licence %s',
    (licence) => {
      expect(licenceAcceptable(licence)).toBe(false);
      expect(() =>
        mergeTrackerData(current, 'disconnect', disconnect, { name: 'x', licence }, '2026-12-01'),
      ).toThrow(MergeError);
    },
  );

  it.each(['CC0-1.0', 'GPL-3.0-or-later', 'CC-BY-SA-4.0', 'AGPL-3.0-only', 'MIT'])(
    'accepts licence %s',
    (licence) => {
      expect(licenceAcceptable(licence)).toBe(true);
    },
  );
});
