/**
 * Classification rules (R-67: no tracking cookies or pixels in campaigns, directly or indirectly; R-68:
 * every cookie, storage item and request is tracker, unknown or necessary, with the rule that decided;
 * tracking pixels). Table-driven: each row is one observation and the expected finding.
 */
import { describe, expect, it } from 'vitest';
import { classifyPage, trackerCodes } from '../../../src/scanner/classify/classify.js';
import { bundledTrackerData } from '../../../src/scanner/tracker-data/load.js';
import type {
  Classification,
  ObservedCookie,
  ObservedRequest,
  ObservedStorage,
} from '../../../src/scanner/types.js';
import { cookie, DAY_S, NOW_S, observation, request, storage } from './observations.js';

const data = bundledTrackerData();

interface Expected {
  classification: Classification;
  rule: string;
  vendor?: string | null;
}

describe('host findings (R-67, R-68, R-69)', () => {
  const rows: { why: string; requests: ObservedRequest[]; expect: Expected | null }[] = [
    {
      why: 'R-67: Google Analytics collect endpoint is a tracker host',
      requests: [
        request('https://www.google-analytics.com/g/collect?v=2&tid=G-X', { resourceType: 'fetch' }),
      ],
      expect: {
        classification: 'tracker',
        rule: 'tracker-host:google-analytics.com',
        vendor: 'google-analytics',
      },
    },
    {
      why: 'R-68: Meta Pixel loader on connect.facebook.net → TRACKER_FOUND:meta',
      requests: [request('https://connect.facebook.net/en_US/fbevents.js')],
      expect: { classification: 'tracker', rule: 'tracker-host:connect.facebook.net', vendor: 'meta' },
    },
    {
      why: 'R-67: the most specific pattern decides (googleads.g.doubleclick.net under google-ads)',
      requests: [request('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/')],
      expect: {
        classification: 'tracker',
        rule: 'tracker-host:googleads.g.doubleclick.net',
        vendor: 'google-ads',
      },
    },
    {
      why: 'R-68: suffix match on a subdomain (x.y.hotjar.com)',
      requests: [request('https://script.eu1.hotjar.com/modules.js')],
      expect: { classification: 'tracker', rule: 'tracker-host:hotjar.com', vendor: 'hotjar' },
    },
    {
      why: 'R-68: no suffix match across a label boundary (nothotjar.com is not hotjar.com)',
      requests: [request('https://nothotjar.com/x.js')],
      expect: { classification: 'unknown', rule: 'third-party-host', vendor: null },
    },
    {
      why: 'R-68: youtube.com embed sets cookies → tracker',
      requests: [request('https://www.youtube.com/embed/abc', { resourceType: 'document' })],
      expect: { classification: 'tracker', rule: 'tracker-host:youtube.com', vendor: 'youtube' },
    },
    {
      why: 'R-68: youtube-nocookie is a known third party, not a tracker by itself → unknown',
      requests: [request('https://www.youtube-nocookie.com/embed/abc', { resourceType: 'document' })],
      expect: {
        classification: 'unknown',
        rule: 'known-third-party:youtube-nocookie.com',
        vendor: 'youtube-nocookie',
      },
    },
    {
      why: 'R-67: Plausible cloud is cookieless but a third-party request → unknown with vendor',
      requests: [request('https://plausible.io/api/event', { method: 'POST', resourceType: 'fetch' })],
      expect: { classification: 'unknown', rule: 'known-third-party:plausible.io', vendor: 'plausible' },
    },
    {
      why: 'R-69: a sendBeacon to an unknown third party is a tracking pixel',
      requests: [
        request('https://collect.example-metrics.net/b', { resourceType: 'ping', beaconLike: true }),
      ],
      expect: { classification: 'tracker', rule: 'beacon', vendor: null },
    },
    {
      why: 'R-69: a tiny image with a query string at a third party is a tracking pixel',
      requests: [
        request('https://px.adnet.example/p.gif?uid=1', {
          resourceType: 'image',
          beaconLike: true,
          responseBytes: 43,
        }),
      ],
      expect: { classification: 'tracker', rule: 'beacon', vendor: null },
    },
    {
      why: 'R-68: a tiny image without parameters at a third party may be a spacer → unknown (beacon)',
      requests: [request('https://img.cdn.example/spacer.gif', { resourceType: 'image', beaconLike: true })],
      expect: { classification: 'unknown', rule: 'beacon', vendor: null },
    },
    {
      why: 'R-68: a third-party request to an unlisted host → unknown',
      requests: [request('https://static.unlisted-cdn.example/lib.js')],
      expect: { classification: 'unknown', rule: 'third-party-host', vendor: null },
    },
    {
      why: 'R-68: first-party requests are the site itself → no finding',
      requests: [request('https://partij.example/app.js'), request('https://www.partij.example/logo.png')],
      expect: null,
    },
    {
      why: 'R-67: a known tracker host is a tracker even if the engine saw it as first-party',
      requests: [request('https://www.googletagmanager.com/gtag/js?id=G-X', { thirdParty: false })],
      expect: {
        classification: 'tracker',
        rule: 'tracker-host:googletagmanager.com',
        vendor: 'google-tag-manager',
      },
    },
    {
      why: 'data: URLs are not requests to anyone',
      requests: [request('https://partij.example/x', { url: 'data:image/png;base64,AAA', host: '' })],
      expect: null,
    },
  ];
  it.each(rows)('$why', ({ requests, expect: want }) => {
    const findings = classifyPage(observation({ requests }), data);
    if (want === null) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'host', phase: 'initial', ...want });
  });

  it('R-68: one finding per (phase, host) with evidence: request count, example URLs, types, initiators', () => {
    const requests = [
      request('https://connect.facebook.net/en_US/fbevents.js'),
      request('https://www.facebook.com/tr/?id=1&ev=PageView', { resourceType: 'image', beaconLike: true }),
      request('https://www.facebook.com/tr/?id=1&ev=Lead', { resourceType: 'image', beaconLike: true }),
      request('https://www.facebook.com/tr/?id=1&ev=PageView', {
        phase: 'after_accept',
        resourceType: 'image',
      }),
    ];
    const findings = classifyPage(observation({ requests }), data);
    expect(findings.map((f) => `${f.phase} ${f.host} ${f.classification}`)).toEqual([
      'initial connect.facebook.net tracker',
      'initial www.facebook.com tracker',
      'after_accept www.facebook.com tracker',
    ]);
    expect(findings[1]!.evidence).toMatchObject({
      requests: 2,
      urls: ['https://www.facebook.com/tr/?id=1&ev=PageView', 'https://www.facebook.com/tr/?id=1&ev=Lead'],
      resourceTypes: ['image'],
      initiators: ['https://partij.example/'],
      beacon: true,
      thirdParty: true,
    });
    expect(trackerCodes(findings)).toEqual(['TRACKER_FOUND:meta']);
  });

  it('R-68: a third-party iframe is marked in the evidence', () => {
    const findings = classifyPage(
      observation({
        requests: [request('https://player.vimeo.com/video/1', { resourceType: 'document' })],
        frames: [
          {
            phase: 'initial',
            url: 'https://player.vimeo.com/video/1',
            host: 'player.vimeo.com',
            thirdParty: true,
          },
        ],
      }),
      data,
    );
    expect(findings[0]).toMatchObject({
      vendor: 'vimeo',
      classification: 'tracker',
      evidence: { iframe: true },
    });
  });
});

