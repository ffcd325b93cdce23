/**
 * Operations over HTTP: health, audit-chain verification (FG or local operator), key rotation (admin or
 * local operator) without downtime, the OpenAPI document, and the login rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { auditHead, auditSince, expectError, PURPOSE, signIn, userIdOf } from './helpers.js';

const Q = `purpose=${encodeURIComponent(PURPOSE)}`;

describe.each(engines())('operations (%s)', (engine) => {
  let t: TestApp;
  let fg: Client;
  let beheer: Client;

  const operator = (url: string, secret = t.operatorSecret) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${secret}` } });
  const health = async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    fg = await signIn(t, 'fg');
    beheer = await signIn(t, 'beheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/v1/health (anonymous) → status, database, jobs and keys', async () => {
    expect(await health()).toEqual({
      status: 'ok',
      database: { ok: true, engine },
      jobs: { ok: true, enabled: false },
      keys: { ok: true, activeKeyId: expect.stringMatching(/^f[0-9a-f]+$/), keysAwaitingReencryption: [] },
    });
  });

  it('POST /api/v1/audit/verify by the FG → ok true, and the verification itself is audited', async () => {
    const before = await auditHead(t);
    const r = await fg.request('POST', '/api/v1/audit/verify');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      ok: true,
      entries: before,
      lastPosition: before,
      problems: [],
      truncated: false,
    });
    expect(await auditSince(t, before)).toEqual([
      expect.objectContaining({ type: 'audit.verified', actor_type: 'user', actor_id: await userIdOf(fg) }),
    ]);
  });

  it('R-63: audit verify by a campaign lead or the admin → 403 FORBIDDEN; anonymous → 401', async () => {
    const lead = await signIn(t, 'campagne');
    const before = await auditHead(t);
    expectError(await lead.request('POST', '/api/v1/audit/verify'), 403, 'FORBIDDEN');
    expectError(await beheer.request('POST', '/api/v1/audit/verify'), 403, 'FORBIDDEN');
    const anon = t.client();
    await anon.request('GET', '/api/v1/auth/session');
    expectError(await anon.request('POST', '/api/v1/audit/verify'), 401, 'UNAUTHENTICATED');
    expect(await auditSince(t, before, 'audit.verified')).toEqual([]);
  });

  it('the local operator (Bearer kko_…) verifies the chain; a wrong operator secret → 401 TOKEN_INVALID', async () => {
    const r = await operator('/api/v1/audit/verify');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().ok).toBe(true);
    const before = await auditHead(t);
    for (const wrong of ['kko_wrong', `${t.operatorSecret}x`, t.operatorSecret.slice(0, -1)]) {
      expectError(await operator('/api/v1/audit/verify', wrong), 401, 'TOKEN_INVALID');
      expectError(await operator('/api/v1/keys/rotate', wrong), 401, 'TOKEN_INVALID');
    }
    expect(await auditHead(t)).toBe(before);
  });

  it('R-63: key rotation by the FG or a campaign lead → 403 FORBIDDEN; the key stays', async () => {
    const key = (await health()).keys.activeKeyId;
    expectError(await fg.request('POST', '/api/v1/keys/rotate'), 403, 'FORBIDDEN');
    expectError(await (await signIn(t, 'campagne')).request('POST', '/api/v1/keys/rotate'), 403, 'FORBIDDEN');
    expect((await health()).keys.activeKeyId).toBe(key);
  });

  it('operator rotates the key: health shows the new activeKeyId, fields move onto it, persons still decrypt', async () => {
    const id = (
      (await beheer.request('GET', `/api/v1/persons?${Q}&limit=1`)).json().items as { id: string }[]
    )[0]!.id;
    const person = (await beheer.request('GET', `/api/v1/persons/${id}?${Q}`)).json();
    const old = (await health()).keys.activeKeyId as string;
    const before = await auditHead(t);

    const r = await operator('/api/v1/keys/rotate');
    expect(r.statusCode, r.body).toBe(200);
    const rotated = r.json();
    expect(rotated).toMatchObject({ previousKeyId: old, queued: false });
    expect(rotated.activeKeyId).not.toBe(old);
    expect(rotated.reencrypted).toBeGreaterThan(120 * 2); // at least first and last names

    const h = await health();
    expect(h.keys).toEqual({ ok: true, activeKeyId: rotated.activeKeyId, keysAwaitingReencryption: [] });
    const { rows } = await t.kernel.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM persons WHERE first_name_enc NOT LIKE $1',
      [`kk1:${rotated.activeKeyId}:%`],
    );
    expect(rows[0]!.n).toBe(0);
    expect((await beheer.request('GET', `/api/v1/persons/${id}?${Q}`)).json()).toEqual(person);
    expect(await auditSince(t, before, 'keys.rotated')).toEqual([
      expect.objectContaining({ actor_type: 'operator', actor_id: null }),
    ]);
  });

  it('after rotation, logins still work (TOTP secrets were re-encrypted) and the admin may rotate again', async () => {
    const admin = await signIn(t, 'beheer');
    const r = await admin.request('POST', '/api/v1/keys/rotate');
    expect(r.statusCode, r.body).toBe(200);
    expect((await health()).keys.activeKeyId).toBe(r.json().activeKeyId);
    const again = await signIn(t, 'fg');
    expect((await again.request('GET', `/api/v1/persons?${Q}&limit=3`)).json().items).toHaveLength(3);
    const v = await again.request('POST', '/api/v1/audit/verify');
    expect(v.json()).toMatchObject({ ok: true, problems: [] });
  });

  it('/api/docs/json is an OpenAPI 3 document with every /api/v1 route of docs/http-api.md', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Kieskluis API', version: '1' });
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/v1/auth/session',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/mfa/verify',
        'GET /api/v1/auth/mfa/enroll',
        'POST /api/v1/auth/mfa/enroll',
        'POST /api/v1/auth/logout',
        'GET /api/v1/me',
        'PUT /api/v1/me/locale',
        'GET /api/v1/tokens',
        'POST /api/v1/tokens',
        'DELETE /api/v1/tokens/{id}',
        'GET /api/v1/persons',
        'GET /api/v1/persons/{id}',
        'GET /api/v1/health',
        'POST /api/v1/audit/verify',
        'POST /api/v1/keys/rotate',
      ]),
    );
    // API routes are all versioned (the web app's own routes, /, /assets, also appear; harmless).
    for (const p of Object.keys(doc.paths).filter((x) => x.startsWith('/api/')))
      expect(p).toMatch(/^\/api\/v1\//);
    for (const [p, o] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(o))
        expect([`${m} ${p}`, typeof op.responses]).toEqual([`${m} ${p}`, 'object']);
    }
    const persons = doc.paths['/api/v1/persons']!.get as {
      parameters?: { name: string; required?: boolean }[];
    };
    expect(persons.parameters?.find((x) => x.name === 'purpose')?.required).toBe(true);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });

  it('R-61: more than KIESKLUIS_LOGIN_RATE_LIMIT (30) login attempts a minute from one address → 429 RATE_LIMITED', async () => {
    const attempt = (ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username: 'beheer', password: 'raden' }),
      });
    for (let i = 0; i < 30; i++) expect((await attempt('192.0.2.7')).statusCode).toBe(403); // no CSRF token
    expectError(await attempt('192.0.2.7'), 429, 'RATE_LIMITED');
    expect((await attempt('192.0.2.8')).statusCode).toBe(403);
    // None of these reached the password check: beheer is not locked.
    const ok = t.client();
    expect((await ok.logInPassword('beheer', login(t, 'beheer').password)).statusCode).toBe(200);
  });
});
