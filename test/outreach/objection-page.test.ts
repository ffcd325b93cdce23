/**
 * The public objection page (`/f/bezwaar/:token`, R-27) on both engines works without JavaScript and
 * follows the rules of the other public pages: no scripts, no inline styles, no images, our own
 * style sheet only, a CSP that names no other origin, no framing, no cookies. The button is a plain HTML
 * form POST; a mail client's RFC 8058 one-click POST (urlencoded or multipart, no CSRF token, no cookie)
 * records the objection at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectionsRepo } from '../../src/storage/objections-repo.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

describe.each(engines())('the objection page on %s', (engine) => {
  let t: TestApp;
  const persons: string[] = [];

  const link = async () => {
    const personId = persons.shift()!;
    return { personId, token: await objectionsRepo.createLink(t.kernel.db, personId, null, t.clock.now()) };
  };
  const objections = async (personId: string) =>
    (
      await t.kernel.db.query<{ channel: string }>(
        'SELECT channel FROM person_objections WHERE person_id = $1',
        [personId],
      )
    ).rows.map((r) => r.channel);

  beforeAll(async () => {
    t = await startTestApp(engine);
    const { rows } = await t.kernel.db.query<{ id: string }>(
      `SELECT p.id FROM persons p WHERE p.email_enc IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM person_objections o WHERE o.person_id = p.id) ORDER BY p.id LIMIT 3`,
    );
    persons.push(...rows.map((r) => r.id));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-27, R-67: the page needs no JavaScript and loads nothing from another origin; GET writes nothing', async () => {
    const { personId, token } = await link();
    for (const lang of ['', '?lang=en']) {
      const r = await t.app.inject({ method: 'GET', url: `/f/bezwaar/${token}${lang}` });
      expect(r.statusCode, r.body).toBe(200);
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:|\*|script-src/);
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.body).not.toMatch(/<script|<img|<iframe|style="|\son[a-z]+=|javascript:/i);
      // Every URL on the page is our own (relative): no CDN, font, captcha or analytics.
      for (const m of r.body.matchAll(/(?:href|src|action)="([^"]*)"/g))
        expect(m[1]).toMatch(/^(?:\/(?!\/)|#)/);
      expect(r.body).toMatch(new RegExp(`<form method="post" action="/f/bezwaar/${token}[^"]*">`));
      expect(r.body).toContain('<button type="submit">');
    }
    expect(await objections(personId)).toEqual([]);
  });

  it('R-27: the button is a plain form POST (no JavaScript, no CSRF token needed): recorded at once', async () => {
    const { personId, token } = await link();
    const r = await t.app.inject({
      method: 'POST',
      url: `/f/bezwaar/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'bezwaar=ja',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).toContain('Uw bezwaar is vastgelegd');
    expect(r.body).not.toMatch(/<script/);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(await objections(personId)).toEqual(['LINK']);
  });

  it('R-27: the RFC 8058 one-click POST as multipart/form-data, without cookie or token', async () => {
    const { personId, token } = await link();
    const boundary = 'kkboundary';
    const r = await t.app.inject({
      method: 'POST',
      url: `/f/bezwaar/${token}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await objections(personId)).toEqual(['LIST_UNSUBSCRIBE']);
  });
});
