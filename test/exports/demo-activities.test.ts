/**
 * The demo register on both engines: the mail processor and the fictional ad platform, the four demo
 * activities, and what they show: campaign e-mails export to the processor, while a
 * platform list of the members is refused because the platform has no art 26 arrangement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MAIL_PROCESSOR } from '../../src/usecases/demo/demo-activities.js';
import { DEMO_AD_PLATFORM } from '../../src/usecases/demo/demo-consent.js';
import { expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

describe.each(engines())('demo activities on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let activities: { id: string; name: string; kind: string; adClass: string }[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
    activities = (await admin.request('GET', '/api/v1/activities')).json().items;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a vetted mail processor and the ad platform as joint controller without arrangement', async () => {
    const items = (await admin.request('GET', '/api/v1/destinations')).json().items as Record<
      string,
      unknown
    >[];
    expect(items.find((d) => d.name === DEMO_MAIL_PROCESSOR)).toMatchObject({
      role: 'PROCESSOR',
      vetted: true,
      processorAgreementComplete: true,
    });
    expect(items.find((d) => d.name === DEMO_AD_PLATFORM)).toMatchObject({
      role: 'JOINT_CONTROLLER',
      platform: true,
      art26Arrangement: false,
    });
    expect(activities.map((a) => `${a.kind}/${a.adClass}`).sort()).toEqual(
      expect.arrayContaining([
        'CANVASS/NOT_POLITICAL_AD',
        'CUSTOM_AUDIENCE/POLITICAL_AD',
        'MESSAGE/MEMBER_COMMUNICATION_18_3',
      ]),
    );
  });

  it('campaign e-mails go to the processor; a platform list of members is refused with its reasons', async () => {
    const audiences = (await admin.request('GET', '/api/v1/audiences')).json().items as {
      id: string;
      name: string;
    }[];
    const members = audiences.find((a) => a.name.startsWith('Alle leden'))!;
    const consented = audiences.find((a) => a.name.startsWith('Amsterdam'))!;
    const ok = await admin.request('POST', '/api/v1/exports', { body: { audienceId: consented.id } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'produced',
      columns: ['firstName', 'infix', 'lastName', 'email'],
    });
    expect(ok.json().personCount).toBeGreaterThan(0);
    const ca = activities.find((a) => a.kind === 'CUSTOM_AUDIENCE')!;
    const r = await admin.request('POST', '/api/v1/custom-audience-requests', {
      body: { audienceId: members.id, activityId: ca.id },
    });
    const body = expectError(r, 422, 'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED');
    expect(body.details.reasons).toEqual(expect.arrayContaining(['JOINT_CONTROLLER_ARRANGEMENT_REQUIRED']));
  });
});
