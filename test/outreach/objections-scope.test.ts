/**
 * Objections and scope on both engines: an objection by the page's button (channel LINK) cancels the
 * person's campaign mail still waiting in the outbox (R-27: queued messages are cancelled), excluded
 * with OBJECTED; staff record an objection received by phone; a candidate sees and uses only campaigns
 * within their own scope (404 across scopes, R-63).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailOutboxRepo } from '../../src/storage/mail-outbox-repo.js';
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
import { FlakySmtp } from './flaky-smtp.js';

describe.each(engines())('campaign objections and scope on %s', (engine) => {
  const smtp = new FlakySmtp();
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;
  let candidate: Client;
  let activityId: string;
  let audienceId: string;
  let templateId: string;

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(engine, { overrides: { SMTP_URL: smtp.url } });
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
    candidate = await signIn(t, 'kandidaat');
    activityId = await emailActivity(t, w);
    audienceId = await createAudience(admin, activityId, w.tagId);
    templateId = await createTemplate(admin);
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('R-27: an objection cancels the campaign mail still waiting in the outbox', async () => {
    const c = await createCampaign(admin, audienceId, templateId, { throttlePerMinute: 1 });
    await send(t, admin, c.campaign.id);
    const rows = (
      await t.kernel.db.query<{ id: string; status: string; person_id: string }>(
        `SELECT o.id, o.status, m.person_id FROM mail_outbox o JOIN campaign_messages m ON m.id = o.campaign_message_id
          WHERE m.campaign_id = $1 ORDER BY o.seq`,
        [c.campaign.id],
      )
    ).rows;
    expect(rows.map((r) => r.status)).toEqual(['sent', 'queued']);
    const waiting = (await new MailOutboxRepo(t.kernel.keyring).get(t.kernel.db, rows[1]!.id))!;
    const path = /\/f\/bezwaar\/[A-Za-z0-9_-]{43}/.exec(waiting.text)![0];
    const seq = await auditHead(t);
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'bezwaar=ja',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Uw bezwaar is vastgelegd');
    const o = await t.kernel.db.query<{ channel: string }>(
      `SELECT channel FROM person_objections WHERE person_id = $1`,
      [rows[1]!.person_id],
    );
    expect(o.rows).toEqual([{ channel: 'LINK' }]);
    const audit = await auditSince(t, seq, 'outreach.objection_recorded');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({ channel: 'LINK', cancelledMessages: 1 });
    expect(audit[0]!.payload).not.toMatch(/@|Doelgroeptest/);
    // Its minute comes; nothing goes out.
    t.clock.advance(5 * 60_000);
    await mailer(t).deliver();
    const after = await t.kernel.db.query<{ status: string }>(
      'SELECT status FROM mail_outbox WHERE id = $1',
      [rows[1]!.id],
    );
    expect(after.rows[0]!.status).toBe('cancelled');
    admin = await signIn(t, 'beheer');
    const r = await report(admin, c.campaign.id);
    expect(r.byStatus).toMatchObject({ sent: 1, excluded: 1, queued: 0 });
    expect(r.byReason).toEqual({ OBJECTED: 1 });
  });

  it('R-27: staff record an objection received by phone; repeating it changes nothing', async () => {
    admin = await signIn(t, 'beheer');
    const first = await admin.request('POST', `/api/v1/persons/${w.member}/objections`, {
      body: { channel: 'PHONE' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().created).toBe(true);
    const again = await admin.request('POST', `/api/v1/persons/${w.member}/objections`, {
      body: { channel: 'PHONE' },
    });
    expect(again.json()).toEqual({ objectionId: first.json().objectionId, created: false });
    expect(await count(`person_objections WHERE person_id = $1`, [w.member])).toBe(1);
    const team = await signIn(t, 'team');
    const refused = await team.request('POST', `/api/v1/persons/${w.member}/objections`, {
      body: { channel: 'PHONE' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('R-63: a candidate sees only campaigns within their scope; another scope is 404', async () => {
    admin = await signIn(t, 'beheer');
    candidate = await signIn(t, 'kandidaat');
    const party = await createCampaign(admin, audienceId, templateId);
    const list = await candidate.request('GET', '/api/v1/campaigns');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(party.campaign.id);
    const rep = await candidate.request('GET', `/api/v1/campaigns/${party.campaign.id}/report`);
    expect(rep.statusCode).toBe(404);
    const sendIt = await candidate.request('POST', `/api/v1/campaigns/${party.campaign.id}/send`);
    expect(sendIt.statusCode).toBe(404);
    const onParty = await candidate.request('POST', '/api/v1/campaigns', {
      body: { name: 'Stiekem', audienceId, templateId, languageRule: 'nl' },
    });
    expect(onParty.statusCode).toBe(404);
    // The candidate's own audience: only their persons.
    const own = await createAudience(candidate, activityId, w.tagId);
    const mine = await createCampaign(candidate, own, templateId);
    // (one person of the candidate; the first test's objector may be that person)
    expect(mine.includedCount + (mine.excluded.OBJECTED ?? 0)).toBe(1);
    const mineList = await candidate.request('GET', '/api/v1/campaigns');
    expect(mineList.json().items.map((c: { id: string }) => c.id)).toContain(mine.campaign.id);
  });
});