describe('cookie findings (R-67, R-68)', () => {
  const year = NOW_S + 400 * DAY_S;
  const rows: { why: string; cookie: ObservedCookie; expect: Expected }[] = [
    {
      why: 'R-67: _ga (Google Analytics client id) set first-party → tracker by name',
      cookie: cookie('_ga', { expires: year, valueLength: 26 }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_ga', vendor: 'google-analytics' },
    },
    {
      why: 'R-67: _ga_<container> by wildcard pattern',
      cookie: cookie('_ga_ABC123', { expires: year }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_ga_*', vendor: 'google-analytics' },
    },
    {
      why: 'R-67: _gid',
      cookie: cookie('_gid', { expires: NOW_S + DAY_S }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_gid', vendor: 'google-analytics' },
    },
    {
      why: 'R-67: _fbp (Meta Pixel browser id)',
      cookie: cookie('_fbp', { expires: NOW_S + 90 * DAY_S }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_fbp', vendor: 'meta' },
    },
    {
      why: 'R-67: _gcl_au (Google Ads conversion linker)',
      cookie: cookie('_gcl_au', { expires: NOW_S + 90 * DAY_S }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_gcl_*', vendor: 'google-ads' },
    },
    {
      why: 'R-67: fr on .facebook.com (bound pattern fr@facebook.com)',
      cookie: cookie('fr', { domain: '.facebook.com', thirdParty: true, expires: NOW_S + 90 * DAY_S }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:fr@facebook.com', vendor: 'meta' },
    },
    {
      why: 'R-68: a first-party cookie named fr is not Meta’s (bound pattern does not match)',
      cookie: cookie('fr', { expires: NOW_S + 90 * DAY_S, valueLength: 4 }),
      expect: { classification: 'unknown', rule: 'first-party-cookie', vendor: null },
    },
    {
      why: 'R-67: IDE on .doubleclick.net',
      cookie: cookie('IDE', { domain: '.doubleclick.net', thirdParty: true, expires: year }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:IDE@doubleclick.net', vendor: 'google-ads' },
    },
    {
      why: 'R-67: li_sugr (LinkedIn Insight) by li_* pattern',
      cookie: cookie('li_sugr', { domain: '.linkedin.com', thirdParty: true, expires: year }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:li_sugr', vendor: 'linkedin' },
    },
    {
      why: 'R-67: _hjSessionUser_123 (Hotjar)',
      cookie: cookie('_hjSessionUser_123', { expires: year }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_hjSessionUser_*', vendor: 'hotjar' },
    },
    {
      why: 'R-67: MUID (Microsoft) on .bing.com',
      cookie: cookie('MUID', { domain: '.bing.com', thirdParty: true, expires: year }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:MUID', vendor: 'microsoft-ads' },
    },
    {
      why: 'R-67: _uetsid (Bing UET) first-party',
      cookie: cookie('_uetsid', { expires: NOW_S + DAY_S }),
      expect: { classification: 'tracker', rule: 'tracker-cookie:_uetsid', vendor: 'microsoft-ads' },
    },
    {
      why: 'R-68: third-party cookie with an unlisted name from a tracker host → tracker by domain',
      cookie: cookie('xyz', { domain: '.tiktok.com', thirdParty: true }),
      expect: { classification: 'tracker', rule: 'tracker-cookie-domain:tiktok.com', vendor: 'tiktok' },
    },
    {
      why: 'R-68: first-party cookie set by a tracker script → tracker by setter',
      cookie: cookie('_x_visitor', {
        expires: NOW_S + 10 * DAY_S,
        setBy: { kind: 'script', url: 'https://static.hotjar.com/c/hotjar-1.js' },
      }),
      expect: {
        classification: 'tracker',
        rule: 'tracker-cookie-setter:static.hotjar.com',
        vendor: 'hotjar',
      },
    },
    {
      why: 'R-68: third-party identifier (long expiry, long value) on an unlisted domain → tracker',
      cookie: cookie('uid', {
        domain: '.adnet.example',
        thirdParty: true,
        expires: NOW_S + 60 * DAY_S,
        valueLength: 32,
      }),
      expect: { classification: 'tracker', rule: 'identifier-cookie', vendor: null },
    },
    {
      why: 'R-68: first-party identifier (long expiry, long value) → unknown, to review',
      cookie: cookie('visitor', { expires: NOW_S + 365 * DAY_S, valueLength: 36 }),
      expect: { classification: 'unknown', rule: 'identifier-cookie', vendor: null },
    },
    {
      why: 'R-68: exactly 30 days is not long-lived',
      cookie: cookie('visitor', { expires: NOW_S + 30 * DAY_S, valueLength: 36 }),
      expect: { classification: 'unknown', rule: 'first-party-cookie', vendor: null },
    },
    {
      why: 'R-68: long expiry with a short value (a setting, not an id) → unknown first-party cookie',
      cookie: cookie('theme', { expires: year, valueLength: 4 }),
      expect: { classification: 'unknown', rule: 'first-party-cookie', vendor: null },
    },
    {
      why: 'R-68: third-party session cookie on an unlisted domain → unknown',
      cookie: cookie('sess', { domain: 'widget.example', thirdParty: true }),
      expect: { classification: 'unknown', rule: 'third-party-cookie', vendor: null },
    },
    {
      why: 'R-68 (11.7a(3)): first-party session cookie → necessary',
      cookie: cookie('basket'),
      expect: { classification: 'necessary', rule: 'session-cookie', vendor: null },
    },
    {
      why: 'R-68: consent choice CookieConsent (Cookiebot) → necessary even with a long expiry',
      cookie: cookie('CookieConsent', { expires: year, valueLength: 120 }),
      expect: { classification: 'necessary', rule: 'consent-cookie', vendor: null },
    },
    {
      why: 'R-68: cookieyes-consent → necessary',
      cookie: cookie('cookieyes-consent', { expires: year, valueLength: 90 }),
      expect: { classification: 'necessary', rule: 'consent-cookie', vendor: null },
    },
    {
      why: 'R-68: OptanonConsent (OneTrust) → necessary',
      cookie: cookie('OptanonConsent', { expires: year, valueLength: 200 }),
      expect: { classification: 'necessary', rule: 'consent-cookie', vendor: null },
    },
    {
      why: 'R-68: cc_cookie (orestbida cookieconsent) → necessary',
      cookie: cookie('cc_cookie', { expires: NOW_S + 182 * DAY_S, valueLength: 150 }),
      expect: { classification: 'necessary', rule: 'consent-cookie', vendor: null },
    },
    {
      why: 'R-68: lang → necessary (language)',
      cookie: cookie('lang', { expires: year, valueLength: 2 }),
      expect: { classification: 'necessary', rule: 'language-cookie', vendor: null },
    },
    {
      why: 'R-68: NEXT_LOCALE → necessary (language)',
      cookie: cookie('NEXT_LOCALE', { expires: year, valueLength: 2 }),
      expect: { classification: 'necessary', rule: 'language-cookie', vendor: null },
    },
    {
      why: 'R-68: PHPSESSID → necessary (functional)',
      cookie: cookie('PHPSESSID', { valueLength: 26 }),
      expect: { classification: 'necessary', rule: 'functional-cookie', vendor: null },
    },
    {
      why: 'R-68: a consent cookie on a tracker domain is still that tracker’s cookie',
      cookie: cookie('consent', { domain: '.facebook.com', thirdParty: true }),
      expect: { classification: 'tracker', rule: 'tracker-cookie-domain:facebook.com', vendor: 'meta' },
    },
  ];
  it.each(rows)('$why', ({ cookie: c, expect: want }) => {
    const findings = classifyPage(observation({ cookies: [c] }), data);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'cookie', name: c.name, domain: c.domain, ...want });
  });

  it('R-68: evidence has lifetime, length and setter but never a value', () => {
    const [f] = classifyPage(
      observation({ cookies: [cookie('_ga', { expires: NOW_S + 400 * DAY_S, valueLength: 26 })] }),
      data,
    );
    expect(f!.evidence).toMatchObject({ lifetimeDays: 400, valueLength: 26, thirdParty: false });
    expect(JSON.stringify(f)).not.toMatch(/"value"/);
  });

  it('dedupes the same cookie per phase (name and domain), keeps other phases apart', () => {
    const findings = classifyPage(
      observation({
        cookies: [
          cookie('_fbp'),
          cookie('_fbp'),
          cookie('_fbp', { phase: 'after_accept' }),
          cookie('_fbp', { domain: 'other.example', thirdParty: true }),
        ],
      }),
      data,
    );
    expect(findings.map((f) => `${f.phase} ${f.name}@${f.domain}`)).toEqual([
      'initial _fbp@.partij.example',
      'initial _fbp@other.example',
      'after_accept _fbp@.partij.example',
    ]);
  });
});

describe('storage findings (R-68)', () => {
  const rows: { why: string; item: ObservedStorage; expect: Expected }[] = [
    {
      why: 'Hotjar session key',
      item: storage('_hjSession_123'),
      expect: { classification: 'tracker', rule: 'tracker-storage:_hj*', vendor: 'hotjar' },
    },
    {
      why: 'Amplitude key',
      item: storage('amplitude_unsent_abc'),
      expect: { classification: 'tracker', rule: 'tracker-storage:amplitude*', vendor: 'amplitude' },
    },
    {
      why: 'Mixpanel key',
      item: storage('mp_abc_mixpanel'),
      expect: { classification: 'tracker', rule: 'tracker-storage:mp_*', vendor: 'mixpanel' },
    },
    {
      why: 'Segment anonymous id',
      item: storage('ajs_anonymous_id'),
      expect: { classification: 'tracker', rule: 'tracker-storage:ajs_anonymous_id', vendor: 'segment' },
    },
    {
      why: 'any key in a tracker origin (an embedded tracker frame)',
      item: storage('state', { origin: 'https://www.youtube.com' }),
      expect: { classification: 'tracker', rule: 'tracker-storage-origin:youtube.com', vendor: 'youtube' },
    },
    {
      why: 'a consent choice in localStorage → necessary',
      item: storage('cookieyes-consent'),
      expect: { classification: 'necessary', rule: 'consent-storage', vendor: null },
    },
    {
      why: 'a language choice → necessary',
      item: storage('i18next', { kind: 'sessionStorage' }),
      expect: { classification: 'necessary', rule: 'language-storage', vendor: null },
    },
    {
      why: 'any other key → unknown',
      item: storage('menu-open'),
      expect: { classification: 'unknown', rule: 'storage', vendor: null },
    },
  ];
  it.each(rows)('$why', ({ item, expect: want }) => {
    const findings = classifyPage(observation({ storage: [item] }), data);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'storage', key: item.key, origin: item.origin, ...want });
  });

  it('dedupes local and session storage of the same key and origin into one finding', () => {
    const findings = classifyPage(
      observation({
        storage: [
          storage('_hjTLDTest', { valueLength: 3 }),
          storage('_hjTLDTest', { kind: 'sessionStorage', valueLength: 9 }),
        ],
      }),
      data,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence).toEqual({ kinds: ['localStorage', 'sessionStorage'], valueLength: 9 });
  });
});

describe('ordering and codes', () => {
  it('sorts by phase, type, classification; TRACKER_FOUND codes per vendor (R-68, appendix C)', () => {
    const findings = classifyPage(
      observation({
        requests: [
          request('https://static.unlisted.example/x.js', { phase: 'after_accept' }),
          request('https://analytics.tiktok.com/i18n/pixel/events.js', { phase: 'after_accept' }),
          request('https://px.unknown.example/b?x=1', { resourceType: 'ping', beaconLike: true }),
        ],
        cookies: [
          cookie('lang', { phase: 'after_reject' }),
          cookie('_ttp', { phase: 'after_accept', expires: NOW_S + 390 * DAY_S }),
        ],
      }),
      data,
    );
    expect(findings.map((f) => [f.phase, f.type, f.classification])).toEqual([
      ['initial', 'host', 'tracker'],
      ['after_accept', 'host', 'tracker'],
      ['after_accept', 'host', 'unknown'],
      ['after_accept', 'cookie', 'tracker'],
      ['after_reject', 'cookie', 'necessary'],
    ]);
    expect(trackerCodes(findings)).toEqual(['TRACKER_FOUND:px.unknown.example', 'TRACKER_FOUND:tiktok']);
  });
});
