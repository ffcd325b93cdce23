/** Login, second factor, enrolment, logout, session state. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beginMfaEnrolment, confirmMfaEnrolment } from '../../usecases/auth/enrol-mfa.js';
import { logIn } from '../../usecases/auth/log-in.js';
import { logOut } from '../../usecases/auth/log-out.js';
import { verifyMfa } from '../../usecases/auth/verify-mfa.js';
import type { Deps } from '../../usecases/deps.js';
import { getProfile } from '../../usecases/users/get-profile.js';
import {
  cookieOptions,
  issuePreSessionCsrf,
  PRE_SESSION_CSRF_COOKIE,
  requireSession,
  SESSION_COOKIE,
} from '../auth.js';
import { authErrors, errorSchema, profileSchema, stageSchema } from '../schemas.js';

/** Enrolment routes accept any signed-in stage; the use case answers MFA_ALREADY_ENROLLED when enrolled. */
const ALL_STAGES = ['mfa_enroll', 'mfa_verify', 'active'] as const;

const codeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/, '6 digits'),
});
const stageAnswer = z.object({ stage: stageSchema, csrfToken: z.string() });

export function authRoutes(deps: Deps, loginRateLimitPerMinute: number): FastifyPluginAsyncZod {
  const limited = { rateLimit: { max: loginRateLimitPerMinute, timeWindow: 60_000 } };
  return async (app) => {
    app.get(
      '/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'Session state and CSRF token',
          response: {
            200: z.object({ stage: stageSchema, csrfToken: z.string(), user: profileSchema.optional() }),
          },
        },
      },
      async (req, reply) => {
        if (req.auth.kind === 'session') {
          const s = req.auth.signedIn;
          // The profile (name, roles, scopes) only after the second factor: a password alone reveals nothing.
          const user = s.session.stage === 'active' ? getProfile(s, deps.now()) : undefined;
          return { stage: s.session.stage, csrfToken: s.session.csrfToken, user };
        }
        return { stage: 'anonymous' as const, csrfToken: issuePreSessionCsrf(req, reply) };
      },
    );

    app.post(
      '/auth/login',
      {
        config: limited,
        schema: {
          tags: ['auth'],
          summary: 'Log in with username and password',
          body: z.object({
            username: z.string().trim().min(1).max(64),
            password: z.string().min(1).max(1024),
          }),
          response: { 200: stageAnswer, 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const r = await logIn(deps, req.body);
        reply.setCookie(SESSION_COOKIE, r.sessionToken, cookieOptions(req));
        reply.clearCookie(PRE_SESSION_CSRF_COOKIE, cookieOptions(req));
        return { stage: r.stage, csrfToken: r.csrfToken };
      },
    );

    app.post(
      '/auth/mfa/verify',
      {
        config: limited,
        schema: {
          tags: ['auth'],
          summary: 'Second factor: TOTP code',
          body: codeBody,
          response: { 200: stageAnswer, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => {
        const r = await verifyMfa(deps, requireSession(req, ['mfa_verify']), req.body.code);
        return { stage: 'active' as const, csrfToken: r.csrfToken };
      },
    );

    app.get(
      '/auth/mfa/enroll',
      {
        schema: {
          tags: ['auth'],
          summary: 'Start TOTP enrolment: the secret for an authenticator app',
          response: {
            200: z.object({ secret: z.string(), otpauthUri: z.string() }),
            ...authErrors,
            409: errorSchema,
          },
        },
      },
      async (req) => beginMfaEnrolment(deps, requireSession(req, ALL_STAGES)),
    );

    app.post(
      '/auth/mfa/enroll',
      {
        config: limited,
        schema: {
          tags: ['auth'],
          summary: 'Confirm TOTP enrolment with a code',
          body: codeBody,
          response: { 200: stageAnswer, 400: errorSchema, ...authErrors, 409: errorSchema },
        },
      },
      async (req) => {
        const r = await confirmMfaEnrolment(deps, requireSession(req, ALL_STAGES), req.body.code);
        return { stage: 'active' as const, csrfToken: r.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Log out', response: { 204: z.null(), ...authErrors } } },
      async (req, reply) => {
        await logOut(deps, requireSession(req, ['mfa_verify', 'mfa_enroll', 'active']));
        reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
        return reply.code(204).send(null);
      },
    );
  };
}
