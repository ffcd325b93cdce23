/**
 * Shared steps for the server tests: a full sign-in for any demo role (TOTP verify, or first-login
 * enrolment for the roles that are not enrolled yet), TOTP codes from the server clock, the error shape,
 * and reads of the audit trail through the kernel's database.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { totpCode, totpStep } from '../../src/storage/crypto/totp.js';
import { type Client, login, type TestApp } from '../support/app.js';

export const STEP_MS = 30_000;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const PURPOSE = 'Belronde voorbereiden (test)';

/** Secrets of accounts enrolled during a test run, per app. */
const enrolled = new WeakMap<TestApp, Map<string, string>>();

function enrolledSecrets(t: TestApp): Map<string, string> {
  let m = enrolled.get(t);
  if (!m) {
    m = new Map();
    enrolled.set(t, m);
  }
  return m;
}

/** The TOTP secret of a demo account: from the demo (admin, FG) or from its enrolment in this run. */
export function secretOf(t: TestApp, username: string): string | null {
  return login(t, username).totpSecret ?? enrolledSecrets(t).get(username) ?? null;
}

export function rememberSecret(t: TestApp, username: string, secret: string): void {
  enrolledSecrets(t).set(username, secret);
}

/** The code for the server clock's current step. */
export function codeNow(t: TestApp, secret: string): string {
  return totpCode(secret, totpStep(t.clock.now()));
}

/** A six-digit code that matches none of the steps the server accepts (now − 1 … now + 1). */
export function wrongCode(t: TestApp, secret: string): string {
  const step = totpStep(t.clock.now());
  const valid = new Set([step - 1, step, step + 1].map((s) => totpCode(secret, s)));
  for (let n = 123_456; ; n = (n + 7_919) % 1_000_000) {
    const c = String(n).padStart(6, '0');
    if (!valid.has(c)) return c;
  }
}

/**
 * A client with an active session for `username`. Moves the server clock one TOTP step forward first,
 * so a code is never a replay of an earlier login of the same user.
 */
export async function signIn(t: TestApp, username: string): Promise<Client> {
  t.clock.advance(STEP_MS + 1_000);
  const c = t.client();
  const l = login(t, username);
  const r = await c.logInPassword(l.username, l.password);
  expect(r.statusCode, r.body).toBe(200);
  const stage = r.json().stage as string;
  if (stage === 'mfa_enroll') {
    const e = await c.request('GET', '/api/v1/auth/mfa/enroll');
    expect(e.statusCode, e.body).toBe(200);
    const secret = e.json().secret as string;
    const ok = await c.request('POST', '/api/v1/auth/mfa/enroll', { body: { code: codeNow(t, secret) } });
    expect(ok.statusCode, ok.body).toBe(200);
    rememberSecret(t, username, secret);
  } else {
    expect(stage).toBe('mfa_verify');
    const secret = secretOf(t, username)!;
    const ok = await c.request('POST', '/api/v1/auth/mfa/verify', { body: { code: codeNow(t, secret) } });
    expect(ok.statusCode, ok.body).toBe(200);
  }
  return c;
}

/** The user id behind a signed-in client. */
export async function userIdOf(c: Client): Promise<string> {
  const me = await c.request('GET', '/api/v1/me');
  expect(me.statusCode, me.body).toBe(200);
  return me.json().id as string;
}

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Assert the status and the `{ code, message, details }` shape with the given code; returns the body. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect({ status: res.statusCode, body: res.body }).toMatchObject({ status });
  const body = res.json() as ErrorBody;
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.details).toBeTypeOf('object');
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message']);
  return body;
}

/** Highest audit sequence number now. */
export async function auditHead(t: TestApp): Promise<number> {
  const { rows } = await t.kernel.db.query<{ n: number }>(
    'SELECT coalesce(max(seq), 0)::int AS n FROM audit_events',
  );
  return rows[0]!.n;
}

export interface AuditRow {
  seq: number;
  type: string;
  actor_type: string;
  actor_id: string | null;
  person_id: string | null;
  purpose: string | null;
  object_id: string | null;
  payload: string;
}

/** Audit events after `seq`, oldest first, optionally of one type. */
export async function auditSince(t: TestApp, seq: number, type?: string): Promise<AuditRow[]> {
  const { rows } = await t.kernel.db.query<AuditRow>(
    `SELECT seq::int AS seq, type, actor_type, actor_id, person_id::text AS person_id, purpose, object_id, payload
       FROM audit_events WHERE seq > $1 ${type ? 'AND type = $2' : ''} ORDER BY seq`,
    type ? [seq, type] : [seq],
  );
  return rows;
}

/** Replay a raw cookie value, as an attacker holding an old cookie would. */
export function withCookie(t: TestApp, method: 'GET' | 'POST', url: string, cookie: string, csrf?: string) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: `kk_session=${cookie}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  });
}

/** A uuid that no row has. */
export const NO_SUCH_ID = '7d4e1c2a-9b3f-4e5d-8a6b-1c2d3e4f5a6b';
