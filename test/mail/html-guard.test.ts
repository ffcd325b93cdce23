/**
 * mail carries no tracking. The guard refuses HTML with remote images (open-tracking pixels),
 * linked or imported style sheets, scripts, remote CSS resources and frames; plain links and inline
 * styles pass. The mailer applies it before anything is queued.
 */
import { describe, expect, it } from 'vitest';
import { assertNoTracking, trackingFindings } from '../../src/mail/html-guard.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { testKernel } from '../support/engines.js';

const REFUSED: [string, string][] = [
  ['remote image (pixel)', '<p>Hoi</p><img src="https://tracker.example/p.gif?u=123" width="1" height="1">'],
  ['remote image, single quotes', "<img alt='' src='http://example.invalid/logo.png'>"],
  ['protocol-relative image', '<img src="//cdn.example/x.png">'],
  ['remote srcset', '<picture><source srcset="https://cdn.example/x.webp"></picture>'],
  ['<link> style sheet', '<link rel="stylesheet" href="https://fonts.example/css">'],
  ['<script>', '<script>fetch("https://t.example")</script>'],
  ['@import', '<style>@import url("https://fonts.example/x.css");</style>'],
  ['remote url() in CSS', '<div style="background:url(https://t.example/p.gif)">x</div>'],
  ['iframe', '<iframe src="https://t.example/"></iframe>'],
  ['background attribute', '<table background="https://t.example/bg.png"><tr><td>x</td></tr></table>'],
  ['event handler', '<a href="#" onclick="x()">x</a>'],
];

const ALLOWED: [string, string][] = [
  [
    'plain links and inline styles',
    '<p style="color:#123">Klik <a href="https://kieskluis.example/f/intrekken/t">hier</a>.</p>',
  ],
  ['embedded data: image', '<img alt="logo" src="data:image/png;base64,iVBORw0KGgo=">'],
  ['the word "link" and "script" in text', '<p>Deze link werkt zonder script.</p>'],
];

describe('R-69 mail HTML guard', () => {
  it.each(REFUSED)('R-69: refuses %s', (_what, html) => {
    expect(trackingFindings(html).length).toBeGreaterThan(0);
    expect(() => assertNoTracking(html)).toThrow(expect.objectContaining({ code: 'TRACKING_NOT_ALLOWED' }));
  });

  it.each(ALLOWED)('R-69: allows %s', (_what, html) => {
    expect(trackingFindings(html)).toEqual([]);
    expect(() => assertNoTracking(html)).not.toThrow();
  });

  it('R-69: the mailer refuses such a mail before queueing it, and nothing is written', async () => {
    const k = await testKernel('pglite');
    try {
      const mailer = k.kernel.mail as Mailer;
      await expect(
        k.kernel.db.transaction((tx) =>
          mailer.queue(
            tx,
            {
              to: 'a@example.invalid',
              subject: 'Nieuwsbrief',
              text: 'Hoi',
              html: '<p>Hoi</p><img src="https://tracker.example/open.gif?r=a@example.invalid">',
              kind: 'consent.receipt',
            },
            new Date(),
          ),
        ),
      ).rejects.toMatchObject({
        code: 'TRACKING_NOT_ALLOWED',
        details: { found: ['remote image', '<img> without an embedded (cid:/data:) source'] },
      });
      const { rows } = await k.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await k.close();
    }
  });
});
