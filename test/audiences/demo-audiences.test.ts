/**
 * The demo audiences on both engines: bound to the demo's activities, classified (R-08: "all members" is
 * political; R-79: a whole list keeps the member-communication class) and evaluable through the gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAudiences } from '../../src/usecases/demo/demo-audiences.js';
import { actorOf } from '../consent/fixture.js';
import { signIn } from '../server/helpers.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { activity } from './fixture.js';

describe.each(engines())('demo audiences on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads the demo audiences after the activities and evaluates them', async () => {
    const fg = await actorOf(t, 'fg');
    const existing = (await t.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audiences'))
      .rows[0]!.n;
    if (existing === 0) {
      // the demo has no activities of its own yet: register two, then load the audiences
      await activity(t, fg, { adClass: 'MEMBER_COMMUNICATION_18_3', channel: 'EMAIL' });
      await activity(t, fg, {});
      const n = await t.kernel.db.transaction((tx) =>
        loadDemoAudiences(t.kernel, tx, { now: t.clock.now(), adminUserId: null }),
      );
      expect(n).toBe(3);
    }
    const admin = await signIn(t, 'beheer');
    const list = (await admin.request('GET', '/api/v1/audiences')).json().items as {
      id: string;
      name: string;
      classification: string;
      classificationDetail: { adClass: string };
    }[];
    const all = list.find((a) => a.name.startsWith('Alle leden'))!;
    expect(all.classification).toBe('political');
    expect(all.classificationDetail.adClass).toBe('MEMBER_COMMUNICATION_18_3');
    for (const a of list) {
      const r = await admin.request('POST', `/api/v1/audiences/${a.id}/evaluation`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().includedCount + r.json().excludedPersons).toBe(r.json().matched);
    }
    const members = (await admin.request('POST', `/api/v1/audiences/${all.id}/evaluation`)).json();
    expect(members.matched).toBeGreaterThan(0);
  });
});
