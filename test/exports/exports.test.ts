/**
 * CSV exports of a frozen audience on both engines (C5; ): bad
 * input naming the field and writing nothing; refusals with every reason, recorded and audited; persons
 * the gate refuses left out and counted per reason; the FG's approval above the threshold (not one's own);
 * the file as Dutch Excel reads it; every export and download audited with counts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type AudienceWorld, activity, setUpWorld } from '../audiences/fixture.js';
import { auditHead, auditSince, expectError, NO_SUCH_ID, signIn, userIdOf } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { destination, freeze } from './fixture.js';

describe.each(engines())('exports on %s', (engine) => {
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;
  let fg: Client;
  let processor: string;
  let mailing: string;
  let snap: { audienceId: string; snapshotId: string; includedCount: number };

  const count = async (table: string) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const threshold = (n: number) => {
    (t.kernel.config as { exportApprovalThreshold: number }).exportApprovalThreshold = n;
  };
  const post = (body: Record<string, unknown>) => admin.request('POST', '/api/v1/exports', { body });

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
    fg = await signIn(t, 'fg');
    processor = await destination(t, w.fg, {});
    mailing = await activity(t, w.fg, {
      channel: 'EMAIL',
      consentPurposeId: w.cat.campaign,
      destinationId: processor,
    });
    snap = await freeze(admin, w.tagId, w.letter);
    expect(snap.includedCount).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the threshold is configuration: KIESKLUIS_EXPORT_APPROVAL_THRESHOLD, default 500 (R-63)', () => {
    expect(loadConfig({ KIESKLUIS_DATA_DIR: '/tmp/x' }).exportApprovalThreshold).toBe(500);
    expect(
      loadConfig({ KIESKLUIS_DATA_DIR: '/tmp/x', KIESKLUIS_EXPORT_APPROVAL_THRESHOLD: '7' })
        .exportApprovalThreshold,
    ).toBe(7);
  });

  it('bad input names the field and writes nothing', async () => {
    const before = { exports: await count('exports'), audit: await auditHead(t) };
    expect(JSON.stringify(expectError(await post({}), 400, 'VALIDATION_FAILED').details)).toContain(
      'snapshotId',
    );
    expectError(
      await post({ snapshotId: snap.snapshotId, audienceId: snap.audienceId }),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      JSON.stringify(expectError(await post({ snapshotId: 'x' }), 400, 'VALIDATION_FAILED').details),
    ).toContain('snapshotId');
    expect(
      JSON.stringify(
        expectError(await post({ snapshotId: snap.snapshotId, format: 'xlsx' }), 400, 'VALIDATION_FAILED')
          .details,
      ),
    ).toContain('format');
    const act = expectError(
      await post({ snapshotId: snap.snapshotId, activityId: NO_SUCH_ID }),
      400,
      'VALIDATION_FAILED',
    );
    expect(act.details.fields).toEqual([expect.objectContaining({ field: 'activityId', rule: 'exists' })]);
    expectError(await post({ snapshotId: NO_SUCH_ID }), 404, 'SNAPSHOT_NOT_FOUND');
    expect(await count('exports')).toBe(before.exports);
    expect((await auditSince(t, before.audit)).filter((e) => e.type.startsWith('export.'))).toEqual([]);
  });

  it('who may export: not the FG, volunteers or the operator-less roles without audience:manage', async () => {
    expectError(
      await fg.request('POST', '/api/v1/exports', { body: { snapshotId: snap.snapshotId } }),
      403,
      'FORBIDDEN',
    );
    const v = await signIn(t, 'vrijwilliger');
    expectError(await v.request('GET', '/api/v1/exports'), 403, 'FORBIDDEN');
  });

  it.each([
    ['R-34: no destination registered', { destinationId: NO_SUCH_ID }, ['UNREGISTERED_DESTINATION']],
    ['R-35: processor without agreement', { processorAgreementComplete: false }, ['NO_PROCESSOR_AGREEMENT']],
    [
      'R-05/R-21/R-33/R-38: a joint controller, not vetted, outside the EEA: every reason',
      { role: 'JOINT_CONTROLLER', vetted: false, outsideEea: true },
      [
        'DISCLOSURE_OUTSIDE_BODY',
        'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED',
        'VENDOR_NOT_VETTED',
        'TRANSFER_MECHANISM_MISSING',
      ],
    ],
    ['R-05: a controller', { role: 'CONTROLLER' }, ['DISCLOSURE_OUTSIDE_BODY']],
  ] as const)('%s: refused, recorded without a file, audited', async (_name, over, reasons) => {
    const dest = 'destinationId' in over ? over.destinationId : await destination(t, w.fg, over as never);
    const before = await auditHead(t);
    const r = await post({ snapshotId: snap.snapshotId, activityId: mailing, destinationId: dest });
    const body = expectError(r, r.statusCode, reasons[0]);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(body.details.reasons).toEqual(reasons);
    const id = body.details.exportId as string;
    const { rows } = await t.kernel.db.query<{ status: string; file_enc: string | null; reasons: string[] }>(
      'SELECT status, file_enc, reasons FROM exports WHERE id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ status: 'refused', file_enc: null, reasons });
    const events = await auditSince(t, before, 'export.refused');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ reasons, includedCount: expect.any(Number) });
    expect(events[0]!.payload).not.toContain('@');
  });

  it('R-63/R-11: under the threshold it is produced; the CSV is UTF-8 with BOM, ; separated, name and e-mail only', async () => {
    threshold(500);
    // after freezing, the member objects to direct marketing: the gate leaves them out and counts it
    await t.kernel.db.query(
      `INSERT INTO person_objections (person_id, kind, channel, created_by, created_at) VALUES ($1, 'DIRECT_MARKETING', 'STAFF', 'test', $2)`,
      [w.member, t.clock.now()],
    );
    const before = await auditHead(t);
    const r = await post({ snapshotId: snap.snapshotId, activityId: mailing });
    expect(r.statusCode, r.body).toBe(201);
    const e = r.json();
    expect(e).toMatchObject({
      status: 'produced',
      destinationId: processor,
      columns: ['firstName', 'infix', 'lastName', 'email'],
    });
    expect(e.excludedCounts.OBJECTED).toBe(1);
    expect(e.personCount).toBeGreaterThan(0);
    expect(e.personCount).toBeLessThan(snap.includedCount);
    const [ev] = await auditSince(t, before, 'export.produced');
    expect(JSON.parse(ev!.payload)).toMatchObject({
      includedCount: e.personCount,
      excluded: e.excludedCounts,
    });

    const f = await admin.request('GET', `/api/v1/exports/${e.id}/file`);
    expect(f.statusCode, f.body).toBe(200);
    expect(f.headers['content-type']).toContain('text/csv');
    expect(f.headers['content-disposition']).toMatch(/^attachment; filename="export-.*\.csv"$/);
    const bytes = f.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.fileSha256);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Voornaam;Tussenvoegsel;Achternaam;E-mail');
    expect(lines).toHaveLength(e.personCount + 1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^[^;]+;[^;]*;Doelgroeptest;[^;]+@voorbeeld\.invalid$/);
    const [dl] = await auditSince(t, before, 'export.downloaded');
    expect(JSON.parse(dl!.payload)).toMatchObject({ personCount: e.personCount, sha256: e.fileSha256 });
    // someone else's export does not exist for them
    const lead = await signIn(t, 'campagne');
    expectError(await lead.request('GET', `/api/v1/exports/${e.id}/file`), 404, 'NOT_FOUND');
  });

  it('R-63: above the threshold the FG approves (not the requester); then it can be downloaded', async () => {
    threshold(1);
    const r = await post({ snapshotId: snap.snapshotId, activityId: mailing });
    expect(r.statusCode, r.body).toBe(201);
    const e = r.json();
    expect(e.status).toBe('awaiting_approval');
    expectError(await admin.request('GET', `/api/v1/exports/${e.id}/file`), 422, 'EXPORT_NEEDS_APPROVAL');
    expectError(await admin.request('POST', `/api/v1/exports/${e.id}/approve`), 403, 'FORBIDDEN');
    const queue = (await fg.request('GET', '/api/v1/exports')).json().items.map((x: { id: string }) => x.id);
    expect(queue).toContain(e.id);
    const before = await auditHead(t);
    const ok = await fg.request('POST', `/api/v1/exports/${e.id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: await userIdOf(fg) });
    expect(await auditSince(t, before, 'export.approved')).toHaveLength(1);
    expectError(await fg.request('POST', `/api/v1/exports/${e.id}/approve`), 409, 'EXPORT_NOT_PENDING');
    expect((await admin.request('GET', `/api/v1/exports/${e.id}/file`)).statusCode).toBe(200);
  });

  it('R-63: nobody approves their own request; the FG may decline, which drops the file', async () => {
    threshold(1);
    const own = (await post({ snapshotId: snap.snapshotId, activityId: mailing })).json();
    await t.kernel.db.query('UPDATE exports SET requested_by = $2 WHERE id = $1', [
      own.id,
      await userIdOf(fg),
    ]);
    const before = await auditHead(t);
    expectError(await fg.request('POST', `/api/v1/exports/${own.id}/approve`), 403, 'EXPORT_SELF_APPROVAL');
    expect(JSON.parse((await auditSince(t, before, 'access.refused'))[0]!.payload)).toMatchObject({
      code: 'EXPORT_SELF_APPROVAL',
    });

    const other = (await post({ snapshotId: snap.snapshotId, activityId: mailing })).json();
    const d = await fg.request('POST', `/api/v1/exports/${other.id}/decline`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'refused', fileSha256: null });
    expectError(await admin.request('GET', `/api/v1/exports/${other.id}/file`), 409, 'EXPORT_NOT_PRODUCED');
    threshold(500);
  });

  it('an audience can be frozen for the export in the same step', async () => {
    const r = await post({ audienceId: snap.audienceId, activityId: mailing });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().snapshotId).not.toBe(snap.snapshotId);
    const { rows } = await t.kernel.db.query<{ used_for: string }>(
      'SELECT used_for FROM audience_snapshots WHERE id = $1',
      [r.json().snapshotId],
    );
    expect(rows[0]!.used_for).toBe('export');
  });
});
