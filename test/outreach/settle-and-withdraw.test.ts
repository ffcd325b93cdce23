/**
 * A campaign's status is honest without anyone reading its report, on both engines: the mailer's pass that
 * delivers the last throttled message settles the campaign (`sent`, audited once); a consent withdrawal
 * made while a throttled message waits in the outbox cancels it in the same transaction, excluded
 * with CONSENT_WITHDRAWN in the report; and without an SMTP server (the embedded demo) a campaign finishes
 * as `held`, never left `sending`.
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
  mailer,
  report,
  send,
} from './fixture.js';
import { FlakySmtp, header } from './flaky-smtp.js';

const statusOf = async (t: TestApp, id: string) =>
  (await t.kernel.db.query<{ status: string }>('SELECT status FROM campaigns WHERE id = $1', [id])).rows[0]!
    .status;

const outbox = async (t: TestApp, campaignId: string) =>
  (
    await t.kernel.db.query<{ id: string; status: string; person_id: string; message_status: string }>(
      `SELECT o.id, o.status, m.person_id, m.status AS message_status
         FROM mail_outbox o JOIN campaign_messages m ON m.id = o.campaign_message_id
        WHERE m.campaign_id = $1 ORDER BY o.seq`,
      [campaignId],
    )
  ).rows;

describe.each(engines())('campaign settlement and withdrawal on %s', (engine) => {
  const smtp = new FlakySmtp();
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;
  let audienceId: string;
  let templateId: string;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(engine, { overrides: { SMTP_URL: smtp.url } });
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
    const activityId = await emailActivity(t, w);
    audienceId = await createAudience(admin, activityId, w.tagId);
    templateId = await createTemplate(admin);
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('the pass that delivers the last throttled message settles the campaign; nobody reads the report', async () => {
    const c = await createCampaign(admin, audienceId, templateId, { throttlePerMinute: 1 });
    const seq = await auditHead(t);
    const before = smtp.received.length;
    await send(t, admin, c.campaign.id);
    expect((await outbox(t, c.campaign.id)).map((r) => r.status)).toEqual(['sent', 'queued']);
    expect(await statusOf(t, c.campaign.id)).toBe('sending');
    t.clock.advance(2 * 60_000);
    await mailer(t).deliver();
    expect((await outbox(t, c.campaign.id)).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(await statusOf(t, c.campaign.id)).toBe('sent');
    // This app's public URL is http (no KIESKLUIS_PUBLIC_URL): List-Unsubscribe yes, but no RFC 8058
    // one-click promise, which needs an HTTPS URI.
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(2);
    for (const m of got) {
      expect(header(m.raw, 'List-Unsubscribe')).toMatch(/^<http:\/\/[^>]+\/f\/bezwaar\/[A-Za-z0-9_-]{43}>$/);
      expect(header(m.raw, 'List-Unsubscribe-Post')).toBeNull();
    }
    const events = await auditSince(t, seq, 'outreach.campaign_sent');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ byStatus: { sent: 2, queued: 0 } });
    // Reading the report afterwards changes nothing and audits no second settlement.
    admin = await signIn(t, 'beheer');
    expect((await report(admin, c.campaign.id)).campaign.status).toBe('sent');
    expect(await auditSince(t, seq, 'outreach.campaign_sent')).toHaveLength(1);
  });

  it('R-16: a withdrawal while a throttled message waits cancels it at once, CONSENT_WITHDRAWN in the report', async () => {
    admin = await signIn(t, 'beheer');
    const c = await createCampaign(admin, audienceId, templateId, { throttlePerMinute: 1 });
    await send(t, admin, c.campaign.id);
    const rows = await outbox(t, c.campaign.id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'queued']);
    const waiting = rows[1]!;
    const received = smtp.received.length;
    const seq = await auditHead(t);
    const res = await admin.request('POST', '/api/v1/consent/withdrawals', {
      body: { personId: waiting.person_id, purposeId: w.cat.campaign, channel: 'PHONE' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // Same transaction: the outbox row is cancelled, the message excluded, the campaign settled.
    const after = await outbox(t, c.campaign.id);
    expect(after[1]).toMatchObject({ status: 'cancelled', message_status: 'excluded' });
    expect(await statusOf(t, c.campaign.id)).toBe('sent');
    const cancelled = await auditSince(t, seq, 'outreach.messages_cancelled');
    expect(cancelled).toHaveLength(1);
    expect(JSON.parse(cancelled[0]!.payload)).toMatchObject({
      campaignId: c.campaign.id,
      cause: 'consent_withdrawn',
      reasons: expect.arrayContaining(['CONSENT_WITHDRAWN']),
    });
    expect(cancelled[0]!.payload).not.toMatch(/@/);
    // Its minute comes: nothing goes out.
    t.clock.advance(5 * 60_000);
    await mailer(t).deliver();
    expect(smtp.received.length).toBe(received);
    const r = await report(admin, c.campaign.id);
    expect(r.byStatus).toMatchObject({ sent: 1, excluded: 1, queued: 0 });
    expect(r.byReason.CONSENT_WITHDRAWN).toBe(1);
  });
});

describe.each(engines())('a campaign without an SMTP server on %s', (engine) => {
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(engine, { overrides: { SMTP_URL: '' } });
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finishes as held (not sending forever): the mail is held in the outbox, audited once', async () => {
    const activityId = await emailActivity(t, w);
    const audienceId = await createAudience(admin, activityId, w.tagId);
    const templateId = await createTemplate(admin);
    const c = await createCampaign(admin, audienceId, templateId);
    const seq = await auditHead(t);
    await send(t, admin, c.campaign.id);
    expect((await outbox(t, c.campaign.id)).map((r) => [r.status, r.message_status])).toEqual([
      ['held', 'held'],
      ['held', 'held'],
    ]);
    expect(await statusOf(t, c.campaign.id)).toBe('held');
    const events = await auditSince(t, seq, 'outreach.campaign_held');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ byStatus: { held: 2 } });
    const r = await report(admin, c.campaign.id);
    expect(r.campaign.status).toBe('held');
    expect(r.byStatus).toMatchObject({ held: 2, queued: 0, sent: 0 });
    // A delivery pass without SMTP changes nothing.
    await mailer(t).deliver();
    expect(await statusOf(t, c.campaign.id)).toBe('held');
  });
});
