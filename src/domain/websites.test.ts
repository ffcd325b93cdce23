import { describe, expect, it } from 'vitest';
import { isScanDue, isScanInProgress, newTrackers, siteUrlProblem, type TrackerFinding } from './websites.js';

const NOW = new Date('2026-05-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const H = 3_600_000;
const M = 60_000;

describe('isScanDue', () => {
  it.each([
    ['daily', null, true, 'never scanned'],
    ['weekly', null, true, 'never scanned'],
    ['manual', null, false, 'manual sites are never scheduled'],
    ['manual', ago(365 * 24 * H), false, 'not even after a year'],
    ['daily', ago(1 * H), false, 'scanned an hour ago'],
    ['daily', ago(23 * H + 44 * M), false, 'just outside the 15-minute slack'],
    ['daily', ago(23 * H + 45 * M), true, 'within one scheduler tick of a day'],
    ['daily', ago(30 * H), true, 'overdue'],
    ['weekly', ago(6 * 24 * H), false, 'six days ago'],
    ['weekly', ago(7 * 24 * H), true, 'a week ago'],
  ] as const)('%s, last scan %s → %s (%s)', (cadence, last, due, _why) => {
    expect(isScanDue({ cadence }, last, NOW)).toBe(due);
  });

  it('a last scan in the future (clock skew) is not due', () => {
    expect(isScanDue({ cadence: 'daily' }, new Date(NOW.getTime() + H), NOW)).toBe(false);
  });
});

describe('isScanInProgress', () => {
  it.each([
    ['queued', ago(M), true],
    ['running', ago(H), true],
    ['running', ago(3 * H), false],
    ['done', ago(M), false],
    ['failed', ago(M), false],
  ] as const)('%s since %s → %s', (status, createdAt, expected) => {
    expect(isScanInProgress({ status, createdAt }, NOW)).toBe(expected);
  });
});

describe('siteUrlProblem', () => {
  it.each([
    'https://www.partij.nl/',
    'http://kandidaat.example.org/over-mij?x=1',
    'https://[2001:db8::1]/',
    'https://8.8.8.8/',
  ])('accepts %s', (url) => {
    expect(siteUrlProblem(url)).toBeNull();
  });

  it.each([
    ['not a url', 'not a valid URL'],
    ['ftp://partij.nl/', 'only http and https'],
    ['javascript:alert(1)', 'only http and https'],
    ['https://user:pw@partij.nl/', 'credentials'],
    ['http://localhost:3000/', 'local'],
    ['http://app.localhost/', 'local'],
    ['http://127.0.0.1/', 'private'],
    ['http://10.1.2.3/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://172.20.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'private'],
    ['http://[::1]/', 'private'],
    ['http://[fd00::1]/', 'private'],
    ['http://intranet/', 'full domain name'],
    [`https://partij.nl/${'a'.repeat(2048)}`, 'longer than 2048'],
  ])('refuses %s', (url, problem) => {
    expect(siteUrlProblem(url)).toContain(problem);
  });
});

describe('newTrackers', () => {
  const ga: TrackerFinding = {
    type: 'host',
    host: 'www.google-analytics.com',
    vendor: 'Google',
    classification: 'tracker',
  };
  const gaCookie: TrackerFinding = {
    type: 'cookie',
    name: '_ga',
    domain: '.partij.nl',
    vendor: 'Google',
    classification: 'tracker',
  };
  const pixel: TrackerFinding = {
    type: 'host',
    host: 'connect.facebook.net',
    vendor: 'Meta',
    classification: 'tracker',
  };
  const session: TrackerFinding = {
    type: 'cookie',
    name: 'PHPSESSID',
    domain: 'partij.nl',
    vendor: null,
    classification: 'necessary',
  };

  it('with no previous successful scan, every tracker is new, grouped by vendor', () => {
    expect(newTrackers(null, [ga, gaCookie, pixel, session])).toEqual([
      {
        vendor: 'Google',
        items: [
          { type: 'host', name: 'www.google-analytics.com', where: null },
          { type: 'cookie', name: '_ga', where: '.partij.nl' },
        ],
      },
      { vendor: 'Meta', items: [{ type: 'host', name: 'connect.facebook.net', where: null }] },
    ]);
  });

  it('the same trackers again (in another phase) give no alert', () => {
    expect(newTrackers([ga, gaCookie, pixel], [{ ...ga }, { ...pixel }, gaCookie, ga])).toEqual([]);
  });

  it('a tracker that appeared since the previous scan gives one alert for its vendor', () => {
    expect(newTrackers([ga, gaCookie], [ga, gaCookie, pixel])).toEqual([
      { vendor: 'Meta', items: [{ type: 'host', name: 'connect.facebook.net', where: null }] },
    ]);
  });

  it('a finding that was unknown before and is a tracker now counts as new', () => {
    expect(newTrackers([{ ...pixel, classification: 'unknown' }], [pixel])).toHaveLength(1);
  });

  it('necessary and unknown findings never alert; a tracker without vendor is named by its host', () => {
    const anon: TrackerFinding = { type: 'host', host: 't.example', vendor: null, classification: 'tracker' };
    expect(newTrackers(null, [session, { ...pixel, classification: 'unknown' }, anon])).toEqual([
      { vendor: 't.example', items: [{ type: 'host', name: 't.example', where: null }] },
    ]);
  });
});
