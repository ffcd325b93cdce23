/**
 * Bad input never gives a 500 (issue "Bad input" list): malformed JSON, oversized bodies, unknown routes,
 * wrong types and missing fields (named in details.fields), bad uuids, and a fuzz-ish sweep over every
 * route. Every answer is `{ code, message, details }` in the asked language, with the security headers,
 * and never shows a stack trace.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/domain/codes.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { DAY, expectError, NO_SUCH_ID, PURPOSE, signIn } from './helpers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const BODY_LIMIT = 2048;
const P = `purpose=${encodeURIComponent(PURPOSE)}`;

describe.each(engines())('bad input never gives a 500 (%s)', (engine) => {
  let t: TestApp;
  let admin: Client;
  const seen: LightMyRequestResponse[] = [];
  const rec = (r: LightMyRequestResponse) => {
    seen.push(r);
    return r;
  };
  /** As the signed-in admin (cookie + CSRF token). */
  const asAdmin = async (method: Method, url: string, opts: Parameters<Client['request']>[2] = {}) =>
    rec(await admin.request(method, url, opts));
  /** Anonymous, with the pre-session CSRF token like the login page. */
  const asAnon = async (method: Method, url: string, opts: Parameters<Client['request']>[2] = {}) => {
    const c = t.client();
    await c.request('GET', '/api/v1/auth/session');
    return rec(await c.request(method, url, opts));
  };

  beforeAll(async () => {
    t = await startTestApp(engine, {
      overrides: { KIESKLUIS_BODY_LIMIT_BYTES: String(BODY_LIMIT), KIESKLUIS_LOGIN_RATE_LIMIT: '10000' },
    });
    admin = await signIn(t, 'beheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const WRITES: [Method, string][] = [
    ['POST', '/api/v1/auth/login'],
    ['POST', '/api/v1/auth/mfa/verify'],
    ['PUT', '/api/v1/me/locale'],
    ['POST', '/api/v1/tokens'],
    ['POST', '/api/v1/users'],
  ];

  it('malformed JSON → 400 MALFORMED_JSON on every route with a body', async () => {
    for (const [method, url] of WRITES) {
      for (const raw of [
        '{',
        '{"a":',
        "{'a':1}",
        '{"a":1,}',
        'undefined',
        '',
        '{"__proto__":{"admin":true}}',
      ]) {
        const r = await asAdmin(method, url, { raw });
        expect(`${method} ${url} ${JSON.stringify(raw)} → ${r.statusCode} ${r.json().code}`).toBe(
          `${method} ${url} ${JSON.stringify(raw)} → 400 MALFORMED_JSON`,
        );
      }
    }
    expectError(await asAnon('POST', '/api/v1/auth/login', { raw: '{"username":' }), 400, 'MALFORMED_JSON');
  });

  it(`a body over the limit (${BODY_LIMIT} bytes) → 413 BODY_TOO_LARGE, also before login`, async () => {
    const big = 'x'.repeat(BODY_LIMIT + 1);
    expectError(
      await asAnon('POST', '/api/v1/auth/login', { body: { username: 'a', password: big } }),
      413,
      'BODY_TOO_LARGE',
    );
    expectError(
      await asAdmin('POST', '/api/v1/tokens', { body: { name: big, scopes: ['persons:read'] } }),
      413,
      'BODY_TOO_LARGE',
    );
    expectError(await asAdmin('POST', '/api/v1/users', { raw: big }), 413, 'BODY_TOO_LARGE');
    const tokens = (await asAdmin('GET', '/api/v1/tokens')).json().items;
    expect(tokens).toEqual([]);
  });

  it('unknown API route → 404 ROUTE_NOT_FOUND with { code, message, details }', async () => {
    const expected = { code: 'ROUTE_NOT_FOUND', message: CODES.ROUTE_NOT_FOUND.nl, details: {} };
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/nope'],
      ['GET', '/api/v2/persons'],
      ['DELETE', '/api/v1/persons/a/b'],
      ['PUT', '/api/v1/persons'],
      ['GET', '/api/v1/tokens/'],
      ['GET', '/api/'],
    ] as [Method, string][]) {
      const r = await asAdmin(method, url, method === 'GET' ? {} : { body: {} });
      expect([`${method} ${url}`, r.statusCode, r.json()]).toEqual([`${method} ${url}`, 404, expected]);
    }
  });

  it('wrong types and missing fields → 400 VALIDATION_FAILED naming every field in details.fields', async () => {
    const badUser = { username: 'abc', displayName: 'A', password: 'lang-genoeg-wachtwoord', role: 'fg' };
    // [who, method, url, body, details.in, fields that must be named]
    const cases: ['admin' | 'anon', Method, string, unknown, string, string[]][] = [
      [
        'admin',
        'POST',
        '/api/v1/tokens',
        { name: 5, scopes: 'x', expiresInDays: 'soon' },
        'body',
        ['name', 'scopes', 'expiresInDays'],
      ],
      ['admin', 'POST', '/api/v1/tokens', { name: 'ok', scopes: ['persons:write'] }, 'body', ['scopes.0']],
      [
        'admin',
        'POST',
        '/api/v1/tokens',
        { name: 'ok', scopes: [], expiresInDays: 0 },
        'body',
        ['scopes', 'expiresInDays'],
      ],
      ['anon', 'POST', '/api/v1/auth/login', {}, 'body', ['username', 'password']],
      [
        'anon',
        'POST',
        '/api/v1/auth/login',
        { username: ' ', password: '' },
        'body',
        ['username', 'password'],
      ],
      ['admin', 'PUT', '/api/v1/me/locale', { locale: 'de' }, 'body', ['locale']],
      ['admin', 'POST', '/api/v1/auth/mfa/verify', { code: '12345' }, 'body', ['code']],
      ['admin', 'POST', '/api/v1/users', { username: 'x' }, 'body', ['displayName', 'password', 'role']],
      [
        'admin',
        'POST',
        '/api/v1/users',
        { ...badUser, email: 'geen-mail', validUntil: 'morgen', area: { from: 999, to: 'x' } },
        'body',
        ['email', 'validUntil', 'area.from', 'area.to'],
      ],
      ['admin', 'GET', '/api/v1/persons?limit=abc', undefined, 'querystring', ['limit', 'purpose']],
      ['admin', 'GET', `/api/v1/persons?${P}&limit=0`, undefined, 'querystring', ['limit']],
      ['admin', 'GET', `/api/v1/persons?${P}&limit=201`, undefined, 'querystring', ['limit']],
      ['admin', 'GET', '/api/v1/persons?purpose=%20ab%20', undefined, 'querystring', ['purpose']],
      ['admin', 'GET', `/api/v1/persons?purpose=${'x'.repeat(201)}`, undefined, 'querystring', ['purpose']],
      ['admin', 'GET', `/api/v1/persons/${NO_SUCH_ID}`, undefined, 'querystring', ['purpose']],
    ];
    for (const [who, method, url, reqBody, where, fields] of cases) {
      const res = await (who === 'admin' ? asAdmin : asAnon)(
        method,
        url,
        reqBody === undefined ? {} : { body: reqBody },
      );
      const body = expectError(res, 400, 'VALIDATION_FAILED');
      const named = (body.details.fields as { field: string; problem: string }[]).map((f) => f.field);
      expect([url, body.details.in]).toEqual([url, where]);
      expect(named).toEqual(expect.arrayContaining(fields));
      for (const f of body.details.fields as { problem: unknown }[]) expect(f.problem).toBeTypeOf('string');
    }
  });

  it('an invalid uuid in a path or cursor → 400 VALIDATION_FAILED, never a database error', async () => {
    for (const [method, url, where] of [
      ['GET', `/api/v1/persons/not-a-uuid?${P}`, 'params'],
      ['GET', `/api/v1/persons/${NO_SUCH_ID}x?${P}`, 'params'],
      ['GET', `/api/v1/persons/%00?${P}`, 'params'],
      ['GET', `/api/v1/persons/'%20OR%201=1--?${P}`, 'params'],
      ['DELETE', '/api/v1/tokens/123', 'params'],
      ['GET', `/api/v1/persons?${P}&after=not-a-uuid`, 'querystring'],
    ] as [Method, string, string][]) {
      const body = expectError(await asAdmin(method, url), 400, 'VALIDATION_FAILED');
      expect([url, body.details.in]).toEqual([url, where]);
    }
    expectError(await asAdmin('GET', `/api/v1/persons/${NO_SUCH_ID}?${P}`), 404, 'NOT_FOUND');
  });

  it('Accept-Language: en… → English message; anything else → Dutch', async () => {
    for (const [lang, locale] of [
      ['en', 'en'],
      ['en-GB,en;q=0.9', 'en'],
      ['EN-us', 'en'],
      ['nl-NL', 'nl'],
      ['de', 'nl'],
      ['*', 'nl'],
    ] as const) {
      const headers = { 'accept-language': lang };
      const unauth = rec(await t.client().request('GET', '/api/v1/me', { headers }));
      expect([lang, unauth.json().message]).toEqual([lang, CODES.UNAUTHENTICATED[locale]]);
      const invalid = await asAdmin('PUT', '/api/v1/me/locale', { body: { locale: 'xx' }, headers });
      expect([lang, invalid.json().message]).toEqual([lang, CODES.VALIDATION_FAILED[locale]]);
      const missing = await asAdmin('GET', '/api/v1/bestaat-niet', { headers });
      expect([lang, missing.json().message]).toEqual([lang, CODES.ROUTE_NOT_FOUND[locale]]);
    }
  });

  it('security headers on API answers, errors included: CSP default-src none, nosniff, no-referrer, frame-ancestors', async () => {
    const answers = [
      await asAdmin('GET', '/api/v1/health'),
      await asAdmin('GET', '/api/v1/me'),
      rec(await t.client().request('GET', '/api/v1/me')),
      await asAdmin('GET', '/api/v1/nope'),
      await asAdmin('POST', '/api/v1/tokens', { raw: '{' }),
      await asAdmin('POST', '/api/v1/tokens', { raw: 'x'.repeat(BODY_LIMIT + 1) }),
      await asAdmin('POST', '/api/v1/tokens', {
        raw: '<a/>',
        headers: { 'content-type': 'application/xml' },
      }),
      await asAdmin('PUT', '/api/v1/me/locale', { body: { locale: 'nl' }, csrf: false }),
    ];
    for (const r of answers) {
      const h = r.headers;
      expect(String(h['content-security-policy'])).toMatch(/default-src 'none'/);
      expect(String(h['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-frame-options']).toBeDefined();
      expect(h['cache-control']).toBe('no-store');
      expect(String(h['content-type'])).toMatch(/^application\/json/);
    }
    for (const url of ['/', '/personen', '/api/docs']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(String(r.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
      expect(String(r.headers['content-security-policy'])).not.toMatch(/unsafe-eval/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('fuzz-ish sweep: ~60 malformed bodies, queries and headers across all routes all answer < 500', async () => {
    const now = t.clock.now().getTime();
    const user = (o: object) => ({
      username: 'fuzz',
      displayName: 'F',
      password: 'lang-genoeg-wachtwoord',
      role: 'fg',
      ...o,
    });
    const bodies: [Method, string, unknown][] = [
      ['POST', '/api/v1/auth/login', []],
      ['POST', '/api/v1/auth/login', null],
      ['POST', '/api/v1/auth/login', 'string'],
      ['POST', '/api/v1/auth/login', 123],
      ['POST', '/api/v1/auth/login', { username: 'nobody', password: ['x'] }],
      ['POST', '/api/v1/auth/login', { username: 'n'.repeat(65), password: 'x' }],
      ['POST', '/api/v1/auth/login', { username: 'nobody', password: 'x'.repeat(1025) }],
      ['POST', '/api/v1/auth/login', { username: '\ud800', password: '\udfff' }],
      ['POST', '/api/v1/auth/login', { username: "nobody' OR 1=1--", password: 'x' }],
      ['POST', '/api/v1/auth/login', { username: { $ne: null }, password: { $gt: '' } }],
      ['POST', '/api/v1/auth/mfa/verify', { code: 123456 }],
      ['POST', '/api/v1/auth/mfa/verify', { code: '１２３４５６' }],
      ['POST', '/api/v1/auth/mfa/enroll', { code: '12345a' }],
      ['POST', '/api/v1/auth/mfa/enroll', {}],
      ['PUT', '/api/v1/me/locale', { locale: ['nl'] }],
      ['PUT', '/api/v1/me/locale', { locale: null }],
      ['POST', '/api/v1/tokens', { name: '', scopes: ['persons:read'] }],
      ['POST', '/api/v1/tokens', { name: 'n'.repeat(101), scopes: ['persons:read'] }],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: Array(11).fill('persons:read') }],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: ['persons:read'], expiresInDays: -1 }],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: ['persons:read'], expiresInDays: 1.5 }],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: ['persons:read'], expiresInDays: 367 }],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: ['persons:read'], expiresInDays: '30' }],
      ['POST', '/api/v1/tokens', { name: 'x', scopes: [null] }],
      ['POST', '/api/v1/users', user({ role: 'superadmin' })],
      ['POST', '/api/v1/users', user({ username: '../../etc' })],
      ['POST', '/api/v1/users', user({ password: 'kort' })],
      ['POST', '/api/v1/users', user({ locale: 'fr' })],
      ['POST', '/api/v1/users', user({ branchId: 'x' })],
      ['POST', '/api/v1/users', user({ validUntil: '2030-13-01T00:00:00Z' })],
      ['POST', '/api/v1/users', user({ validUntil: new Date(now - DAY).toISOString() })],
      ['POST', '/api/v1/users', user({ role: 'volunteer', area: { from: 1019, to: 1000 } })],
      ['POST', '/api/v1/users', user({ role: 'volunteer', area: { from: 1000, to: 1019 } })],
      [
        'POST',
        '/api/v1/users',
        user({
          role: 'volunteer',
          area: { from: 1000, to: 1019 },
          validUntil: new Date(now + 400 * DAY).toISOString(),
        }),
      ],
      [
        'POST',
        '/api/v1/users',
        user({ role: 'campaign_lead', validUntil: new Date(now + 30 * DAY).toISOString() }),
      ],
      ['POST', '/api/v1/audit/verify', { anything: true }],
      ['POST', '/api/v1/keys/rotate', 'x'.repeat(100)],
      ['DELETE', `/api/v1/tokens/${NO_SUCH_ID}`, { x: 1 }],
    ];
    const raws: [Method, string, string, Record<string, string>][] = [
      ['POST', '/api/v1/tokens', '[['.repeat(500) + ']]'.repeat(500), {}],
      ['POST', '/api/v1/tokens', '{"name":"x","scopes":["persons:read"],"expiresInDays":1e400}', {}],
      ['POST', '/api/v1/tokens', '{}', { 'content-type': 'application/json; charset=utf-16' }],
      ['POST', '/api/v1/tokens', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['POST', '/api/v1/tokens', '--x\r\n', { 'content-type': 'multipart/form-data; boundary=x' }],
      ['POST', '/api/v1/auth/login', 'hallo', { 'content-type': 'text/plain' }],
      ['PUT', '/api/v1/me/locale', '"nl"', { 'content-type': 'application/json;;;' }],
    ];
    const queries = [
      `/api/v1/persons?${P}&limit=-1`,
      `/api/v1/persons?${P}&limit=1.5`,
      `/api/v1/persons?${P}&limit=1e3`,
      `/api/v1/persons?${P}&limit=%00`,
      `/api/v1/persons?${P}&limit=1&limit=2`,
      `/api/v1/persons?${P}&${P}`,
      '/api/v1/persons?purpose[]=abc',
      `/api/v1/persons?__proto__=x&constructor=y&${P}`,
      '/api/v1/persons?purpose=%FF%FEabc',
      `/api/v1/persons?${P}&after=00000000-0000-0000-0000-000000000000`,
      `/api/v1/persons/ffffffff-ffff-ffff-ffff-ffffffffffff?${P}`,
      `/api/v1/persons?${'a'.repeat(4000)}=1&${P}`,
    ];
    const headerSets: Record<string, string>[] = [
      { authorization: 'Bearer ' },
      { authorization: 'Bearer kk_' },
      { authorization: 'Bearer kko_' },
      { authorization: 'Bearer kko_test-operator-secret-but-longer' },
      { authorization: 'Basic Zm9vOmJhcg==' },
      { authorization: `Bearer ${'x'.repeat(8000)}` },
      { cookie: 'kk_session=' },
      { cookie: 'kk_session=%' },
      { cookie: `kk_session=${'a'.repeat(4000)}` },
      { cookie: 'kk_session=a; kk_session=b' },
      { 'accept-language': ';q=abc,,,' },
      { 'x-forwarded-proto': 'gopher', 'x-forwarded-for': 'not-an-ip' },
    ];
    const all: LightMyRequestResponse[] = [];
    for (const [m, url, body] of bodies) all.push(await asAdmin(m, url, { body }));
    for (const [m, url, raw, headers] of raws) all.push(await asAdmin(m, url, { raw, headers }));
    for (const url of queries) all.push(await asAdmin('GET', url));
    for (const headers of headerSets) {
      for (const [m, url] of [
        ['GET', `/api/v1/persons?${P}`],
        ['POST', '/api/v1/audit/verify'],
      ] as [Method, string][]) {
        all.push(rec(await t.app.inject({ method: m, url, headers })));
      }
    }
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const r of all) {
      expect(`${r.statusCode} ${r.body.slice(0, 120)}`).toMatch(/^[1-4]\d\d /);
      if (r.statusCode >= 400) expect(Object.keys(r.json()).sort()).toEqual(['code', 'details', 'message']);
    }
  });

  it('never a 500: a NUL character in the login username → 400 VALIDATION_FAILED', async () => {
    const r = await asAnon('POST', '/api/v1/auth/login', {
      body: { username: 'beh\u0000eer', password: 'x' },
    });
    expectError(r, 400, 'VALIDATION_FAILED');
  });

  it('never a 500: a NUL character in the read purpose → 400 VALIDATION_FAILED', async () => {
    expectError(await asAdmin('GET', '/api/v1/persons?purpose=Bel%00ronde'), 400, 'VALIDATION_FAILED');
  });

  it('never a 500: a NUL character in a token name → 400 VALIDATION_FAILED', async () => {
    const r = await asAdmin('POST', '/api/v1/tokens', {
      body: { name: 'CRM\u0000', scopes: ['persons:read'] },
    });
    expectError(r, 400, 'VALIDATION_FAILED');
  });

  it('never a 500: a user with an unknown branchId / candidateId → 400', async () => {
    const validUntil = new Date(t.clock.now().getTime() + 30 * DAY).toISOString();
    const base = { displayName: 'X', password: 'lang-genoeg-wachtwoord', validUntil };
    const branch = await asAdmin('POST', '/api/v1/users', {
      body: { ...base, username: 'spook1', role: 'campaign_lead', branchId: NO_SUCH_ID },
    });
    const candidate = await asAdmin('POST', '/api/v1/users', {
      body: { ...base, username: 'spook2', role: 'candidate', candidateId: NO_SUCH_ID },
    });
    expect([branch.statusCode, candidate.statusCode]).toEqual([400, 400]);
  });

  it('a badly percent-encoded URL → 400 with { code, message, details } and the security headers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/persons/%E0%A4%A' });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(r.json()).sort()).toEqual(['code', 'details', 'message']);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('no answer in this file contained a stack trace, a file path or an error class name', () => {
    expect(seen.length).toBeGreaterThan(100);
    for (const r of seen) {
      expect(r.body).not.toMatch(/\bat .+:\d+:\d+/);
      expect(r.body).not.toMatch(/\/(src|node_modules|work)\//);
      expect(r.body).not.toMatch(/\b\w*Error:|FST_ERR|\bstack\b/);
    }
  });
});
