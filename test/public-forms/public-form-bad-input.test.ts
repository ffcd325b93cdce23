/**
 * Bad input on the public consent pages, on both engines: an expired or tampered link, the honeypot, a
 * too-fast, altered, foreign or day-old form token, a bad e-mail, nothing ticked, an under-16 without a
 * guardian, an unknown page, a JSON body and a flood from one address. Each is a friendly page in
 * Dutch or English with its code and a 4xx status — never a stack trace or a 500 — and nothing is
 * written where nothing may be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_MIN_FILL_MS, FORM_TOKEN_MAX_AGE_MS } from '../../src/server/public/form-token.js';
import type { TestApp } from '../support/app.js';
import { startTestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  countRows,
  countSql,
  type FixtureForm,
  formTokenOf,
  linkPath,
  nextIp,
  outbox,
  post,
  publishFixtureForm,
  submitForm,
} from './fixture.js';

const DAY = 24 * 3600_000;

describe.each(engines())('public consent form, bad input (%s)', (engine) => {
  let t: TestApp;
  let form: FixtureForm;
  const records = () => countRows(t, 'consent_records');
  const mails = () => countRows(t, 'mail_outbox');
  const count = (sql: string, params: unknown[] = []) => countSql(t, sql, params);
  const submit = (fields: Record<string, string | string[]>, opts: { ip?: string; query?: string } = {}) =>
    submitForm(t, form, fields, opts);

  beforeAll(async () => {
    t = await startTestApp(engine);
    form = await publishFixtureForm(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('an expired confirmation link gives a friendly 4xx page with CONFIRMATION_EXPIRED, in English too', async () => {
    await submit(
      { firstName: 'Els', email: 'els.expired@example.invalid', purpose: form.volunteer },
      { ip: nextIp() },
    );
    const mail = (await outbox(t)).find((m) => m.to === 'els.expired@example.invalid')!;
    t.clock.advance(15 * DAY);
    const r = await post(t, `${linkPath(mail.text, 'bevestigen')}?lang=en`, {});
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toContain('<html lang="en">');
    expect(r.body).toContain('CONFIRMATION_EXPIRED');
    expect(r.body).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('a tampered confirmation or withdrawal link gives a 4xx page with LINK_INVALID and changes nothing', async () => {
    const before = await count(
      'SELECT count(*)::int AS n FROM consent_records WHERE confirmed_at IS NOT NULL OR withdrawn_at IS NOT NULL',
    );
    for (const [method, url] of [
      ['POST', `/f/bevestigen/${'A'.repeat(43)}`],
      ['POST', '/f/bevestigen/kort'],
      ['GET', '/f/bevestigen/kort'],
      ['GET', `/f/intrekken/${'B'.repeat(43)}`],
      ['POST', `/f/intrekken/${'B'.repeat(43)}`],
      ['GET', '/f/intrekken/%3Cscript%3E'],
    ] as const) {
      const r =
        method === 'GET' ? await t.app.inject({ method, url }) : await post(t, url, { purpose: 'all' });
      expect(r.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expect(r.body).toContain('LINK_INVALID');
      expect(r.body).toContain('Dat lukte niet');
      expect(r.body).not.toContain('<script>');
    }
    expect(
      await count(
        'SELECT count(*)::int AS n FROM consent_records WHERE confirmed_at IS NOT NULL OR withdrawn_at IS NOT NULL',
      ),
    ).toBe(before);
  });

  it('a filled honeypot is refused before anything is written (FORM_REJECTED)', async () => {
    const before = [await records(), await mails()];
    const { res } = await submit(
      { firstName: 'Bot', email: 'bot@example.invalid', purpose: form.news, website: 'https://spam.invalid' },
      { ip: nextIp() },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('FORM_REJECTED');
    expect([await records(), await mails()]).toEqual(before);
  });

  it('the form token: too fast, altered, for another form or older than a day is refused with nothing written', async () => {
    const before = [await records(), await mails()];
    const fields = { website: '', firstName: 'Snel', email: 'snel@example.invalid', purpose: form.news };
    const page = await t.app.inject({ method: 'GET', url: `/f/${form.slug}` });
    const token = formTokenOf(page);
    const fast = await post(t, `/f/${form.slug}`, { ...fields, formToken: token });
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('FORM_SUBMITTED_TOO_FAST');
    t.clock.advance(FORM_MIN_FILL_MS + 1_000);
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await post(t, `/f/${form.slug}`, { ...fields, formToken: altered })).body).toContain(
      'FORM_TOKEN_INVALID',
    );
    expect((await post(t, `/f/${form.slug}`, { ...fields })).body).toContain('FORM_TOKEN_INVALID');
    const other = await publishFixtureForm(t, 'ander-formulier');
    expect((await post(t, `/f/${other.slug}`, { ...fields, formToken: token })).body).toContain(
      'FORM_TOKEN_INVALID',
    );
    t.clock.advance(FORM_TOKEN_MAX_AGE_MS);
    const old = await post(t, `/f/${form.slug}`, { ...fields, formToken: token });
    expect(old.statusCode).toBe(400);
    expect(old.body).toContain('FORM_TOKEN_EXPIRED');
    expect([await records(), await mails()]).toEqual(before);
  });

  it('a bad e-mail address shows the error next to the field, linked from the summary, keeps what was typed, and writes nothing', async () => {
    const before = [await records(), await mails()];
    const { res } = await submit(
      { firstName: 'Anna', lastName: 'de Boer', email: 'anna@@example', purpose: form.volunteer },
      { ip: nextIp() },
    );
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('Controleer het formulier');
    expect(html).toContain('<a href="#f-email">Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.</a>');
    expect(html).toContain('<span class="kk-error" id="f-email-error">');
    expect(html).toMatch(
      /id="f-email" name="email" value="anna@@example"[^>]*aria-describedby="f-email-hint f-email-error"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain('value="de Boer"');
    // What the person ticked stays ticked; the other box stays unticked.
    expect(html).toMatch(new RegExp(`value="${form.volunteer}" checked`));
    expect(html).not.toMatch(new RegExp(`value="${form.news}" checked`));
    expect([await records(), await mails()]).toEqual(before);
  });

  it('nothing ticked, or no first name: every problem is listed at once', async () => {
    const { res } = await submit({ firstName: '', email: 'leeg@example.invalid' }, { ip: nextIp() });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#f-firstName">');
    expect(res.body).toContain('<a href="#p-0">');
  });

  it('under 16 (R-19): the guardian fields are required; with them the mail goes to the guardian', async () => {
    const year = t.clock.now().getUTCFullYear() - 12;
    const missing = await submit(
      {
        firstName: 'Sam',
        email: 'sam.kind@example.invalid',
        birthYear: String(year),
        purpose: form.volunteer,
      },
      { ip: nextIp() },
    );
    expect(missing.res.statusCode).toBe(400);
    expect(missing.res.body).toContain('<a href="#f-guardianName">');
    expect(missing.res.body).toContain('<a href="#f-guardianEmail">');
    const ok = await submit(
      {
        firstName: 'Sam',
        email: 'sam.kind@example.invalid',
        birthYear: String(year),
        guardianName: 'Mira Kind',
        guardianEmail: 'mira.kind@example.invalid',
        purpose: form.volunteer,
      },
      { ip: nextIp() },
    );
    expect(ok.res.statusCode, ok.res.body).toBe(200);
    expect(ok.res.body).toContain('ouder of voogd een e-mail gestuurd');
    const mail = (await outbox(t)).filter((m) => m.to === 'mira.kind@example.invalid');
    expect(mail).toHaveLength(1);
    expect((await outbox(t)).filter((m) => m.to === 'sam.kind@example.invalid')).toHaveLength(0);
  });

  it('an unknown form is a 404 page; a JSON body is a 415 page; nothing is a 500', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/f/bestaat-niet' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('Deze pagina bestaat niet');
    for (const url of ['/f/a/b/c', '/f/bevestigen/', '/f/intrekken']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(String(r.headers['content-security-policy'])).toContain("default-src 'none'");
    }
    const weird = await t.app.inject({ method: 'GET', url: '/f/%E0%A4%A' });
    expect(weird.statusCode).toBeGreaterThanOrEqual(400);
    expect(weird.statusCode).toBeLessThan(500);
    const json = await t.app.inject({
      method: 'POST',
      url: `/f/${form.slug}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ firstName: 'x' }),
    });
    expect(json.statusCode).toBe(415);
    expect(json.body).toContain('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a flood of posts from one address is stopped by the per-IP rate limit with a 429 page', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < t.kernel.config.publicFormRateLimitPerMinute + 1; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/f/${form.slug}`,
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'website=spam',
      });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(r.body).toContain('RATE_LIMITED');
        expect(r.headers['content-type']).toMatch(/^text\/html/);
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
  });
});
