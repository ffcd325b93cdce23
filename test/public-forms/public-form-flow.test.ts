/**
 * The public consent form end to end over HTTP, on both engines (R-13… ): the hosted page
 * (unticked box per purpose with the exact text, consent block apart, controller named, strict CSP, no
 * framing except the embed, English), sending it (double opt-in mail in the outbox), confirming by POST
 * only (GET changes nothing), the receipt with a withdrawal link, one-click withdrawal, and a double post
 * that records one consent per purpose. Bad input: public-form-bad-input.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_MIN_FILL_MS } from '../../src/server/public/form-token.js';
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

describe.each(engines())('public consent form (%s)', (engine) => {
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

  it('renders the hosted form in Dutch: controller, privacy notice, unticked box per purpose with its exact text, consent block apart (R-13, R-15, R-17, R-19)', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/f/${form.slug}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    const html = r.body;
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Doe mee met de Polder');
    expect(html).toContain('Partij voor de Polder (fictief)');
    expect(html).toContain('href="https://polder.invalid/privacy"');
    // One unticked checkbox per purpose, each with the text of its version.
    const boxes = html.match(/<input type="checkbox"[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(2);
    for (const b of boxes) expect(b).not.toMatch(/\bchecked\b/);
    expect(html).toContain(`value="${form.news}"`);
    expect(html).toContain(`value="${form.volunteer}"`);
    expect(html).toContain(
      'mag vastleggen dat ik de partij steun en mij daarom campagnenieuws per e-mail sturen.',
    );
    expect(html).toContain('Verwerkingsverantwoordelijke: Partij voor de Polder (fictief)');
    // The consent block is its own fieldset, after the person's details.
    const consent = html.indexOf('<fieldset class="kk-consent">');
    expect(consent).toBeGreaterThan(html.indexOf('<legend>Je gegevens</legend>'));
    expect(html.slice(consent)).toContain('<legend>Waarvoor geef je toestemming?</legend>');
    expect(html.slice(consent)).toMatch(/altijd weer intrekken/);
    // Birth year and the guardian fields; labels for every field.
    for (const id of [
      'f-firstName',
      'f-lastName',
      'f-email',
      'f-birthYear',
      'f-guardianName',
      'f-guardianEmail',
    ]) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toContain(`id="${id}"`);
    }
    // The honeypot and the signed form token.
    expect(html).toMatch(/<div class="kk-hp" aria-hidden="true">/);
    expect(formTokenOf(r)).toMatch(/^v1\./);
  });

  it('serves a strict CSP with no other origin, no cookies and no framing; the style sheet is our own (R-67)', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/f/${form.slug}` });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.body).not.toMatch(/<script|style="|<img/);
    expect(r.body).toContain('<link rel="stylesheet" href="/f/assets/public.css">');
    const css = await t.app.inject({ method: 'GET', url: '/f/assets/public.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).not.toMatch(/@import|url\(/);
  });

  it('?embed=1 may be framed by any site; the hosted page and other pages may not', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/f/${form.slug}?embed=1` });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(r.headers['x-frame-options']).toBeUndefined();
    expect(r.body).toContain(`action="/f/${form.slug}?embed=1"`);
    const confirm = await t.app.inject({ method: 'GET', url: `/f/bevestigen/${'x'.repeat(43)}?embed=1` });
    expect(String(confirm.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('?lang=en renders the English page and texts', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/f/${form.slug}?lang=en` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<html lang="en">');
    expect(r.body).toContain('Join the Polder');
    expect(r.body).toContain('send me campaign news by e-mail');
    expect(r.body).toContain('What do you consent to?');
    expect(r.body).toContain(`action="/f/${form.slug}?lang=en"`);
    expect(r.body).toMatch(/href="\/f\/doe-mee" lang="nl" hreflang="nl">Nederlands</);
  });

  it('full flow: send → confirmation mail in the outbox → GET shows a button and changes nothing → POST confirms with a receipt → withdraw with one click', async () => {
    const before = await records();
    const ip = nextIp();
    const { res } = await submit(
      {
        firstName: 'Jan',
        lastName: 'Jansen',
        email: 'jan.flow@example.invalid',
        birthYear: '1980',
        purpose: [form.news, form.volunteer],
      },
      { ip },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Bijna klaar: kijk in je mail');
    expect(await records()).toBe(before + 2);
    // The IP is kept only as a keyed hash (never raw).
    const { rows: ipRows } = await t.kernel.db.query<{ ip_hash: string | null }>(
      'SELECT ip_hash FROM consent_records ORDER BY created_at DESC LIMIT 2',
    );
    for (const row of ipRows) {
      expect(row.ip_hash).toBe(t.kernel.keyring.blindIndex('ip', ip));
      expect(row.ip_hash).not.toContain(ip);
    }

    const mail = (await outbox(t)).filter((m) => m.to === 'jan.flow@example.invalid');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: 'consent.confirm', status: 'held' });
    const confirmPath = linkPath(mail[0]!.text, 'bevestigen');

    // A mail scanner opening the link confirms nothing (the demo party has confirmed consents of its own).
    const confirmedSql = 'SELECT count(*)::int AS n FROM consent_records WHERE confirmed_at IS NOT NULL';
    const confirmedBefore = await count(confirmedSql);
    const get = await t.app.inject({ method: 'GET', url: confirmPath });
    expect(get.statusCode).toBe(200);
    expect(get.body).toContain('<button type="submit">Bevestigen</button>');
    expect(await count(confirmedSql)).toBe(confirmedBefore);

    const confirmed = await post(t, confirmPath, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.body).toContain('Bedankt: je toestemming is bevestigd');
    expect(confirmed.body).toContain('Je ontvangstbewijs');
    expect(confirmed.body).toContain('Campagnenieuws doe-mee');
    expect(await count(confirmedSql)).toBe(confirmedBefore + 2);
    // Confirming twice is harmless.
    const again = await post(t, confirmPath, {});
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('al bevestigd');

    // The receipt mail carries the one-click withdrawal links.
    const receipt = (await outbox(t)).filter(
      (m) => m.to === 'jan.flow@example.invalid' && m.kind === 'consent.receipt',
    );
    expect(receipt).toHaveLength(1);
    const withdrawPath = linkPath(receipt[0]!.text, 'intrekken');
    const page = await t.app.inject({ method: 'GET', url: withdrawPath });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('Toestemming intrekken');
    const purposeId = /<input type="hidden" name="purpose" value="([^"]+)">/.exec(page.body)![1]!;
    expect([form.news, form.volunteer]).toContain(purposeId);
    const withdrawnSql =
      'SELECT count(*)::int AS n FROM consent_records WHERE withdrawn_at IS NOT NULL AND withdrawal_channel = $1';
    const withdrawnBefore = await count(withdrawnSql, ['LINK']);
    const done = await post(t, withdrawPath, { purpose: purposeId });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Je toestemming is ingetrokken');
    expect(done.body).toContain(
      purposeId === form.news ? 'Campagnenieuws doe-mee' : 'Vrijwilligerswerk doe-mee',
    );
    expect(await count(withdrawnSql, ['LINK'])).toBe(withdrawnBefore + 1);
  });

  it('the receipt page links to withdrawal, which lists each purpose with its own button and then shows it withdrawn (R-16)', async () => {
    const { res } = await submit(
      { firstName: 'Kim', email: 'kim.receipt@example.invalid', purpose: [form.news, form.volunteer] },
      { ip: nextIp() },
    );
    expect(res.statusCode).toBe(200);
    const mail = (await outbox(t)).find((m) => m.to === 'kim.receipt@example.invalid')!;
    const confirmed = await post(t, linkPath(mail.text, 'bevestigen'), {});
    const m = /href="(\/f\/intrekken\/[A-Za-z0-9_-]+)"/.exec(confirmed.body);
    expect(m, confirmed.body).not.toBeNull();
    const list = await t.app.inject({ method: 'GET', url: m![1]! });
    expect((list.body.match(/<button type="submit" aria-label="Intrekken: /g) ?? []).length).toBe(2);
    expect(list.body).toContain('Alles intrekken');
    const all = await post(t, m![1]!, { purpose: 'all' });
    expect(all.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: m![1]! });
    expect((after.body.match(/class="kk-done">Ingetrokken</g) ?? []).length).toBe(2);
    expect(after.body).toContain('Je hebt al je toestemmingen ingetrokken.');
  });

  it('the same form posted twice records one consent per purpose and answers the same', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/f/${form.slug}` });
    t.clock.advance(FORM_MIN_FILL_MS + 1_000);
    const fields = {
      formToken: formTokenOf(page),
      website: '',
      firstName: 'Piet',
      email: 'piet.twice@example.invalid',
      purpose: [form.news, form.volunteer],
    };
    const before = await records();
    const mailsBefore = await mails();
    const first = await post(t, `/f/${form.slug}`, fields);
    const second = await post(t, `/f/${form.slug}`, fields);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Bijna klaar: kijk in je mail');
    expect(await records()).toBe(before + 2);
    expect(await mails()).toBe(mailsBefore + 1);
  });
});
