/**
 * CSRF on every state-changing route, token rotation at login, and the session cookie's attributes
 * (docs/http-api.md "Conventions"; R-61 secure sessions). A refused request must write nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { auditHead, codeNow, expectError, signIn } from './helpers.js';

type Method = 'POST' | 'PUT' | 'DELETE';
interface Row {
  method: Method;
  /** Path as OpenAPI spells it. */
  path: string;
  who: 'beheer' | 'fg' | 'anonymous';
  body?: unknown;
}

function setCookie(res: LightMyRequestResponse, name: string): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no Set-Cookie for ${name} in ${JSON.stringify(all)}`);
  return found;
}
const attrs = (cookie: string) =>
  cookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describe.each(engines())('CSRF and cookies (%s)', (engine) => {
  let t: TestApp;
  let beheer: Client;
  let fg: Client;
  let tokenId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    beheer = await signIn(t, 'beheer');
    fg = await signIn(t, 'fg');
    const tok = await beheer.request('POST', '/api/v1/tokens', {
      body: { name: 'CSRF-proef', scopes: ['persons:read'] },
    });
    expect(tok.statusCode, tok.body).toBe(201);
    tokenId = tok.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = (): Row[] => [
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      who: 'anonymous',
      body: { username: 'beheer', password: login(t, 'beheer').password },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      who: 'beheer',
      body: { username: 'fg', password: login(t, 'fg').password },
    },
    { method: 'POST', path: '/api/v1/auth/mfa/verify', who: 'beheer', body: { code: '123456' } },
    { method: 'POST', path: '/api/v1/auth/mfa/enroll', who: 'beheer', body: { code: '123456' } },
    { method: 'POST', path: '/api/v1/auth/logout', who: 'beheer' },
    { method: 'PUT', path: '/api/v1/me/locale', who: 'beheer', body: { locale: 'en' } },
    {
      method: 'POST',
      path: '/api/v1/tokens',
      who: 'beheer',
      body: { name: 'stiekem', scopes: ['persons:read'] },
    },
    { method: 'DELETE', path: '/api/v1/tokens/{id}', who: 'beheer' },
    {
      method: 'POST',
      path: '/api/v1/users',
      who: 'beheer',
      body: { username: 'stiekem', displayName: 'Stiekem', password: 'lang-genoeg-wachtwoord', role: 'fg' },
    },
    { method: 'POST', path: '/api/v1/audit/verify', who: 'fg' },
    { method: 'POST', path: '/api/v1/keys/rotate', who: 'beheer' },
    {
      method: 'POST',
      path: '/api/v1/websites',
      who: 'fg',
      body: { url: 'https://www.partij.example/', label: 'Stiekem', owner: 'party' },
    },
    { method: 'DELETE', path: '/api/v1/websites/{id}', who: 'fg' },
    { method: 'POST', path: '/api/v1/websites/{id}/scans', who: 'fg' },
    { method: 'POST', path: '/api/v1/websites/alerts/{alertId}/acknowledge', who: 'fg' },
    // The person register (issue 3).
    { method: 'POST', path: '/api/v1/persons', who: 'beheer', body: { firstName: 'Stiekem' } },
    { method: 'PUT', path: '/api/v1/persons/{id}/contact', who: 'beheer', body: { firstName: 'Stiekem' } },
    { method: 'PUT', path: '/api/v1/persons/{id}/ground', who: 'beheer', body: { basis: 'MEMBER_9_2_D' } },
    {
      method: 'POST',
      path: '/api/v1/persons/{id}/memberships',
      who: 'beheer',
      body: { since: '2020-01-01' },
    },
    {
      method: 'POST',
      path: '/api/v1/persons/{id}/memberships/{membershipId}/end',
      who: 'beheer',
      body: { until: '2024-01-01' },
    },
    {
      method: 'POST',
      path: '/api/v1/persons/{id}/evidence/regular-contact',
      who: 'beheer',
      body: { kind: 'ACTIVE_VOLUNTEER', occurrences: ['2024-01-01', '2024-02-01'] },
    },
    {
      method: 'POST',
      path: '/api/v1/persons/{id}/evidence/public',
      who: 'beheer',
      body: { activeAct: 'CANDIDACY', audienceUnrestricted: true, captureMethod: 'x', topic: 'y' },
    },
    {
      method: 'POST',
      path: '/api/v1/persons/{id}/evidence/{kind}/{evidenceId}/retract',
      who: 'beheer',
      body: { reason: 'stiekem' },
    },
    { method: 'POST', path: '/api/v1/persons/{id}/fields', who: 'beheer', body: { key: 'x', value: 'y' } },
    { method: 'POST', path: '/api/v1/persons/{id}/tags', who: 'beheer', body: { key: 'x' } },
    { method: 'POST', path: '/api/v1/persons/{id}/notes', who: 'beheer', body: { key: 'x', value: 'y' } },
    { method: 'DELETE', path: '/api/v1/persons/{id}/attributes/{attributeId}', who: 'beheer' },
    {
      method: 'POST',
      path: '/api/v1/field-definitions',
      who: 'beheer',
      body: { key: 'stiekem', labelNl: 'x', labelEn: 'y', kind: 'tag', dataClass: 'ordinary' },
    },
    {
      method: 'PUT',
      path: '/api/v1/field-definitions/{id}',
      who: 'beheer',
      body: { labelNl: 'x', labelEn: 'y', dataClass: 'ordinary' },
    },
    // consent (C2)
    { method: 'POST', path: '/api/v1/consent/purposes', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'PUT', path: '/api/v1/consent/purposes/{id}', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/consent/purposes/{id}/texts', who: 'beheer', body: { language: 'nl' } },
    { method: 'PUT', path: '/api/v1/consent/texts/{id}', who: 'beheer', body: { language: 'nl' } },
    { method: 'DELETE', path: '/api/v1/consent/texts/{id}', who: 'beheer' },
    { method: 'POST', path: '/api/v1/consent/forms', who: 'beheer', body: { slug: 'stiekem' } },
    { method: 'PUT', path: '/api/v1/consent/forms/{id}', who: 'beheer', body: { slug: 'stiekem' } },
    { method: 'POST', path: '/api/v1/consent/forms/{id}/publish', who: 'beheer' },
    { method: 'POST', path: '/api/v1/consent/forms/{id}/unpublish', who: 'beheer' },
    { method: 'POST', path: '/api/v1/consent/records', who: 'beheer', body: { personId: 'x' } },
    { method: 'POST', path: '/api/v1/consent/records/{id}/scan', who: 'beheer', body: { scan: 'x' } },
    { method: 'POST', path: '/api/v1/consent/withdrawals', who: 'beheer', body: { personId: 'x' } },
    // activities and destinations (issue 4)
    { method: 'PUT', path: '/api/v1/member-channels', who: 'fg', body: { channels: [], reason: null } },
    { method: 'POST', path: '/api/v1/activities', who: 'fg', body: { name: 'stiekem' } },
    { method: 'PUT', path: '/api/v1/activities/{id}', who: 'fg', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/destinations', who: 'fg', body: { name: 'stiekem' } },
    { method: 'PUT', path: '/api/v1/destinations/{id}', who: 'fg', body: { name: 'stiekem' } },
    // hypothetical assessments (issue 4)
    { method: 'POST', path: '/api/v1/assessments', who: 'fg', body: { person: {} } },
    // audiences (issue 4)
    { method: 'POST', path: '/api/v1/audiences', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'PUT', path: '/api/v1/audiences/{id}', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/audiences/{id}/evaluation', who: 'beheer' },
    { method: 'POST', path: '/api/v1/audiences/{id}/snapshots', who: 'beheer', body: { usedFor: 'review' } },
    { method: 'POST', path: '/api/v1/exports', who: 'beheer', body: { snapshotId: 'x' } },
    { method: 'POST', path: '/api/v1/exports/{id}/approve', who: 'fg' },
    { method: 'POST', path: '/api/v1/exports/{id}/decline', who: 'fg' },
    { method: 'POST', path: '/api/v1/custom-audience-requests', who: 'beheer', body: { snapshotId: 'x' } },
    // campaigns (issue 4, C5)
    { method: 'POST', path: '/api/v1/campaign-templates', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/campaign-templates/check', who: 'beheer', body: { content: {} } },
    { method: 'PUT', path: '/api/v1/campaign-templates/{id}', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/campaigns', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/campaigns/{id}/send', who: 'beheer' },
    { method: 'POST', path: '/api/v1/campaigns/{id}/messages/{mid}/resend', who: 'beheer' },
    { method: 'POST', path: '/api/v1/persons/{id}/objections', who: 'beheer', body: { channel: 'PHONE' } },
    // imports (C3)
    { method: 'POST', path: '/api/v1/datasets', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'POST', path: '/api/v1/datasets/{id}/provenance', who: 'beheer', body: { supplier: 'x' } },
    { method: 'POST', path: '/api/v1/datasets/{id}/imports', who: 'beheer' },
    { method: 'POST', path: '/api/v1/import-mappings', who: 'beheer', body: { name: 'stiekem' } },
    { method: 'PUT', path: '/api/v1/imports/{id}/mapping', who: 'beheer', body: { mapping: {} } },
    { method: 'POST', path: '/api/v1/imports/{id}/start', who: 'beheer' },
    { method: 'POST', path: '/api/v1/imports/{id}/cancel', who: 'beheer' },
  ];

  async function send(row: Row, csrf: string | null): Promise<LightMyRequestResponse> {
    const url = row.path.replace('{id}', tokenId);
    if (row.who === 'anonymous') {
      const c = t.client();
      await c.request('GET', '/api/v1/auth/session'); // has the pre-session cookie, just not the header
      return c.request(row.method, url, {
        body: row.body,
        csrf: false,
        headers: csrf === null ? {} : { 'x-csrf-token': csrf },
      });
    }
    const c = row.who === 'beheer' ? beheer : fg;
    return c.request(row.method, url, {
      body: row.body,
      csrf: false,
      headers: csrf === null ? {} : { 'x-csrf-token': csrf },
    });
  }

  async function state() {
    const tokens = (await beheer.request('GET', '/api/v1/tokens')).json().items;
    const me = (await beheer.request('GET', '/api/v1/me')).json();
    const health = (await beheer.request('GET', '/api/v1/health')).json();
    const users = await t.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    const sessions = await t.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions');
    return {
      audit: await auditHead(t),
      tokens,
      locale: me.locale,
      key: health.keys.activeKeyId,
      users: users.rows[0]!.n,
      sessions: sessions.rows[0]!.n,
    };
  }

  it('every state-changing route in the OpenAPI document is covered by the table below', async () => {
    const doc = (await t.client().request('GET', '/api/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const unsafe = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(new Set(rows().map((r) => `${r.method} ${r.path}`))).toEqual(new Set(unsafe));
  });

  it('every state-changing route without x-csrf-token → 403 CSRF_INVALID, and nothing is written', async () => {
    const before = await state();
    for (const row of rows()) {
      const res = await send(row, null);
      expect(`${row.method} ${row.path} (${row.who}) → ${res.statusCode} ${res.json().code}`).toBe(
        `${row.method} ${row.path} (${row.who}) → 403 CSRF_INVALID`,
      );
      expect(res.headers['set-cookie'] ?? '').not.toMatch(/kk_session=[^;]/);
    }
    expect(await state()).toEqual(before);
  });

  it('a wrong, empty or foreign x-csrf-token → 403 CSRF_INVALID, and nothing is written', async () => {
    const before = await state();
    for (const row of rows()) {
      const foreign = row.who === 'fg' ? beheer.csrf : fg.csrf;
      for (const token of ['wrong', '', `${foreign}`, `${(row.who === 'fg' ? fg : beheer).csrf}x`]) {
        const res = await send(row, token);
        expect(
          `${row.method} ${row.path} [${token.slice(0, 6)}] → ${res.statusCode} ${res.json().code}`,
        ).toBe(`${row.method} ${row.path} [${token.slice(0, 6)}] → 403 CSRF_INVALID`);
      }
    }
    expect(await state()).toEqual(before);
  });

  it('with the right token the same session may write (the refusals above were about CSRF only)', async () => {
    const r = await beheer.request('PUT', '/api/v1/me/locale', { body: { locale: 'nl' } });
    expect(r.statusCode, r.body).toBe(200);
  });

  it('the CSRF token rotates at login and again at the second factor; older tokens stop working', async () => {
    t.clock.advance(31_000);
    const c = t.client();
    const pre = (await c.request('GET', '/api/v1/auth/session')).json().csrfToken as string;
    const b = login(t, 'beheer');
    const r = await c.request('POST', '/api/v1/auth/login', {
      body: { username: 'beheer', password: b.password },
    });
    expect(r.statusCode, r.body).toBe(200);
    const afterLogin = r.json().csrfToken as string;
    expect(afterLogin).not.toBe(pre);
    expect(setCookie(r, 'kk_csrf')).toMatch(/^kk_csrf=;/); // the pre-session cookie is cleared
    const code = codeNow(t, b.totpSecret!);
    expectError(
      await c.request('POST', '/api/v1/auth/mfa/verify', {
        body: { code },
        csrf: false,
        headers: { 'x-csrf-token': pre },
      }),
      403,
      'CSRF_INVALID',
    );
    const v = await c.request('POST', '/api/v1/auth/mfa/verify', { body: { code } });
    expect(v.statusCode, v.body).toBe(200);
    const active = v.json().csrfToken as string;
    expect(active).not.toBe(afterLogin);
    for (const old of [pre, afterLogin]) {
      expectError(
        await c.request('PUT', '/api/v1/me/locale', {
          body: { locale: 'en' },
          csrf: false,
          headers: { 'x-csrf-token': old },
        }),
        403,
        'CSRF_INVALID',
      );
    }
    expect((await c.request('GET', '/api/v1/auth/session')).json().csrfToken).toBe(active);
    expect((await c.request('PUT', '/api/v1/me/locale', { body: { locale: 'nl' } })).statusCode).toBe(200);
  });

  it('kk_session is HttpOnly, SameSite=Strict, Path=/ and not Secure over plain http', async () => {
    t.clock.advance(31_000);
    const c = t.client();
    const s = await c.request('GET', '/api/v1/auth/session');
    expect(attrs(setCookie(s, 'kk_csrf'))).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']),
    );
    const r = await c.request('POST', '/api/v1/auth/login', {
      body: { username: 'fg', password: login(t, 'fg').password },
      // Without KIESKLUIS_TRUST_PROXY a forwarded-proto header is not believed.
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const a = attrs(setCookie(r, 'kk_session'));
    expect(a).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(a).not.toContain('secure');
    expect(a.some((x) => x.startsWith('domain='))).toBe(false);
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });

  it('CSRF is checked before the body is validated', async () => {
    const anon = t.client();
    await anon.request('GET', '/api/v1/auth/session');
    const login400 = await anon.request('POST', '/api/v1/auth/login', { body: {}, csrf: false });
    const tokens400 = await beheer.request('POST', '/api/v1/tokens', { body: { scopes: 'x' }, csrf: false });
    expect([login400.statusCode, login400.json().code]).toEqual([403, 'CSRF_INVALID']);
    expect([tokens400.statusCode, tokens400.json().code]).toEqual([403, 'CSRF_INVALID']);
  });
});

describe.each(engines())('cookies behind a TLS-terminating proxy (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { overrides: { KIESKLUIS_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-61: with KIESKLUIS_TRUST_PROXY=true and x-forwarded-proto: https, kk_session and kk_csrf are Secure; HSTS is sent', async () => {
    const c = t.client();
    const https = { 'x-forwarded-proto': 'https' };
    const s = await c.request('GET', '/api/v1/auth/session', { headers: https });
    expect(attrs(setCookie(s, 'kk_csrf'))).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=strict']),
    );
    const r = await c.request('POST', '/api/v1/auth/login', {
      body: { username: 'beheer', password: login(t, 'beheer').password },
      headers: https,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(attrs(setCookie(r, 'kk_session'))).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/']),
    );
    expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('R-61: behind the proxy, a forged X-Forwarded-For does not escape the login rate limit', async () => {
    // The proxy (10.0.0.1) appends the real client (203.0.113.9) to whatever the client sent.
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.1',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': `198.51.100.${i}, 203.0.113.9`,
        },
        payload: JSON.stringify({ username: 'niemand', password: 'raden' }),
      });
    const codes: number[] = [];
    for (let i = 1; i <= 31; i++) codes.push((await attempt(i)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 403)).toBe(true); // no CSRF token, but counted
    expect(codes[30]).toBe(429);
  });

  it('behind the proxy, a plain-http request still gets a cookie without Secure', async () => {
    const c = t.client();
    const s = await c.request('GET', '/api/v1/auth/session', { headers: { 'x-forwarded-proto': 'http' } });
    expect(attrs(setCookie(s, 'kk_csrf'))).not.toContain('secure');
  });
});
