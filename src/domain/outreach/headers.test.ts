import { describe, expect, it } from 'vitest';
import { campaignHeaders, headerProblems, oneClickAllowed } from './headers.js';

const ID = '0b7e4a52-6f1c-4c3e-9d1a-2b3c4d5e6f70';
const TOKEN = 'abcdefghijabcdefghijabcdefghijabcdefghij123';

describe('campaign headers (R-27, RFC 2369, RFC 8058)', () => {
  const cases: { name: string; url: string; oneClick: boolean }[] = [
    {
      name: 'R-27: an https objection URL gets one-click',
      url: `https://kieskluis.invalid/f/bezwaar/${TOKEN}`,
      oneClick: true,
    },
    {
      name: 'R-27: upper-case scheme is still https',
      url: `HTTPS://kieskluis.invalid/f/bezwaar/${TOKEN}`,
      oneClick: true,
    },
    {
      name: 'R-27: an http URL (local demo) gets no one-click promise (RFC 8058 3.1)',
      url: `http://127.0.0.1:8080/f/bezwaar/${TOKEN}`,
      oneClick: false,
    },
    { name: 'R-27: no host is no one-click', url: 'https:///f/bezwaar/x', oneClick: false },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect(oneClickAllowed(c.url)).toBe(c.oneClick);
      const h = campaignHeaders({
        campaignMessageId: ID,
        mailFrom: 'Partij <post@partij.invalid>',
        objectionUrl: c.url,
        unsubscribeMailto: null,
      });
      expect(h['List-Unsubscribe']).toBe(`<${c.url}>`);
      expect(h['List-Unsubscribe-Post']).toBe(c.oneClick ? 'List-Unsubscribe=One-Click' : undefined);
      expect(h['Message-ID']).toBe(`<campaign-message.${ID}@partij.invalid>`);
      expect(headerProblems(h)).toEqual([]);
    });

  it('R-27: a mailto is listed after the URL when the party has an address for it', () => {
    const h = campaignHeaders({
      campaignMessageId: ID,
      mailFrom: 'post@partij.invalid',
      objectionUrl: `https://kieskluis.invalid/f/bezwaar/${TOKEN}`,
      unsubscribeMailto: 'bezwaar@partij.invalid',
    });
    expect(h['List-Unsubscribe']).toBe(
      `<https://kieskluis.invalid/f/bezwaar/${TOKEN}>, <mailto:bezwaar@partij.invalid>`,
    );
  });

  it('refuses header injection (line breaks) and bad names', () => {
    expect(headerProblems({ 'X-Ok': 'a\r\nBcc: x@y.invalid', 'Bad Name': 'v' })).toEqual([
      'header X-Ok',
      'header name Bad Name',
    ]);
  });
});
