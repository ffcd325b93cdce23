/**
 * Login, second factor, enrolment, sessions and time-boxed access over HTTP, on the real server and
 * database (R-61 MFA, lockout, idle logout; R-89 access ends with the role). Tests run in order on one
 * app and move its clock forward only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  auditHead,
  auditSince,
  codeNow,
  DAY,
  expectError,
  MINUTE,
  rememberSecret,
  STEP_MS,
  secretOf,
  signIn,
  userIdOf,
  withCookie,
  wrongCode,
} from './helpers.js';

const PERSONS = '/api/v1/persons?purpose=Belronde%20voorbereiden';

describe.each(engines())('auth flow over HTTP (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // Many logins from one address in a few seconds: lift the per-minute rate limit for this file.
    t = await startTestApp(engine, { overrides: { KIESKLUIS_LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const step = () => t.clock.advance(STEP_MS + 1_000);

  it('R-61: session → login → TOTP verify → /me shows roles and app areas', async () => {
    step();
    const c = t.client();
    const s = await c.request('GET', '/api/v1/auth/session');
    expect(s.statusCode).toBe(200);
    expect(s.json()).toEqual({ stage: 'anonymous', csrfToken: expect.stringMatching(/^[\w-]{43}$/) });
    const b = login(t, 'beheer');
    const r = await c.request('POST', '/api/v1/auth/login', {
      body: { username: b.username, password: b.password },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().stage).toBe('mfa_verify');
    const v = await c.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: codeNow(t, b.totpSecret!) },
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().stage).toBe('active');
    const me = await c.request('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'beheer',
      roles: [{ role: 'admin', branchId: null, candidateId: null, area: null, validUntil: null }],
      areas: ['personen', 'importeren', 'toestemming', 'doelgroepen', 'rechten', 'instellingen'],
    });
    expect(me.json().permissions).toContain('person:read');
    const session = await c.request('GET', '/api/v1/auth/session');
    expect(session.json()).toMatchObject({ stage: 'active', user: { username: 'beheer' } });
  });

  it('R-63: /me of a campaign lead shows the branch scope and the areas the policy opens', async () => {
    const c = await signIn(t, 'campagne');
    const me = (await c.request('GET', '/api/v1/me')).json();
    expect(me.roles).toEqual([
      expect.objectContaining({
        role: 'campaign_lead',
        branchName: 'Amsterdam',
        validUntil: expect.any(String),
      }),
    ]);
    expect(me.areas).toEqual([
      'personen',
      'toestemming',
      'doelgroepen',
      'verantwoording',
      'websites',
      'instellingen',
    ]);
  });

  it('R-61: wrong password → 401 INVALID_CREDENTIALS, the same answer as an unknown user', async () => {
    const c = t.client();
    const wrong = expectError(
      await c.logInPassword('beheer', 'not-the-password'),
      401,
      'INVALID_CREDENTIALS',
    );
    const unknown = expectError(
      await c.logInPassword('niemand', 'not-the-password'),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(unknown).toEqual(wrong);
    expect(c.cookies.has('kk_session')).toBe(false);
  });

  it('R-61: 5 wrong passwords → 429 LOGIN_LOCKED; the right password is refused until the lock (15 min) passes', async () => {
    step();
    const c = t.client();
    const team = login(t, 'team');
    for (let i = 1; i <= 4; i++)
      expectError(await c.logInPassword('team', `wrong-${i}`), 401, 'INVALID_CREDENTIALS');
    expectError(await c.logInPassword('team', 'wrong-5'), 429, 'LOGIN_LOCKED');
    expectError(await c.logInPassword('team', team.password), 429, 'LOGIN_LOCKED');
    t.clock.advance(14 * MINUTE);
    expectError(await c.logInPassword('team', team.password), 429, 'LOGIN_LOCKED');
    expect(c.cookies.has('kk_session')).toBe(false);
    t.clock.advance(MINUTE + 1_000);
    const ok = await c.logInPassword('team', team.password);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().stage).toBe('mfa_enroll');
  });

  it('R-61: a wrong TOTP code → 401 MFA_INVALID and the session stays at the second factor', async () => {
    step();
    const c = t.client();
    const fg = login(t, 'fg');
    await c.logInPassword('fg', fg.password);
    expectError(
      await c.request('POST', '/api/v1/auth/mfa/verify', { body: { code: wrongCode(t, fg.totpSecret!) } }),
      401,
      'MFA_INVALID',
    );
    expectError(await c.request('GET', PERSONS), 401, 'MFA_REQUIRED');
    const ok = await c.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: codeNow(t, fg.totpSecret!) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('R-61: a replayed TOTP code (same 30 s step, new login) → 401 MFA_INVALID', async () => {
    step();
    const fg = login(t, 'fg');
    const code = codeNow(t, fg.totpSecret!);
    const first = t.client();
    await first.logInPassword('fg', fg.password);
    expect((await first.request('POST', '/api/v1/auth/mfa/verify', { body: { code } })).statusCode).toBe(200);
    const second = t.client();
    await second.logInPassword('fg', fg.password);
    expectError(
      await second.request('POST', '/api/v1/auth/mfa/verify', { body: { code } }),
      401,
      'MFA_INVALID',
    );
    step();
    const fresh = await second.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: codeNow(t, fg.totpSecret!) },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('R-61: MFA_REQUIRED on personal data before the second factor (verify stage and enrol stage)', async () => {
    step();
    const admin = t.client();
    await admin.logInPassword('beheer', login(t, 'beheer').password);
    expectError(await admin.request('GET', PERSONS), 401, 'MFA_REQUIRED');
    expectError(await admin.request('GET', '/api/v1/me'), 401, 'MFA_REQUIRED');
    expectError(await admin.request('GET', '/api/v1/tokens'), 401, 'MFA_REQUIRED');
    const cand = t.client();
    const r = await cand.logInPassword('kandidaat', login(t, 'kandidaat').password);
    expect(r.json().stage).toBe('mfa_enroll');
    expectError(await cand.request('GET', PERSONS), 401, 'MFA_REQUIRED');
    expectError(
      await cand.request(
        'GET',
        `/api/v1/persons/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}?purpose=xyz`,
      ),
      401,
      'MFA_REQUIRED',
    );
  });

  it('R-61: first-login enrolment (vrijwilliger): secret → wrong code MFA_INVALID → right code active', async () => {
    step();
    const c = t.client();
    const r = await c.logInPassword('vrijwilliger', login(t, 'vrijwilliger').password);
    expect(r.json().stage).toBe('mfa_enroll');
    const e = await c.request('GET', '/api/v1/auth/mfa/enroll');
    expect(e.statusCode, e.body).toBe(200);
    const { secret, otpauthUri } = e.json() as { secret: string; otpauthUri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    // Asking again gives the same secret (the authenticator app may already hold it).
    expect((await c.request('GET', '/api/v1/auth/mfa/enroll')).json().secret).toBe(secret);
    expectError(
      await c.request('POST', '/api/v1/auth/mfa/enroll', { body: { code: wrongCode(t, secret) } }),
      401,
      'MFA_INVALID',
    );
    expectError(await c.request('GET', PERSONS), 401, 'MFA_REQUIRED');
    const ok = await c.request('POST', '/api/v1/auth/mfa/enroll', { body: { code: codeNow(t, secret) } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().stage).toBe('active');
    rememberSecret(t, 'vrijwilliger', secret);
    expect((await c.request('GET', PERSONS)).statusCode).toBe(200);
    // Next login: the second factor is now asked, not enrolled again.
    step();
    const next = t.client();
    expect((await next.logInPassword('vrijwilliger', login(t, 'vrijwilliger').password)).json().stage).toBe(
      'mfa_verify',
    );
    const v = await next.request('POST', '/api/v1/auth/mfa/verify', { body: { code: codeNow(t, secret) } });
    expect(v.statusCode, v.body).toBe(200);
  });

  it('R-61: an enrolled user cannot enrol again → 409 MFA_ALREADY_ENROLLED', async () => {
    const c = await signIn(t, 'vrijwilliger');
    const get = await c.request('GET', '/api/v1/auth/mfa/enroll');
    const post = await c.request('POST', '/api/v1/auth/mfa/enroll', { body: { code: '123456' } });
    expect((await c.request('GET', '/api/v1/me')).statusCode).toBe(200); // still signed in
    expectError(get, 409, 'MFA_ALREADY_ENROLLED');
    expectError(post, 409, 'MFA_ALREADY_ENROLLED');
  });

  it('R-61: logout ends the session; the old cookie (replayed) → 401', async () => {
    const c = await signIn(t, 'beheer');
    const cookie = c.cookies.get('kk_session')!;
    const csrf = c.csrf;
    const out = await c.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(c.cookies.has('kk_session')).toBe(false);
    expectError(await withCookie(t, 'GET', '/api/v1/me', cookie), 401, 'UNAUTHENTICATED');
    expectError(await withCookie(t, 'POST', '/api/v1/auth/logout', cookie, csrf), 403, 'CSRF_INVALID');
    expect((await c.request('GET', '/api/v1/auth/session')).json().stage).toBe('anonymous');
  });

  it('R-61: idle for 31 minutes → 401 SESSION_EXPIRED, and the session is gone', async () => {
    const c = await signIn(t, 'fg');
    const cookie = c.cookies.get('kk_session')!;
    t.clock.advance(29 * MINUTE);
    expect((await c.request('GET', '/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    expectError(await c.request('GET', '/api/v1/me'), 401, 'SESSION_EXPIRED');
    expectError(await withCookie(t, 'GET', '/api/v1/me', cookie), 401, 'UNAUTHENTICATED');
  });

  it('R-61: absolute session lifetime of 12 h, even when active all the time', async () => {
    const c = await signIn(t, 'beheer');
    for (let i = 0; i < 28; i++) {
      t.clock.advance(25 * MINUTE);
      expect((await c.request('GET', '/api/v1/me')).statusCode).toBe(200);
    }
    t.clock.advance(19 * MINUTE); // 11 h 59 min (plus the sign-in's own step) after the login
    const almost = await c.request('GET', '/api/v1/me');
    expect(almost.statusCode).toBe(200);
    t.clock.advance(MINUTE);
    expectError(await c.request('GET', '/api/v1/me'), 401, 'SESSION_EXPIRED');
  });

  it('R-61: wrong TOTP codes keep counting when the attacker logs in with the password again', async () => {
    step();
    const fg = login(t, 'fg');
    const c = t.client();
    await c.logInPassword('fg', fg.password);
    for (let i = 0; i < 4; i++) {
      expectError(
        await c.request('POST', '/api/v1/auth/mfa/verify', { body: { code: wrongCode(t, fg.totpSecret!) } }),
        401,
        'MFA_INVALID',
      );
    }
    // The password is right, the second factor never was: the failures must not be forgotten.
    const again = t.client();
    await again.logInPassword('fg', fg.password);
    const fifth = await again.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: wrongCode(t, fg.totpSecret!) },
    });
    t.clock.advance(16 * MINUTE); // whatever happened, leave fg unlocked for the next test
    expectError(fifth, 429, 'LOGIN_LOCKED');
  });

  it('R-61: a locked account cannot finish the second factor in another open session', async () => {
    step();
    const fg = login(t, 'fg');
    const attacker = t.client();
    await attacker.logInPassword('fg', fg.password);
    const parked = t.client();
    await parked.logInPassword('fg', fg.password);
    let last = await attacker.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: wrongCode(t, fg.totpSecret!) },
    });
    for (let i = 0; i < 4; i++) {
      last = await attacker.request('POST', '/api/v1/auth/mfa/verify', {
        body: { code: wrongCode(t, fg.totpSecret!) },
      });
    }
    expectError(last, 429, 'LOGIN_LOCKED');
    expectError(await t.client().logInPassword('fg', fg.password), 429, 'LOGIN_LOCKED');
    step();
    const bypass = await parked.request('POST', '/api/v1/auth/mfa/verify', {
      body: { code: codeNow(t, fg.totpSecret!) },
    });
    t.clock.advance(16 * MINUTE);
    expectError(bypass, 429, 'LOGIN_LOCKED');
  });

  it('R-89: a volunteer whose validUntil passed → 401 ACCESS_EXPIRED, the session is ended, login refused', async () => {
    expect(secretOf(t, 'vrijwilliger')).not.toBeNull(); // enrolled above
    const probe = await signIn(t, 'vrijwilliger');
    const validUntil = new Date(
      (await probe.request('GET', '/api/v1/me')).json().roles[0].validUntil as string,
    );
    expect(validUntil.getTime() - t.clock.now().getTime()).toBeGreaterThan(150 * DAY); // ~6 months
    t.clock.set(new Date(validUntil.getTime() - 10 * MINUTE));
    const c = await signIn(t, 'vrijwilliger');
    const id = await userIdOf(c);
    const cookie = c.cookies.get('kk_session')!;
    expect((await c.request('GET', PERSONS)).statusCode).toBe(200);
    const before = await auditHead(t);
    t.clock.set(new Date(validUntil.getTime() + 1_000));
    expectError(await c.request('GET', PERSONS), 401, 'ACCESS_EXPIRED');
    // The session was deleted, not merely refused: the same cookie now finds nothing.
    expectError(await withCookie(t, 'GET', '/api/v1/me', cookie), 401, 'UNAUTHENTICATED');
    expect(c.cookies.has('kk_session')).toBe(false);
    expectError(
      await c.logInPassword('vrijwilliger', login(t, 'vrijwilliger').password),
      401,
      'ACCESS_EXPIRED',
    );
    const refused = await auditSince(t, before, 'access.refused');
    expect(refused).toEqual([expect.objectContaining({ actor_id: id })]);
    // Staff roles have no end date: the admin still gets in.
    const staff = await signIn(t, 'beheer');
    expect((await staff.request('GET', '/api/v1/me')).statusCode).toBe(200);
  });
});
