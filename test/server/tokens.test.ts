/**
 * API tokens for integrations (docs/http-api.md "Account"): the secret is shown once, Bearer requests need
 * no CSRF token, scopes never exceed the user's permissions, revocation and expiry end them, and
 * so does the end of the user's campaign role. Tests run in order; the clock only moves forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { auditHead, auditSince, DAY, expectError, NO_SUCH_ID, PURPOSE, signIn, userIdOf } from './helpers.js';

const PERSONS = `/api/v1/persons?purpose=${encodeURIComponent(PURPOSE)}&limit=200`;

interface Created {
  id: string;
  token: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
}

describe.each(engines())('API tokens (%s)', (engine) => {
  let t: TestApp;
  let beheer: Client;
  let beheerId: string;

  const bearer = (token: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', url = PERSONS, body?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });

  async function mint(c: Client, body: object): Promise<Created> {
    const r = await c.request('POST', '/api/v1/tokens', { body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Created;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    beheer = await signIn(t, 'beheer');
    beheerId = await userIdOf(beheer);
  });
  afterAll(async () => {
    await t?.close();
  });

  let main: Created;

  it('create → 201 with the secret once; the list never shows it', async () => {
    const before = await auditHead(t);
    main = await mint(beheer, {
      name: 'Koppeling ledenadministratie',
      scopes: ['persons:read'],
      expiresInDays: 30,
    });
    expect(main.token).toMatch(/^kk_[\w-]{43}$/);
    expect(new Date(main.expiresAt!).getTime()).toBe(t.clock.now().getTime() + 30 * DAY);
    const listed = await beheer.request('GET', '/api/v1/tokens');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      {
        id: main.id,
        name: 'Koppeling ledenadministratie',
        scopes: ['persons:read'],
        createdAt: expect.any(String),
        expiresAt: main.expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(listed.body).not.toContain(main.token);
    expect(listed.body).not.toContain(main.token.slice(3));
    const created = await auditSince(t, before, 'token.created');
    expect(created).toEqual([expect.objectContaining({ actor_id: beheerId, object_id: main.id })]);
    expect(created[0]!.payload).not.toContain(main.token.slice(3));
    // Only the hash is stored.
    const { rows } = await t.kernel.db.query<{ h: string }>(
      'SELECT token_hash AS h FROM api_tokens WHERE id = $1',
      [main.id],
    );
    expect(rows[0]!.h).not.toContain(main.token.slice(3));
  });

  it('Bearer token reads /api/v1/persons without cookie or CSRF; the reads are audited as the token', async () => {
    const before = await auditHead(t);
    const r = await bearer(main.token);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items).toHaveLength(120);
    expect(r.headers['set-cookie']).toBeUndefined();
    const reads = await auditSince(t, before, 'person.read');
    expect(reads).toHaveLength(120);
    expect(new Set(reads.map((e) => `${e.actor_type} ${e.actor_id}`))).toEqual(
      new Set([`token ${beheerId}/token:${main.id}`]),
    );
    const listed = (await beheer.request('GET', '/api/v1/tokens')).json().items[0];
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('Bearer requests skip CSRF but cannot act as a session: minting a token with a token → 401, not 403 CSRF', async () => {
    expectError(
      await bearer(main.token, 'POST', '/api/v1/tokens', { name: 'Kind', scopes: ['persons:read'] }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await bearer(main.token, 'GET', '/api/v1/me'), 401, 'UNAUTHENTICATED');
    expectError(await bearer(main.token, 'POST', '/api/v1/audit/verify'), 403, 'FORBIDDEN');
  });

  it('R-63: a token with only audit:read cannot read persons → 403 FORBIDDEN', async () => {
    const audit = await mint(beheer, { name: 'Alleen audit', scopes: ['audit:read'] });
    const before = await auditHead(t);
    expectError(await bearer(audit.token), 403, 'FORBIDDEN');
    expectError(
      await bearer(audit.token, 'GET', `/api/v1/persons/${NO_SUCH_ID}?purpose=abc`),
      403,
      'FORBIDDEN',
    );
    expect(await auditSince(t, before, 'person.read')).toEqual([]);
  });

  it('R-63: a token never exceeds its user: the Amsterdam campaign lead’s token sees Amsterdam only', async () => {
    const lead = await signIn(t, 'campagne');
    const tok = await mint(lead, { name: 'Afdelingsexport', scopes: ['persons:read'] });
    const items = (await bearer(tok.token)).json().items as { branchName: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((p) => p.branchName))).toEqual(new Set(['Amsterdam']));
  });

  it('R-63: a role cannot mint a scope beyond its permissions → 403 FORBIDDEN, nothing stored', async () => {
    const lead = await signIn(t, 'campagne');
    const body = expectError(
      await lead.request('POST', '/api/v1/tokens', { body: { name: 'Audit', scopes: ['audit:read'] } }),
      403,
      'FORBIDDEN',
    );
    expect(body.details).toMatchObject({ scope: 'audit:read' });
    const volunteer = await signIn(t, 'vrijwilliger');
    expectError(
      await volunteer.request('POST', '/api/v1/tokens', {
        body: { name: 'Wijklijst', scopes: ['persons:read'] },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await volunteer.request('POST', '/api/v1/tokens', { body: { name: 'Audit', scopes: ['audit:read'] } }),
      403,
      'FORBIDDEN',
    );
    expect((await volunteer.request('GET', '/api/v1/tokens')).json().items).toEqual([]);
    expect(
      (await lead.request('GET', '/api/v1/tokens')).json().items.map((x: { name: string }) => x.name),
    ).toEqual(['Afdelingsexport']);
  });

  it('an unknown scope → 400 VALIDATION_FAILED naming scopes', async () => {
    const body = expectError(
      await beheer.request('POST', '/api/v1/tokens', { body: { name: 'x', scopes: ['persons:write'] } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(body.details)).toContain('scopes');
  });

  it('revoke → 204; the token then answers 401 TOKEN_INVALID; revoking again → 404', async () => {
    const before = await auditHead(t);
    const r = await beheer.request('DELETE', `/api/v1/tokens/${main.id}`);
    expect(r.statusCode).toBe(204);
    expectError(await bearer(main.token), 401, 'TOKEN_INVALID');
    const listed = (await beheer.request('GET', '/api/v1/tokens'))
      .json()
      .items.find((x: { id: string }) => x.id === main.id);
    expect(listed.revokedAt).not.toBeNull();
    expect(await auditSince(t, before, 'token.revoked')).toEqual([
      expect.objectContaining({ actor_id: beheerId, object_id: main.id }),
    ]);
    expectError(await beheer.request('DELETE', `/api/v1/tokens/${main.id}`), 404, 'NOT_FOUND');
  });

  it('someone else’s token id on DELETE → 404 NOT_FOUND like a missing one, and their token keeps working', async () => {
    const fg = await signIn(t, 'fg');
    const theirs = await mint(fg, { name: 'FG-rapportage', scopes: ['persons:read'] });
    const other = await beheer.request('DELETE', `/api/v1/tokens/${theirs.id}`);
    const missing = await beheer.request('DELETE', `/api/v1/tokens/${NO_SUCH_ID}`);
    expectError(other, 404, 'NOT_FOUND');
    expect(other.body).toBe(missing.body);
    expect((await bearer(theirs.token)).statusCode).toBe(200);
    expect((await fg.request('GET', '/api/v1/tokens')).json().items[0].revokedAt).toBeNull();
  });

  it('unknown, malformed or operator-looking secrets → 401 TOKEN_INVALID', async () => {
    for (const s of ['kk_nope', 'kk_', 'x', `kk_${'a'.repeat(43)}`, 'kko_not-the-operator']) {
      expectError(await bearer(s), 401, 'TOKEN_INVALID');
    }
  });

  it('an expired token → 401 TOKEN_INVALID (at the moment it expires)', async () => {
    const short = await mint(beheer, { name: 'Eendagsvlieg', scopes: ['persons:read'], expiresInDays: 1 });
    t.clock.advance(DAY - 1_000);
    expect((await bearer(short.token)).statusCode).toBe(200);
    t.clock.advance(1_000);
    expectError(await bearer(short.token), 401, 'TOKEN_INVALID');
  });

  it('R-89: when the campaign role ends, the user’s tokens stop too → 401 ACCESS_EXPIRED', async () => {
    const lead = await signIn(t, 'campagne');
    const validUntil = new Date(
      (await lead.request('GET', '/api/v1/me')).json().roles[0].validUntil as string,
    );
    const long = await mint(lead, { name: 'Lang geldig', scopes: ['persons:read'], expiresInDays: 366 });
    t.clock.set(new Date(validUntil.getTime() - 1_000));
    expect((await bearer(long.token)).statusCode).toBe(200);
    t.clock.set(new Date(validUntil.getTime() + 1_000));
    expectError(await bearer(long.token), 401, 'ACCESS_EXPIRED');
    // A staff member's token is not time-boxed by a role.
    const staff = await mint(await signIn(t, 'beheer'), { name: 'Na de campagne', scopes: ['persons:read'] });
    expect((await bearer(staff.token)).statusCode).toBe(200);
  });
});
