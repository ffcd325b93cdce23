/**
 * The register of processing activities and of destinations end to end on both engines (R-03, R-30,
 * who may read and write, validation naming every wrong field, name conflicts, and
 * every write audited; nothing half-written on bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { createDestination } from '../../src/usecases/destinations/create-destination.js';
import { auditHead, auditSince, expectError, NO_SUCH_ID, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

const uniq = () => Math.random().toString(36).slice(2, 8);

const processor = (over: Record<string, unknown> = {}) => ({
  name: `Mailverwerker ${uniq()}`,
  role: 'PROCESSOR',
  vetted: true,
  processorAgreementComplete: true,
  ...over,
});

const newsletter = (over: Record<string, unknown> = {}) => ({
  name: `Ledennieuwsbrief ${uniq()}`,
  purpose: 'Leden informeren over partijactiviteiten',
  kind: 'MESSAGE',
  channel: 'EMAIL',
  directMarketing: true,
  politicalData: true,
  adClass: 'MEMBER_COMMUNICATION_18_3',
  ...over,
});

describe.each(engines())('activities and destinations on %s', (engine) => {
  let t: TestApp;
  let fg: Client;
  let lead: Client;

  const count = async (table: string) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    t = await startTestApp(engine);
    fg = await signIn(t, 'fg');
    lead = await signIn(t, 'campagne');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the FG registers a processor and an activity using it, both audited (R-34, R-44)', async () => {
    const before = await auditHead(t);
    const d = await fg.request('POST', '/api/v1/destinations', { body: processor() });
    expect(d.statusCode, d.body).toBe(201);
    const dest = d.json();
    expect(dest).toMatchObject({
      role: 'PROCESSOR',
      vetted: true,
      processorAgreementComplete: true,
      platform: false,
    });
    const a = await fg.request('POST', '/api/v1/activities', {
      body: newsletter({ kind: 'EXPORT', destinationId: dest.id, adClass: 'NOT_POLITICAL_AD' }),
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'EXPORT', destinationId: dest.id, dpiaStatus: 'NONE' });
    const events = await auditSince(t, before);
    expect(events.map((e) => e.type)).toEqual(['destination.created', 'activity.created']);
    expect(events[1]!.object_id).toBe(a.json().id);
  });

  it('a campaign lead writes; team members and candidates read; admins read only; volunteers may not', async () => {
    const created = await lead.request('POST', '/api/v1/activities', { body: newsletter() });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const who of ['team', 'kandidaat', 'beheer']) {
      const c = await signIn(t, who);
      const list = await c.request('GET', '/api/v1/activities');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((x: { id: string }) => x.id)).toContain(id);
      expect((await c.request('GET', `/api/v1/activities/${id}`)).statusCode).toBe(200);
      expect((await c.request('GET', '/api/v1/destinations')).statusCode).toBe(200);
      const options = await c.request('GET', '/api/v1/activities/options');
      expect(options.statusCode, options.body).toBe(200);
      expect(Object.keys(options.json()).sort()).toEqual(['consentPurposes', 'destinations']);
      const before = await auditHead(t);
      expectError(await c.request('POST', '/api/v1/activities', { body: newsletter() }), 403, 'FORBIDDEN');
      expectError(await c.request('POST', '/api/v1/destinations', { body: processor() }), 403, 'FORBIDDEN');
      expect((await auditSince(t, before, 'access.refused')).length).toBe(2);
    }
    for (const who of ['vrijwilliger']) {
      const c = await signIn(t, who);
      expectError(await c.request('GET', '/api/v1/activities'), 403, 'FORBIDDEN');
      expectError(await c.request('GET', '/api/v1/destinations'), 403, 'FORBIDDEN');
    }
  });

  it('bad input names every field and writes nothing (R-79, R-34)', async () => {
    const before = { a: await count('processing_activities'), audit: await auditHead(t) };
    const r = await fg.request('POST', '/api/v1/activities', {
      body: newsletter({
        kind: 'CUSTOM_AUDIENCE',
        adClass: 'NOT_POLITICAL_AD',
        memberCommunicationOverride: true,
        consentPurposeId: NO_SUCH_ID,
      }),
    });
    const body = expectError(r, 400, 'VALIDATION_FAILED');
    const fields = (body.details.fields as { field: string; rule: string }[]).map(
      (f) => `${f.field}:${f.rule}`,
    );
    expect(fields.sort()).toEqual([
      'consentPurposeId:exists',
      'destinationId:required',
      'memberCommunicationOverride:adClass',
      'overrideReason:required',
    ]);
    const canvass = await fg.request('POST', '/api/v1/activities', {
      body: newsletter({ kind: 'CANVASS', channel: 'DOOR', adClass: 'POLITICAL_AD' }),
    });
    const c = expectError(canvass, 400, 'VALIDATION_FAILED');
    expect(c.details.fields).toEqual([expect.objectContaining({ field: 'adClass', rule: 'kind' })]);
    const unknown = await fg.request('POST', '/api/v1/activities', { body: newsletter({ colour: 'rood' }) });
    expect(JSON.stringify(expectError(unknown, 400, 'VALIDATION_FAILED').details)).toContain('colour');
    const wrongKind = await fg.request('POST', '/api/v1/activities', { body: newsletter({ kind: 'SPAM' }) });
    expect(JSON.stringify(expectError(wrongKind, 400, 'VALIDATION_FAILED').details)).toContain('kind');
    const role = await fg.request('POST', '/api/v1/destinations', { body: processor({ role: 'VENDOR' }) });
    expect(JSON.stringify(expectError(role, 400, 'VALIDATION_FAILED').details)).toContain('role');
    expect(await count('processing_activities')).toBe(before.a);
    expect(await auditSince(t, before.audit, 'activity.created')).toEqual([]);
  });

  it('an override with a reason is kept; the same name twice is a 409', async () => {
    const body = newsletter({
      memberCommunicationOverride: true,
      overrideReason: 'FG: afdelingsbrede brief',
    });
    const a = await fg.request('POST', '/api/v1/activities', { body });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().overrideReason).toBe('FG: afdelingsbrede brief');
    expectError(
      await fg.request('POST', '/api/v1/activities', {
        body: { ...body, name: ` ${body.name.toUpperCase()} ` },
      }),
      409,
      'ACTIVITY_NAME_TAKEN',
    );
    const d = processor();
    expect((await fg.request('POST', '/api/v1/destinations', { body: d })).statusCode).toBe(201);
    expectError(await fg.request('POST', '/api/v1/destinations', { body: d }), 409, 'DESTINATION_NAME_TAKEN');
  });

  it('updates are audited; unknown ids are 404', async () => {
    const dest = (await fg.request('POST', '/api/v1/destinations', { body: processor() })).json();
    const before = await auditHead(t);
    const u = await fg.request('PUT', `/api/v1/destinations/${dest.id}`, {
      body: processor({ name: dest.name, outsideEea: true, transferMechanism: true, notes: 'SCC 2021' }),
    });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ outsideEea: true, transferMechanism: true, notes: 'SCC 2021' });
    const act = (await fg.request('POST', '/api/v1/activities', { body: newsletter() })).json();
    const ua = await fg.request('PUT', `/api/v1/activities/${act.id}`, {
      body: newsletter({ name: act.name, dpiaStatus: 'APPROVED' }),
    });
    expect(ua.statusCode, ua.body).toBe(200);
    expect(ua.json().dpiaStatus).toBe('APPROVED');
    const types = (await auditSince(t, before)).map((e) => e.type);
    expect(types).toContain('destination.updated');
    expect(types).toContain('activity.updated');
    expectError(await fg.request('GET', `/api/v1/activities/${NO_SUCH_ID}`), 404, 'NOT_FOUND');
    expectError(
      await fg.request('PUT', `/api/v1/destinations/${NO_SUCH_ID}`, { body: processor() }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await fg.request('PUT', `/api/v1/activities/${NO_SUCH_ID}`, { body: newsletter() }),
      404,
      'NOT_FOUND',
    );
  });

  it('the local operator is no register writer (FORBIDDEN, audited)', async () => {
    const operatorRefused = createDestination(t.kernel, { kind: 'operator' }, processor() as never);
    await expect(operatorRefused).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const activity = createActivity(t.kernel, { kind: 'operator' }, newsletter() as never);
    await expect(activity).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
