/**
 * Custom-audience (platform list) requests on both engines: each person
 * assessed like any disclosure and those refused counted per reason; a platform without an art 26
 * arrangement and a lookalike are refused with every reason; when allowed, the file holds only the
 * SHA-256 of each normalised e-mail, one per line; nothing is uploaded; everything audited.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentCatalogueRepo } from '../../src/storage/consent-catalogue-repo.js';
import { createPurpose } from '../../src/usecases/consent/create-purpose.js';
import { createTextVersion } from '../../src/usecases/consent/create-text-version.js';
import { recordOfflineConsent } from '../../src/usecases/consent/record-offline-consent.js';
import { type AudienceWorld, activity, setUpWorld } from '../audiences/fixture.js';
import { PARTY, text } from '../consent/fixture.js';
import { auditHead, auditSince, expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { destination, freeze } from './fixture.js';

const DAY = 86_400_000;
const PLATFORM = 'Voorbeeldplatform Doelgroepen (test)';

describe.each(engines())('custom audiences on %s', (engine) => {
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;
  let platform: string;
  let platformNoArrangement: string;
  let listActivity: string;
  let snapshotId: string;

  const count = async (table: string) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const post = (body: Record<string, unknown>) =>
    admin.request('POST', '/api/v1/custom-audience-requests', { body: { snapshotId, ...body } });

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
    platform = await destination(t, w.fg, {
      name: PLATFORM,
      role: 'JOINT_CONTROLLER',
      platform: true,
      art26Arrangement: true,
      processorAgreementComplete: false,
    });
    platformNoArrangement = await destination(t, w.fg, { role: 'JOINT_CONTROLLER', platform: true });
    // a purpose whose consent names the platform as recipient, given by one consented person
    const purpose = await createPurpose(t.kernel, w.admin, {
      name: `Doelgroep op platform ${Math.random().toString(36).slice(2, 6)}`,
      description: 'Mijn e-mailadres gehasht delen met het platform om mij advertenties te tonen',
      political: true,
      channels: [],
      scopeUntil: null,
      refreshAfterMonths: null,
      recipients: [PLATFORM],
    });
    for (const l of ['nl', 'en'] as const) await createTextVersion(t.kernel, w.admin, purpose.id, text(l));
    const nl = (await consentCatalogueRepo.latestTexts(t.kernel.db, [purpose.id])).find(
      (x) => x.language === 'nl',
    )!;
    await recordOfflineConsent(t.kernel, w.admin, {
      personId: w.consented,
      purposeId: purpose.id,
      textVersionId: nl.id,
      channel: 'PAPER',
      givenAt: new Date(t.clock.now().getTime() - 2 * DAY),
      collector: 'Vera Vrijwilliger',
      place: 'Markt',
      explicit: true,
      captureDefects: [],
      birthYear: null,
      guardianName: null,
      guardianEmail: null,
      guardianConsented: false,
      scan: null,
      sendConfirmation: false,
    });
    listActivity = await activity(t, w.fg, {
      kind: 'CUSTOM_AUDIENCE',
      channel: 'ONLINE_AD',
      politicalData: true,
      consentPurposeId: purpose.id,
      destinationId: platform,
      dpiaStatus: 'APPROVED',
    });
    snapshotId = (await freeze(admin, w.tagId, w.letter)).snapshotId;
    expect(PARTY.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('bad input names the field and writes nothing', async () => {
    const before = await count('custom_audience_requests');
    const wrongKind = expectError(await post({ activityId: w.letter }), 400, 'VALIDATION_FAILED');
    expect(wrongKind.details.fields).toEqual([
      expect.objectContaining({ field: 'activityId', rule: 'kind' }),
    ]);
    expect(
      JSON.stringify(
        expectError(await post({ activityId: listActivity, lookalike: 'ja' }), 400, 'VALIDATION_FAILED')
          .details,
      ),
    ).toContain('lookalike');
    expect(await count('custom_audience_requests')).toBe(before);
  });

  it('R-22/R-05: allowed for those whose consent names the platform; the file is SHA-256 of the e-mail only', async () => {
    const before = await auditHead(t);
    const r = await post({ activityId: listActivity });
    expect(r.statusCode, r.body).toBe(201);
    const rec = r.json();
    expect(rec).toMatchObject({
      status: 'produced',
      lookalike: false,
      includedCount: 1,
      destinationId: platform,
    });
    expect(rec.excludedCounts.DISCLOSURE_OUTSIDE_BODY).toBeGreaterThan(0);
    const [ev] = await auditSince(t, before, 'custom_audience.requested');
    expect(JSON.parse(ev!.payload)).toMatchObject({ includedCount: 1, excluded: rec.excludedCounts });
    expect(ev!.payload).not.toContain('@');

    const f = await admin.request('GET', `/api/v1/custom-audience-requests/${rec.id}/file`);
    expect(f.statusCode, f.body).toBe(200);
    const person = await t.kernel.persons.findById(t.kernel.db, w.consented);
    const expected = createHash('sha256').update(person!.email!.trim().toLowerCase()).digest('hex');
    expect(f.body).toBe(`${expected}\n`);
    expect(createHash('sha256').update(f.rawPayload).digest('hex')).toBe(rec.fileSha256);
    expect(await auditSince(t, before, 'custom_audience.downloaded')).toHaveLength(1);
    const lead = await signIn(t, 'campagne');
    expectError(
      await lead.request('GET', `/api/v1/custom-audience-requests/${rec.id}/file`),
      404,
      'NOT_FOUND',
    );
  });

  it('R-21/R-31: a platform without an art 26 arrangement is refused with every reason, recorded, no file', async () => {
    const before = await auditHead(t);
    const r = await post({ activityId: listActivity, destinationId: platformNoArrangement });
    const body = expectError(r, 422, 'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED');
    expect(body.details.reasons).toContain('JOINT_CONTROLLER_ARRANGEMENT_REQUIRED');
    expect(body.details.reasons).toContain('DISCLOSURE_OUTSIDE_BODY');
    const { rows } = await t.kernel.db.query<{ status: string; file_enc: string | null }>(
      'SELECT status, file_enc FROM custom_audience_requests WHERE id = $1',
      [body.details.requestId],
    );
    expect(rows[0]).toEqual({ status: 'refused', file_enc: null });
    expect(await auditSince(t, before, 'custom_audience.refused')).toHaveLength(1);
  });

  it('R-23: a lookalike is refused: LOOKALIKE_NOT_SUPPORTED plus the reasons the gate reports', async () => {
    const r = await post({ activityId: listActivity, lookalike: true });
    const body = expectError(r, r.statusCode, 'LOOKALIKE_NOT_SUPPORTED');
    const reasons = body.details.reasons as string[];
    expect(reasons[0]).toBe('LOOKALIKE_NOT_SUPPORTED');
    expect(body.details.productRefusals).toEqual(['LOOKALIKE_NOT_SUPPORTED']);
    expect(reasons.length).toBeGreaterThan(1);
    const { rows } = await t.kernel.db.query<{ lookalike: boolean; file_enc: string | null }>(
      'SELECT lookalike, file_enc FROM custom_audience_requests WHERE id = $1',
      [body.details.requestId],
    );
    expect(rows[0]).toEqual({ lookalike: true, file_enc: null });
  });

  it('R-76: political-ad targeting needs the separate TTPA consent and a DPIA', async () => {
    const ad = await activity(t, w.fg, {
      kind: 'CUSTOM_AUDIENCE',
      channel: 'ONLINE_AD',
      adClass: 'POLITICAL_AD',
      politicalData: true,
      destinationId: platform,
    });
    const r = await post({ activityId: ad });
    const reasons = r.json().details.reasons as string[];
    expectError(r, r.statusCode, reasons[0]!);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(reasons).toEqual(expect.arrayContaining(['TTPA_SEPARATE_CONSENT_REQUIRED', 'DPIA_REQUIRED']));
  });
});
