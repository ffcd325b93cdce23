/**
 * Who is calling, decided once per request: an API token (`Authorization: Bearer kk_…`), the local
 * operator (`Bearer kko_…`, the secret the server wrote into the data directory for the CLI), or a session
 * cookie. Also enforces CSRF on every state-changing request that is not token-authenticated.
 */
import { timingSafeEqual } from 'node:crypto';
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access/actor.js';
import { type Code, DomainError } from '../domain/codes.js';
import { newSecret } from '../storage/crypto/tokens.js';
import type { SessionStage } from '../storage/sessions-repo.js';
import { resolveSession, type SignedIn } from '../usecases/auth/resolve-session.js';
import type { Deps } from '../usecases/deps.js';
import { resolveApiToken } from '../usecases/tokens/resolve-api-token.js';
import { sendError } from './errors.js';

export const SESSION_COOKIE = 'kk_session';
export const PRE_SESSION_CSRF_COOKIE = 'kk_csrf';
export const OPERATOR_PREFIX = 'kko_';

type AuthState =
  | { kind: 'none'; problem: Code | null }
  | { kind: 'session'; signedIn: SignedIn }
  | { kind: 'token'; actor: Extract<Actor, { kind: 'token' }> }
  | { kind: 'operator' };

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieOptions(req: FastifyRequest) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: req.protocol === 'https', path: '/' };
}

export function installAuth(app: FastifyInstance, deps: Deps, operatorSecret: string | null): void {
  // Fastify wants decorators declared up front; the value is set per request below.
  const slot = new WeakMap<FastifyRequest, AuthState>();
  app.decorateRequest('auth', {
    getter(this: FastifyRequest) {
      return slot.get(this) ?? ({ kind: 'none', problem: null } as AuthState);
    },
    setter(this: FastifyRequest, value: AuthState) {
      slot.set(this, value);
    },
  });
  // preParsing: after the per-route rate limit (onRequest), before the body is parsed or validated, so a
  // forged request learns nothing from validation errors.
  app.addHook('preParsing', async (req, reply, payload) => {
    await authenticate(req, reply);
    return payload;
  });
  const authenticate = async (req: FastifyRequest, reply: FastifyReply) => {
    req.auth = { kind: 'none', problem: null };
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const secret = header.slice(7).trim();
      if (operatorSecret && secret.startsWith(OPERATOR_PREFIX)) {
        if (!same(secret, operatorSecret)) return sendError(req, reply, 'TOKEN_INVALID');
        req.auth = { kind: 'operator' };
        return;
      }
      try {
        req.auth = { kind: 'token', actor: await resolveApiToken(deps, secret) };
      } catch (e) {
        if (e instanceof DomainError) return sendError(req, reply, e.code);
        throw e;
      }
      return; // token requests carry no cookies to forge: no CSRF check
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      try {
        req.auth = { kind: 'session', signedIn: await resolveSession(deps, cookie) };
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
        req.auth = { kind: 'none', problem: e.code };
      }
    }
    if (UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      const expected =
        req.auth.kind === 'session'
          ? req.auth.signedIn.session.csrfToken
          : req.cookies[PRE_SESSION_CSRF_COOKIE];
      if (typeof sent !== 'string' || !expected || !same(sent, expected)) {
        return sendError(req, reply, 'CSRF_INVALID');
      }
    }
  };
}

/** A fresh pre-session CSRF token in an HttpOnly cookie; the client gets the value in the JSON body. */
export function issuePreSessionCsrf(req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies[PRE_SESSION_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newSecret();
  reply.setCookie(PRE_SESSION_CSRF_COOKIE, token, cookieOptions(req));
  return token;
}

/** The session in one of the given stages, or the refusal the request deserves. */
export function requireSession(req: FastifyRequest, stages: readonly SessionStage[] = ['active']): SignedIn {
  if (req.auth.kind !== 'session')
    throw new DomainError(
      req.auth.kind === 'none' && req.auth.problem ? req.auth.problem : 'UNAUTHENTICATED',
    );
  if (!stages.includes(req.auth.signedIn.session.stage)) throw new DomainError('MFA_REQUIRED');
  return req.auth.signedIn;
}

/** The acting user, token or operator for routes open to all three. */
export function requireActor(req: FastifyRequest): Actor {
  if (req.auth.kind === 'token') return req.auth.actor;
  if (req.auth.kind === 'operator') return { kind: 'operator' };
  const s = requireSession(req);
  return { kind: 'user', userId: s.user.id, username: s.user.username, assignments: s.assignments };
}
