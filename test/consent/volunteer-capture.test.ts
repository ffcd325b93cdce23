/**
 * Offline capture by volunteers and campaign team members (issue 3 C2: "offline capture for staff and
 * volunteers"), on both engines: `consent:record` within the role's scope (R-63: out of scope is 404,
 * audited), the capture options (purposes with their current text per language), the record marked
 * "onbevestigd" until a scan or double opt-in confirms it, and a scan only on one's own
 * capture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, DAY, expectError, NO_SUCH_ID, signIn, userIdOf } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { type Catalogue, counts, outbox, setUpCatalogue, text } from './fixture.js';

const PDF = Buffer.from('%PDF-1.4\n% fictief getekend formulier\n').toString('base64');

interface CaptureOption {
  id: string;
  name: string;
  political: boolean;
  texts: { id: string; language: string; version: number; statement: string; fullText: string }[];
}

describe.each(engines())('offline capture by volunteers on %s', (engine) => {
  let t: TestApp;
  let volunteer: Client;
  let volunteerId: string;
  let admin: Client;
  let c: Catalogue;
  /** Persons with an e-mail address inside the demo volunteer's area (postcodes 1000–1019). */
  let inArea: string[];
  /** Persons outside it. */
  let outOfArea: string[];

  const ids = async (where: string) =>
    (
      await t.kernel.db.query<{ id: string }>(
        `SELECT id::text AS id FROM persons WHERE ${where} ORDER BY created_at, id LIMIT 5`,
      )
    ).rows.map((r) => r.id);

  const textOf = async (who: Client, purposeId: string, language = 'nl') => {
    const r = await who.request('GET', '/api/v1/consent/capture-options');
    expect(r.statusCode, r.body).toBe(200);
    const option = (r.json().items as CaptureOption[]).find((o) => o.id === purposeId)!;
    return option.texts.find((x) => x.language === language)!.id;
  };

  const capture = async (who: Client, body: Record<string, unknown>) =>
    who.request('POST', '/api/v1/consent/records', {
      body: {
        purposeId: c.campaign,
        textVersionId: await textOf(admin, c.campaign),
        channel: 'DOORSTEP',
        givenAt: new Date(t.clock.now().getTime() - DAY).toISOString(),
        collector: 'Vera Vrijwilliger',
        place: 'Kerkstraat, Amsterdam',
        explicit: true,
        ...body,
      },
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
    volunteer = await signIn(t, 'vrijwilliger');
    volunteerId = await userIdOf(volunteer);
    c = await setUpCatalogue(t);
    inArea = await ids('postcode_area BETWEEN 1000 AND 1019 AND email_bidx IS NOT NULL');
    outOfArea = await ids('postcode_area > 1019');
    expect([inArea.length > 2, outOfArea.length > 0]).toEqual([true, true]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the session lists consent:record for the volunteer, not for the candidate', async () => {
    const me = await volunteer.request('GET', '/api/v1/me');
    expect(me.json().permissions).toContain('consent:record');
    expect(me.json().permissions).not.toContain('consent:manage');
    const candidate = await signIn(t, 'kandidaat');
    expect((await candidate.request('GET', '/api/v1/me')).json().permissions).not.toContain('consent:record');
  });

  it('R-14: the capture options give the volunteer each purpose with its current text per language, Dutch first', async () => {
    // A newer Dutch version of the campaign text replaces the first in the options.
    const newer = await admin.request('POST', `/api/v1/consent/purposes/${c.campaign}/texts`, {
      body: text('nl', { withdrawalInstructions: 'Bel 06-12345678 of klik op de link in elke e-mail.' }),
    });
    expect(newer.statusCode, newer.body).toBe(201);
    const r = await volunteer.request('GET', '/api/v1/consent/capture-options');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as CaptureOption[];
    const campaign = items.find((o) => o.id === c.campaign)!;
    expect(campaign.political).toBe(true);
    expect(campaign.texts.map((x) => [x.language, x.version])).toEqual([
      ['nl', 2],
      ['en', 1],
    ]);
    expect(campaign.texts[0]!.id).toBe(newer.json().version.id);
    expect(campaign.texts[0]!.fullText).toContain('06-12345678');
    expect(items.find((o) => o.id === c.volunteer)!.political).toBe(false);
  });

  it('R-17: the volunteer records a doorstep consent for a person in their area: 201, unconfirmed, audited', async () => {
    const before = await auditHead(t);
    const r = await capture(volunteer, { personId: inArea[0] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      personId: inArea[0],
      purposeId: c.campaign,
      channel: 'DOORSTEP',
      status: 'valid',
      reasons: [],
      unconfirmed: true,
      confirmedAt: null,
      hasScan: false,
    });
    const recorded = await auditSince(t, before, 'consent.recorded');
    expect(recorded.map((x) => [x.actor_id, x.person_id, x.object_id])).toEqual([
      [volunteerId, inArea[0], r.json().id],
    ]);
    const receipt = await admin.request(
      'GET',
      `/api/v1/consent/records/${r.json().id}/receipt?purpose=${encodeURIComponent('Toestemming controleren (test)')}`,
    );
    expect(receipt.json().evidence).toMatchObject({
      capturedBy: volunteerId,
      collector: 'Vera Vrijwilliger',
      place: 'Kerkstraat, Amsterdam',
    });
  });

  it('R-63: a person outside the area: 404 NOT_FOUND like a missing one, audited, nothing written', async () => {
    const before = await auditHead(t);
    const rows = await counts(t);
    expectError(await capture(volunteer, { personId: outOfArea[0] }), 404, 'NOT_FOUND');
    expectError(await capture(volunteer, { personId: NO_SUCH_ID }), 404, 'NOT_FOUND');
    const refused = await auditSince(t, before, 'access.refused');
    expect(
      refused.map((x) => [x.actor_id, x.person_id, JSON.parse(x.payload).code, JSON.parse(x.payload).action]),
    ).toEqual([[volunteerId, outOfArea[0], 'NOT_FOUND', 'consent.record_offline']]);
    expect(await counts(t)).toEqual(rows);
  });

  it('R-63: the candidate may not record offline consent or read the capture options: 403, audited', async () => {
    const candidate = await signIn(t, 'kandidaat');
    const before = await auditHead(t);
    expectError(await capture(candidate, { personId: inArea[0] }), 403, 'FORBIDDEN');
    expectError(await candidate.request('GET', '/api/v1/consent/capture-options'), 403, 'FORBIDDEN');
    const refused = await auditSince(t, before, 'access.refused');
    expect(refused.map((x) => JSON.parse(x.payload).action)).toEqual([
      'consent.record_offline',
      'consent.capture_options',
    ]);
  });

  it('the volunteer still does not manage the catalogue: the staff endpoints stay 403', async () => {
    expectError(await volunteer.request('GET', '/api/v1/consent/purposes'), 403, 'FORBIDDEN');
    expectError(await volunteer.request('GET', '/api/v1/consent/texts'), 403, 'FORBIDDEN');
  });

  it('R-17: the volunteer confirms their own capture with a scan, not one captured by someone else', async () => {
    const own = await capture(volunteer, { personId: inArea[1], channel: 'PAPER' });
    expect(own.statusCode, own.body).toBe(201);
    const scanned = await volunteer.request('POST', `/api/v1/consent/records/${own.json().id}/scan`, {
      body: { contentType: 'application/pdf', dataBase64: PDF },
    });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json()).toMatchObject({ unconfirmed: false, hasScan: true });

    const byAdmin = await capture(admin, { personId: inArea[2], channel: 'PAPER' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    const before = await auditHead(t);
    expectError(
      await volunteer.request('POST', `/api/v1/consent/records/${byAdmin.json().id}/scan`, {
        body: { contentType: 'application/pdf', dataBase64: PDF },
      }),
      403,
      'FORBIDDEN',
    );
    expect((await auditSince(t, before, 'access.refused')).map((x) => x.person_id)).toEqual([inArea[2]]);
  });

  it('a confirmation mail goes to the person the volunteer recorded (double opt-in, R-17)', async () => {
    const mailsBefore = (await outbox(t)).length;
    const r = await capture(volunteer, {
      personId: inArea[2],
      purposeId: c.volunteer,
      textVersionId: await textOf(volunteer, c.volunteer),
      channel: 'PHONE',
      sendConfirmation: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ unconfirmed: true, channel: 'PHONE' });
    const mails = (await outbox(t)).slice(mailsBefore);
    expect(mails.map((m) => m.kind)).toEqual(['consent.confirm']);
    expect(mails[0]!.text).toContain('/f/bevestigen/');
  });

  it('R-63: a campaign team member records a consent in their branch and gets 404 outside it', async () => {
    const team = await signIn(t, 'team');
    const [inUtrecht] = await ids(
      `branch_id = (SELECT id FROM branches WHERE name = 'Utrecht') AND email_bidx IS NOT NULL`,
    );
    const [inAmsterdam] = await ids(`branch_id = (SELECT id FROM branches WHERE name = 'Amsterdam')`);
    const ok = await capture(team, { personId: inUtrecht, channel: 'VERBAL_RECORDED' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().unconfirmed).toBe(true);
    expectError(await capture(team, { personId: inAmsterdam }), 404, 'NOT_FOUND');
  });
});
