import { describe, expect, it } from 'vitest';
import { imageSize, parseSetCookie } from '../../../src/scanner/engine/recorder.js';
import {
  crawlableLink,
  isThirdParty,
  registrableDomain,
  sameSiteLinks,
} from '../../../src/scanner/engine/site.js';

describe('registrableDomain', () => {
  it.each([
    ['www.partij.nl', 'partij.nl'],
    ['partij.nl', 'partij.nl'],
    ['a.b.c.partij.nl', 'partij.nl'],
    ['WWW.Partij.NL.', 'partij.nl'],
    ['.facebook.com', 'facebook.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['co.uk', 'co.uk'],
    ['kandidaat.github.io', 'kandidaat.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['localhost', 'localhost'],
    ['www.partij.test', 'partij.test'],
    ['kandidaat.partij.test', 'kandidaat.partij.test'],
    ['', ''],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
});

describe('isThirdParty', () => {
  it('compares registrable domains', () => {
    expect(isThirdParty('www.google-analytics.com', 'www.partij.nl')).toBe(true);
    expect(isThirdParty('cdn.partij.nl', 'www.partij.nl')).toBe(false);
    expect(isThirdParty('partij.test', 'www.partij.test')).toBe(false);
    expect(isThirdParty('a.github.io', 'b.github.io')).toBe(true);
    expect(isThirdParty('', 'partij.nl')).toBe(false);
  });
});

describe('crawlable links', () => {
  const site = 'www.partij.nl';
  it('keeps same-site http(s) pages without fragment', () => {
    expect(crawlableLink('https://partij.nl/nieuws#top', site)).toBe('https://partij.nl/nieuws');
    expect(crawlableLink('http://www.partij.nl/over', site)).toBe('http://www.partij.nl/over');
    expect(crawlableLink('https://www.partij.nl/nieuws.html', site)).toBe(
      'https://www.partij.nl/nieuws.html',
    );
  });
  it('drops other sites, other schemes and files', () => {
    expect(crawlableLink('https://www.facebook.com/partij', site)).toBeNull();
    expect(crawlableLink('mailto:info@partij.nl', site)).toBeNull();
    expect(crawlableLink('javascript:void(0)', site)).toBeNull();
    expect(crawlableLink('https://partij.nl/programma.PDF', site)).toBeNull();
    expect(crawlableLink('https://partij.nl/foto.jpg?x=1', site)).toBeNull();
    expect(crawlableLink('not a url', site)).toBeNull();
  });
  it('dedupes and caps', () => {
    const hrefs = [
      'https://partij.nl/a',
      'https://partij.nl/a#x',
      'https://partij.nl/b',
      'https://partij.nl/c',
    ];
    expect(sameSiteLinks(hrefs, site)).toEqual([
      'https://partij.nl/a',
      'https://partij.nl/b',
      'https://partij.nl/c',
    ]);
    expect(sameSiteLinks(hrefs, site, 2)).toHaveLength(2);
  });
});

describe('recorder helpers', () => {
  it('parses Set-Cookie name and domain, never the value', () => {
    expect(parseSetCookie('fr=abc; Domain=.facebook.com; Path=/; Secure', 'www.facebook.com')).toEqual({
      name: 'fr',
      domain: 'facebook.com',
    });
    expect(parseSetCookie('sid=1; Path=/', 'partij.nl')).toEqual({ name: 'sid', domain: 'partij.nl' });
    expect(parseSetCookie('=x', 'partij.nl')).toBeNull();
  });
  it('reads GIF and PNG sizes', () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect(imageSize(gif)).toEqual({ w: 1, h: 1 });
    expect(imageSize(Buffer.from('hello world, not an image'))).toBeNull();
  });
});

describe('redactValues', () => {
  it('replaces cookie values copied into URLs', async () => {
    const { redactValues } = await import('../../../src/scanner/engine/collect.js');
    const url = 'https://www.google-analytics.com/g/collect?cid=GA1.1.123%3A4&x=1';
    expect(redactValues(url, [{ name: '_ga', value: 'GA1.1.123:4' }])).toBe(
      'https://www.google-analytics.com/g/collect?cid=[cookie:_ga]&x=1',
    );
  });
});
