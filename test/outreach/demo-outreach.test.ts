/**
 * The demo's outreach on both engines: a Dutch and English template with the transparency block and the
 * objection link (R-26, R-27, no tracking R-69), and a draft campaign to the member newsletter audience
 * with a frozen snapshot, so the report screen has something to show. Nothing is sent or queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTemplate } from '../../src/domain/outreach/templates.js';
import { DEMO_TEMPLATE } from '../../src/usecases/demo/demo-outreach.js';
import { signIn } from '../server/helpers.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { report } from './fixture.js';

describe.each(engines())('demo outreach on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-26, R-27, R-69: the demo template passes the template checks in both languages', () => {
    expect(DEMO_TEMPLATE.en).not.toBeNull();
    expect(checkTemplate(DEMO_TEMPLATE)).toEqual([]);
  });

  it('loads a draft campaign to the member newsletter audience; nothing is sent', async () => {
    const admin = await signIn(t, 'beheer');
    const list = await admin.request('GET', '/api/v1/campaigns');
    expect(list.statusCode, list.body).toBe(200);
    const demo = list
      .json()
      .items.find((c: { name: string }) => c.name === 'Ledennieuwsbrief (demo, concept)') as
      | { id: string; status: string }
      | undefined;
    expect(demo?.status).toBe('draft');
    const r = await report(admin, demo!.id);
    expect(r.campaign.status).toBe('draft');
    // One pending message per member of the frozen snapshot (who is in it is the gate's business: members
    // need the e-mail permission of R-70, see the demo's member channel setting).
    const snap = await t.kernel.db.query<{ n: number }>(
      `SELECT s.included_count AS n FROM campaigns c JOIN audience_snapshots s ON s.id = c.snapshot_id WHERE c.id = $1`,
      [demo!.id],
    );
    expect(r.byStatus.pending).toBe(Number(snap.rows[0]!.n));
    expect(r.byStatus).toMatchObject({ queued: 0, sent: 0, held: 0 });
    const mail = await t.kernel.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'outreach.campaign'`,
    );
    expect(mail.rows[0]!.n).toBe(0);
    // The preview renders the transparency block for one recipient (or names why they would be excluded).
    const preview = await admin.request('GET', `/api/v1/campaigns/${demo!.id}/preview`);
    if (r.byStatus.pending === 0) {
      expect(preview.statusCode, preview.body).toBe(404);
      return;
    }
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as { excluded: boolean; message: { text: string } | null };
    if (!p.excluded) expect(p.message?.text).toContain('/f/bezwaar/');
  });
});
