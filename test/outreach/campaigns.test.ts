/**
 * E-mail campaigns end to end on both engines, against a real SMTP server on loopback: templates checked
 * a campaign from an audience, each recipient assessed again at send time, the mail
 * with its transparency block and List-Unsubscribe / List-Unsubscribe-Post headers and no tracking, the
 * one-click objection (RFC 8058) recorded at once, and the next campaign excluding the person (OBJECTED).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AudienceWorld, setUpWorld } from '../audiences/fixture.js';
import { auditHead, auditSince, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  createAudience,
  createCampaign,
  createTemplate,
  emailActivity,
  goodTemplate,
  HTML_NL,
  mailer,
  report,
  send,
} from './fixture.js';
import { bodyText, FlakySmtp, header } from './flaky-smtp.js';

describe.each(engines())('e-mail campaigns on %s', (engine) => {
  const smtp = new FlakySmtp();
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;
  let activityId: string;
  let audienceId: string;
  let templateId: string;

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(engine, {
      overrides: { SMTP_URL: smtp.url, KIESKLUIS_PUBLIC_URL: 'https://kieskluis.invalid' },
    });
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
    activityId = await emailActivity(t, w);
    audienceId = await createAudience(admin, activityId, w.tagId);
    templateId = await createTemplate(admin);
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('R-69: a template with a remote image is refused with every reason, and nothing is stored', async () => {
    const before = await count('campaign_templates');
    const bad = goodTemplate();
    bad.content.nl.html = `${HTML_NL.replace('{transparantieblok}', '')}<img src="https://pixel.invalid/o.gif">`;
    const r = await admin.request('POST', '/api/v1/campaign-templates', { body: bad });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().code).toBe('TRANSPARENCY_BLOCK_MISSING');
    expect(r.json().details.reasons).toEqual(['TRANSPARENCY_BLOCK_MISSING', 'TRACKING_NOT_ALLOWED']);
    expect(await count('campaign_templates')).toBe(before);
    const check = await admin.request('POST', '/api/v1/campaign-templates/check', {
      body: { content: bad.content },
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().findings).toContainEqual(
      expect.objectContaining({
        code: 'TRACKING_NOT_ALLOWED',
        detail: 'remote image',
        nl: expect.any(String),
      }),
    );
  });

  it('sends a campaign: transparency block, List-Unsubscribe headers, no tracking; one-click objection; next campaign excludes (R-26, R-27, R-69)', async () => {
    const created = await createCampaign(admin, audienceId, templateId);
    // member, consented, candidate's consented person; objector, withdrawn and bare are out of the snapshot
    // The consented person and the candidate's consented person; the member has no e-mail permission
    // (Tw art 11.7, R-70), the objector, the withdrawn and the bare person are out of the snapshot.
    expect(created.includedCount).toBe(2);
    expect(created.excluded).toMatchObject({ OBJECTED: 1, CONSENT_WITHDRAWN: 1, NO_CHANNEL_PERMISSION: 4 });
    const id = created.campaign.id;

    const preview = await admin.request('GET', `/api/v1/campaigns/${id}/preview?personId=${w.consented}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().message.text).toContain('Herkomst van uw gegevens');

    const seq = await auditHead(t);
    const before = smtp.received.length;
    await send(t, admin, id);
    await mailer(t).deliver(); // the send run flushes after each chunk; this finds nothing left
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(2);
    for (const m of got) {
      const unsub = header(m.raw, 'List-Unsubscribe');
      expect(unsub).toMatch(/^<https:\/\/kieskluis\.invalid\/f\/bezwaar\/[A-Za-z0-9_-]{43}>$/);
      expect(header(m.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(m.raw, 'Message-ID')).toMatch(/^<campaign-message\.[0-9a-f-]{36}@kieskluis\.invalid>$/);
      const body = bodyText(m.raw);
      expect(body).toContain('is verantwoordelijk voor dit bericht');
      expect(body).toContain('Herkomst van uw gegevens');
      expect(body).toContain(unsub!.slice(1, -1));
      expect(body).not.toMatch(/<img|utm_|fbclid|gclid|mc_eid/i);
    }
    const r1 = await report(admin, id);
    expect(r1.byStatus).toMatchObject({ sent: 2, pending: 0, queued: 0, in_doubt: 0 });
    expect(r1.campaign.status).toBe('sent');
    expect(Object.keys(r1.byStatus)).not.toContain('opened');
    expect((await auditSince(t, seq, 'outreach.campaign_sent')).length).toBe(1);

    // Campaign 2 is created before the objection (its snapshot still holds the person)...
    const second = await createCampaign(admin, audienceId, templateId);
    expect(second.includedCount).toBe(2);

    // ...then the person objects with the mail client's one-click POST (no CSRF token, RFC 8058).
    const toMember = got.find((m) => m.to[0]!.startsWith('cor.'))!;
    const url = new URL(header(toMember.raw, 'List-Unsubscribe')!.slice(1, -1));
    const objectionsBefore = await count('person_objections');
    const page = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ik maak bezwaar');
    expect(page.body).not.toContain('<script');
    expect(await count('person_objections')).toBe(objectionsBefore); // GET changes nothing
    const click = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(click.statusCode, click.body).toBe(200);
    const rows = await t.kernel.db.query<{ channel: string }>(
      `SELECT channel FROM person_objections WHERE person_id = $1 AND kind = 'DIRECT_MARKETING'`,
      [w.consented],
    );
    expect(rows.rows).toEqual([{ channel: 'LIST_UNSUBSCRIBE' }]);
    const again = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(again.statusCode).toBe(200);
    expect(await count(`person_objections WHERE person_id = $1`, [w.consented])).toBe(1);
    expect(await count(`suppression WHERE reason = 'OBJECTION_DM'`)).toBeGreaterThan(0);

    // Campaign 2 is sent: the person is excluded at send time with OBJECTED, the others get their mail.
    const before2 = smtp.received.length;
    await send(t, admin, second.campaign.id);
    await mailer(t).deliver();
    expect(smtp.received.slice(before2).map((m) => m.to[0])).not.toContainEqual(
      expect.stringMatching(/^cor\./),
    );
    const r2 = await report(admin, second.campaign.id);
    expect(r2.byStatus).toMatchObject({ sent: 1, excluded: 1 });
    expect(r2.byReason).toEqual({ OBJECTED: 1 });

    // A campaign created now leaves the person out of its snapshot, counted as OBJECTED.
    const third = await createCampaign(admin, audienceId, templateId);
    expect(third.includedCount).toBe(1);
    expect(third.excluded.OBJECTED).toBe(2);
  });

  it('a bad or unknown objection token is a clear 404 page and writes nothing', async () => {
    const before = await count('person_objections');
    for (const path of ['/f/bezwaar/kort', `/f/bezwaar/${'A'.repeat(43)}`]) {
      const g = await t.app.inject({ method: 'GET', url: path });
      expect(g.statusCode).toBe(404);
      expect(g.body).toContain('Deze link werkt niet');
      expect(g.body).toContain('This link does not work');
      const p = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(p.statusCode).toBe(404);
    }
    expect(await count('person_objections')).toBe(before);
  });
});
