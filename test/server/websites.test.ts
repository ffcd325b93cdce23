/**
 * Websites (issue 7, "In the app") through the HTTP API on both engines: who may manage sites, input
 * validation, the register with its audit trail, and an end-to-end scan through the real job queue and
 * the real scanner (Chromium) against the tracker-laden fixture party site on loopback: a stored report
 * with trackers and an alert, then a second scan without change and no new alert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDueScans } from '../../src/usecases/websites/enqueue-due-scans.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { type ScanFixtures, startScanFixtures } from '../websites/support/fixtures.js';
import { auditHead, auditSince, expectError, NO_SUCH_ID, signIn, userIdOf } from './helpers.js';

const SITE = {
  url: 'https://www.partij.example/',
  label: 'Partijsite',
  owner: 'party',
  cadence: 'weekly',
  crawlPages: 5,
};

describe.each(engines())('websites on %s', (engine) => {
  let t: TestApp;
  let fg: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    fg = await signIn(t, 'fg');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('permissions (websites:manage: FG and campaign lead)', () => {
    it.each(['beheer', 'team', 'kandidaat', 'vrijwilliger'])(
      '%s gets 403 FORBIDDEN on every route, and each refusal is audited',
      async (username) => {
        const c = await signIn(t, username);
        const before = await auditHead(t);
        expectError(await c.request('GET', '/api/v1/websites'), 403, 'FORBIDDEN');
        expectError(await c.request('POST', '/api/v1/websites', { body: SITE }), 403, 'FORBIDDEN');
        expectError(await c.request('GET', '/api/v1/websites/alerts'), 403, 'FORBIDDEN');
        expectError(await c.request('POST', `/api/v1/websites/${NO_SUCH_ID}/scans`), 403, 'FORBIDDEN');
        expectError(await c.request('DELETE', `/api/v1/websites/${NO_SUCH_ID}`), 403, 'FORBIDDEN');
        const refused = await auditSince(t, before, 'access.refused');
        expect(refused.map((r) => JSON.parse(r.payload).action)).toEqual([
          'website.list',
          'website.create',
          'website.alerts',
          'website.scan',
          'website.delete',
        ]);
      },
    );

    it('without a session: 401 UNAUTHENTICATED', async () => {
      expectError(await t.client().request('GET', '/api/v1/websites'), 401, 'UNAUTHENTICATED');
    });

    it('the campaign lead may manage websites', async () => {
      const c = await signIn(t, 'campagne');
      const r = await c.request('GET', '/api/v1/websites');
      expect(r.statusCode, r.body).toBe(200);
    });

    it('the local operator has no role here', async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: '/api/v1/websites',
        headers: { authorization: `Bearer ${t.operatorSecret}` },
      });
      expectError(r, 403, 'FORBIDDEN');
    });
  });

  describe('validation', () => {
    it.each([
      ['not a url', 'url'],
      ['ftp://partij.example/', 'url'],
      ['javascript:alert(1)', 'url'],
      [`https://partij.example/${'a'.repeat(2048)}`, 'url'],
    ])('url %s → 400 naming the field', async (url, field) => {
      const body = expectError(
        await fg.request('POST', '/api/v1/websites', { body: { ...SITE, url } }),
        400,
        'VALIDATION_FAILED',
      );
      expect((body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    });

    it.each([
      'http://localhost:3000/',
      'http://127.0.0.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://intranet/',
      'https://user:secret@partij.example/',
    ])('a local or private target %s is refused (the scanner runs on the server)', async (url) => {
      const body = expectError(
        await fg.request('POST', '/api/v1/websites', { body: { ...SITE, url } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.details.fields).toEqual([{ field: 'url', problem: expect.any(String) }]);
    });

    it.each([
      [{ crawlPages: 0 }, 'crawlPages'],
      [{ crawlPages: 51 }, 'crawlPages'],
      [{ crawlPages: 2.5 }, 'crawlPages'],
      [{ cadence: 'hourly' }, 'cadence'],
      [{ owner: 'someone' }, 'owner'],
      [{ label: '' }, 'label'],
      [{ label: 'x'.repeat(201) }, 'label'],
      [{ candidateId: 'nope' }, 'candidateId'],
    ])('%o → 400 naming %s', async (patch, field) => {
      const body = expectError(
        await fg.request('POST', '/api/v1/websites', { body: { ...SITE, ...patch } }),
        400,
        'VALIDATION_FAILED',
      );
      expect((body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    });

    it('a candidate that does not exist, or a candidate on a party site, is refused naming candidateId', async () => {
      for (const body of [
        { ...SITE, owner: 'candidate', candidateId: NO_SUCH_ID },
        { ...SITE, owner: 'party', candidateId: NO_SUCH_ID },
      ]) {
        const e = expectError(
          await fg.request('POST', '/api/v1/websites', { body }),
          400,
          'VALIDATION_FAILED',
        );
        expect(e.details.fields).toEqual([{ field: 'candidateId', problem: expect.any(String) }]);
      }
    });

    it('unknown ids: 404, bad ids: 400', async () => {
      expectError(await fg.request('GET', `/api/v1/websites/${NO_SUCH_ID}/scans`), 404, 'NOT_FOUND');
      expectError(
        await fg.request('GET', `/api/v1/websites/${NO_SUCH_ID}/scans/${NO_SUCH_ID}`),
        404,
        'NOT_FOUND',
      );
      expectError(await fg.request('DELETE', `/api/v1/websites/${NO_SUCH_ID}`), 404, 'NOT_FOUND');
      expectError(
        await fg.request('POST', `/api/v1/websites/alerts/${NO_SUCH_ID}/acknowledge`),
        404,
        'NOT_FOUND',
      );
      expectError(await fg.request('GET', '/api/v1/websites/123/scans'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('register', () => {
    it('create, list and delete, each write audited; defaults applied', async () => {
      const before = await auditHead(t);
      const fgId = await userIdOf(fg);
      const created = await fg.request('POST', '/api/v1/websites', {
        body: { url: 'https://kandidaat.example/', label: 'Aletta', owner: 'candidate' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const site = created.json();
      expect(site).toMatchObject({
        url: 'https://kandidaat.example/',
        label: 'Aletta',
        owner: 'candidate',
        candidateId: null,
        cadence: 'weekly',
        crawlPages: 10,
      });

      const list = await fg.request('GET', '/api/v1/websites');
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((s: { id: string }) => s.id === site.id);
      expect(item).toMatchObject({ latestScan: null, lastDoneScan: null, openAlerts: 0 });

      const del = await fg.request('DELETE', `/api/v1/websites/${site.id}`);
      expect(del.statusCode, del.body).toBe(204);
      const after = await fg.request('GET', '/api/v1/websites');
      expect(after.json().items.map((s: { id: string }) => s.id)).not.toContain(site.id);
      expectError(await fg.request('DELETE', `/api/v1/websites/${site.id}`), 404, 'NOT_FOUND');

      const events = await auditSince(t, before);
      const mine = events.filter((e) => e.type.startsWith('website.'));
      expect(mine.map((e) => [e.type, e.actor_id, e.object_id])).toEqual([
        ['website.created', fgId, site.id],
        ['website.deleted', fgId, site.id],
      ]);
      expect(JSON.parse(mine[0]!.payload)).toMatchObject({
        url: 'https://kandidaat.example/',
        cadence: 'weekly',
      });
    });

    it('a candidate site may name an existing candidate', async () => {
      const { rows } = await t.kernel.db.query<{ id: string }>('SELECT id FROM candidates LIMIT 1');
      const r = await fg.request('POST', '/api/v1/websites', {
        body: { ...SITE, owner: 'candidate', candidateId: rows[0]!.id, url: 'https://c.example/' },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().candidateId).toBe(rows[0]!.id);
    });

    it('scan now without a job queue: 503 WEBSITE_SCANS_UNAVAILABLE, nothing queued', async () => {
      const site = (await fg.request('POST', '/api/v1/websites', { body: SITE })).json();
      expectError(
        await fg.request('POST', `/api/v1/websites/${site.id}/scans`),
        503,
        'WEBSITE_SCANS_UNAVAILABLE',
      );
      const scans = await fg.request('GET', `/api/v1/websites/${site.id}/scans`);
      expect(scans.json().items).toEqual([]);
    });
  });
});

describe.each(engines())('website scans through the job queue on %s', (engine) => {
  let t: TestApp;
  let fg: Client;
  let fx: ScanFixtures;

  beforeAll(async () => {
    fx = await startScanFixtures();
    t = await startTestApp(engine, {
      overrides: { KIESKLUIS_JOBS: 'true' },
      startJobs: true,
      websiteScanner: { browserArgs: fx.browserArgs },
    });
    // The job queue and the scanner work in real time; keep the server clock there too.
    fg = await signIn(t, 'fg');
    t.clock.set(new Date(Date.now() + 60_000));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await fx?.close();
  });

  async function waitForScan(siteId: string, scanId: string) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const r = await fg.request('GET', `/api/v1/websites/${siteId}/scans/${scanId}`);
      expect(r.statusCode, r.body).toBe(200);
      const scan = r.json();
      if (scan.status === 'done' || scan.status === 'failed') return scan;
      if (Date.now() > deadline) throw new Error(`scan still ${scan.status}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }

  it('scan now → report with trackers and an alert; again without change → no new alert; acknowledge', async () => {
    const before = await auditHead(t);
    const created = await fg.request('POST', '/api/v1/websites', {
      body: { url: fx.partyUrl, label: 'Fixture-partij', owner: 'party', cadence: 'manual', crawlPages: 2 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const site = created.json();

    const queued = await fg.request('POST', `/api/v1/websites/${site.id}/scans`);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued', trigger: 'manual', websiteId: site.id });
    expectError(
      await fg.request('POST', `/api/v1/websites/${site.id}/scans`),
      409,
      'WEBSITE_SCAN_IN_PROGRESS',
    );

    const first = await waitForScan(site.id, queued.json().id);
    expect(first.status, first.error).toBe('done');
    expect(first.trackers).toBeGreaterThan(0);
    expect(first.vendors.length).toBeGreaterThan(0);
    expect(first.report.schemaVersion).toBe(1);
    const findings = first.report.pages.flatMap(
      (p: { findings: { classification: string }[] }) => p.findings,
    );
    expect(findings.filter((f: { classification: string }) => f.classification === 'tracker').length).toBe(
      first.trackers,
    );

    const alerts1 = (await fg.request('GET', '/api/v1/websites/alerts')).json().items;
    const mine1 = alerts1.filter((a: { websiteId: string }) => a.websiteId === site.id);
    expect(mine1.length).toBeGreaterThan(0);
    expect(mine1.every((a: { scanId: string }) => a.scanId === first.id)).toBe(true);
    expect(mine1[0].detail.firstScan).toBe(true);
    expect(mine1[0].detail.items.length).toBeGreaterThan(0);

    const overview = (await fg.request('GET', '/api/v1/websites'))
      .json()
      .items.find((s: { id: string }) => s.id === site.id);
    expect(overview.lastDoneScan.id).toBe(first.id);
    expect(overview.openAlerts).toBe(mine1.length);

    // Second scan of the unchanged site: no new alert.
    const again = await fg.request('POST', `/api/v1/websites/${site.id}/scans`);
    expect(again.statusCode, again.body).toBe(202);
    const second = await waitForScan(site.id, again.json().id);
    expect(second.status, second.error).toBe('done');
    expect(second.trackers).toBeGreaterThan(0);
    const alerts2 = (await fg.request('GET', '/api/v1/websites/alerts')).json().items;
    expect(alerts2.filter((a: { websiteId: string }) => a.websiteId === site.id)).toHaveLength(mine1.length);
    const { rows } = await t.kernel.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM website_alerts WHERE scan_id = $1',
      [second.id],
    );
    expect(rows[0]!.n).toBe(0);

    const history = (await fg.request('GET', `/api/v1/websites/${site.id}/scans`)).json().items;
    expect(history.map((s: { id: string }) => s.id)).toEqual([second.id, first.id]);

    // Acknowledge an alert: gone from the open list, audited; twice → 409.
    const ack = await fg.request('POST', `/api/v1/websites/alerts/${mine1[0].id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expectError(
      await fg.request('POST', `/api/v1/websites/alerts/${mine1[0].id}/acknowledge`),
      409,
      'WEBSITE_ALERT_ACKNOWLEDGED',
    );
    const open = (await fg.request('GET', '/api/v1/websites/alerts')).json().items;
    expect(open.map((a: { id: string }) => a.id)).not.toContain(mine1[0].id);

    const types = (await auditSince(t, before)).map((e) => e.type).filter((x) => x.startsWith('website.'));
    expect(types).toEqual([
      'website.created',
      'website.scan_requested',
      'website.scan_started',
      'website.scan_finished',
      'website.scan_requested',
      'website.scan_started',
      'website.scan_finished',
      'website.alert_acknowledged',
    ]);
  }, 360_000);

  it('the clean fixture site: a done scan with no trackers and no alert', async () => {
    const site = (
      await fg.request('POST', '/api/v1/websites', {
        body: {
          url: fx.cleanUrl,
          label: 'Schone site',
          owner: 'candidate',
          cadence: 'manual',
          crawlPages: 1,
        },
      })
    ).json();
    const queued = await fg.request('POST', `/api/v1/websites/${site.id}/scans`);
    expect(queued.statusCode, queued.body).toBe(202);
    const scan = await waitForScan(site.id, queued.json().id);
    expect(scan.status, scan.error).toBe('done');
    expect(scan.trackers).toBe(0);
    const alerts = (await fg.request('GET', '/api/v1/websites/alerts')).json().items;
    expect(alerts.filter((a: { websiteId: string }) => a.websiteId === site.id)).toEqual([]);
  }, 240_000);

  it('the scheduler (websites.enqueue-due) queues due sites only, and again when the cadence has passed', async () => {
    const site = (
      await fg.request('POST', '/api/v1/websites', {
        body: { url: fx.cleanUrl, label: 'Dagelijks', owner: 'party', cadence: 'daily', crawlPages: 1 },
      })
    ).json();
    const first = await enqueueDueScans(t.kernel);
    expect(first).toHaveLength(1);
    const scan = await waitForScan(site.id, first[0]!);
    expect(scan).toMatchObject({ status: 'done', trigger: 'schedule', trackers: 0 });
    expect(await enqueueDueScans(t.kernel)).toEqual([]);
    t.clock.advance(24 * 3_600_000);
    fg = await signIn(t, 'fg'); // the session ended with the day
    const next = await enqueueDueScans(t.kernel);
    expect(next).toHaveLength(1);
    expect((await waitForScan(site.id, next[0]!)).status).toBe('done');
    const requested = (await auditSince(t, 0, 'website.scan_requested')).filter((e) =>
      first.concat(next).includes(e.object_id ?? ''),
    );
    expect(requested.map((e) => [e.actor_type, JSON.parse(e.payload).trigger])).toEqual([
      ['system', 'schedule'],
      ['system', 'schedule'],
    ]);
  }, 240_000);
});
