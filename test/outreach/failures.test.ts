/**
 * Campaign mail when SMTP goes wrong, on both engines, against a real SMTP server on loopback: a server
 * that refuses (5xx) leaves every message `failed` with the answer, none skipped silently; a server that
 * vanishes mid-send leaves the message whose data went out `in_doubt` (never resent automatically) and
 * the rest retried after back-off; a process that stopped mid-hand-off leaves its message `in_doubt`;
 * an operator's explicit resend sends it once more with the same Message-ID. The throttle holds a
 * message back until its minute.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_FLUSH_INTERVAL_MS } from '../../src/mail/mailer.js';
import { setUpWorld } from '../audiences/fixture.js';
import { signIn } from '../server/helpers.js';
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

describe.each(engines())('campaign mail when SMTP fails on %s', (engine) => {
  const smtp = new FlakySmtp();
  let t: TestApp;
  let admin: Client;
  let templateId: string;

  /** A fresh audience of two includable persons (the audience world's consented persons). */
  const newCampaign = async (over: Record<string, unknown> = {}) => {
    // The tests move the clock on; a fresh session each time.
    admin = await signIn(t, 'beheer');
    const w = await setUpWorld(t);
    const activityId = await emailActivity(t, w);
    const audienceId = await createAudience(admin, activityId, w.tagId);
    const c = await createCampaign(admin, audienceId, templateId, over);
    expect(c.includedCount).toBe(2);
    return c.campaign.id;
  };
  const outboxOf = async (campaignId: string) =>
    (
      await t.kernel.db.query<{ id: string; status: string; last_error: string | null; cm: string }>(
        `SELECT o.id, o.status, o.last_error, o.campaign_message_id AS cm FROM mail_outbox o
           JOIN campaign_messages m ON m.id = o.campaign_message_id WHERE m.campaign_id = $1 ORDER BY o.seq`,
        [campaignId],
      )
    ).rows;
  const receivedFor = (ids: string[]) =>
    smtp.received.filter((m) => ids.some((id) => (header(m.raw, 'Message-ID') ?? '').includes(id)));

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(engine, { overrides: { SMTP_URL: smtp.url } });
    admin = await signIn(t, 'beheer');
    templateId = await createTemplate(admin);
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });
  afterEach(async () => {
    smtp.refuseAll = false;
    smtp.vanishAt(null);
    if (!(await reachable())) await smtp.start();
  });
  const reachable = async () => {
    const net = await import('node:net');
    return new Promise<boolean>((resolve) => {
      const s = net.connect(smtp.port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
  };

  it('a server that refuses (554): every message failed with the answer, nothing sent, nothing skipped', async () => {
    smtp.refuseAll = true;
    const id = await newCampaign();
    await send(t, admin, id);
    await mailer(t).deliver();
    const rows = await outboxOf(id);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows[0]!.last_error).toContain('554');
    expect(receivedFor(rows.map((r) => r.cm))).toHaveLength(0);
    const r = await report(admin, id);
    expect(r.byStatus).toMatchObject({ failed: 2, sent: 0, pending: 0, queued: 0 });
    // A permanent refusal is not retried.
    t.clock.advance(24 * 3600_000);
    expect((await mailer(t).deliver()).sent).toBe(0);
  });

  it('a server that vanishes mid-send: that message in doubt (not resent), the other retried; resend only by an operator', async () => {
    smtp.vanishAt(1);
    const id = await newCampaign();
    await send(t, admin, id);
    let rows = await outboxOf(id);
    expect(rows.map((r) => r.status).sort()).toEqual(['in_doubt', 'queued']);
    // The server is back; the untried message goes after its back-off, the one in doubt does not.
    if (!(await reachable())) await smtp.start();
    t.clock.advance(MAIL_FLUSH_INTERVAL_MS * 3);
    await mailer(t).deliver();
    await mailer(t).deliver();
    rows = await outboxOf(id);
    expect(rows.map((r) => r.status).sort()).toEqual(['in_doubt', 'sent']);
    const doubtful = rows.find((r) => r.status === 'in_doubt')!;
    expect(receivedFor([doubtful.cm])).toHaveLength(0);
    const r = await report(admin, id);
    expect(r.byStatus).toMatchObject({ sent: 1, in_doubt: 1, pending: 0, queued: 0 });
    expect(r.inDoubt).toEqual([expect.objectContaining({ id: doubtful.cm })]);

    // Only an explicit resend sends it again, with the same Message-ID.
    const notAllowed = await admin.request(
      'POST',
      `/api/v1/campaigns/${id}/messages/${rows.find((x) => x.status === 'sent')!.cm}/resend`,
    );
    expect(notAllowed.statusCode).toBe(409);
    const resend = await admin.request('POST', `/api/v1/campaigns/${id}/messages/${doubtful.cm}/resend`);
    expect(resend.statusCode, resend.body).toBe(200);
    await mailer(t).deliver();
    const got = receivedFor([doubtful.cm]);
    expect(got).toHaveLength(1);
    expect(header(got[0]!.raw, 'Message-ID')).toContain(doubtful.cm);
    expect((await report(admin, id)).byStatus).toMatchObject({ sent: 2, in_doubt: 0 });
  });

  it('a process that stopped mid-hand-off leaves its message in doubt; the throttle holds messages to their minute', async () => {
    const id = await newCampaign({ throttlePerMinute: 1 });
    await send(t, admin, id);
    let rows = await outboxOf(id);
    // One per minute: the first went at once, the second waits for the next minute.
    expect(rows.map((r) => r.status)).toEqual(['sent', 'queued']);
    // A process claimed the second, marked it `sending`, and died before it knew the outcome.
    const now = t.clock.now();
    await t.kernel.db.query(`UPDATE mail_outbox SET status = 'sending', claimed_until = $2 WHERE id = $1`, [
      rows[1]!.id,
      new Date(now.getTime() + 60_000),
    ]);
    await t.kernel.db.query(`UPDATE campaign_messages SET status = 'sending' WHERE id = $1`, [rows[1]!.cm]);
    // While its lease runs, nothing happens; after it, the message is in doubt and not sent.
    await mailer(t).deliver();
    expect((await outboxOf(id))[1]!.status).toBe('sending');
    t.clock.advance(10 * 60_000);
    await mailer(t).deliver();
    rows = await outboxOf(id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'in_doubt']);
    expect(receivedFor([rows[1]!.cm])).toHaveLength(0);
    const r = await report(admin, id);
    expect(r.byStatus).toMatchObject({ sent: 1, in_doubt: 1 });
    expect(r.campaign.status).toBe('sent');
  });
});
