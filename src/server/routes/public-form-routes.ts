/**
 * The public consent pages (outside /api, no login): the hosted form `/f/:slug` (and `?embed=1` for an
 * iframe), sending it, the double opt-in confirmation `/f/bevestigen/:token` (GET shows a button, only
 * POST confirms: mail scanners prefetch links) and withdrawal `/f/intrekken/:token` with one click per
 * purpose. Server-rendered HTML that works without JavaScript, under a strict CSP with no other
 * origin; framing is allowed only for the embed variant. Spam protection without third parties:
 * a honeypot field, a signed form token carrying the render time (also the submission id, so a double post
 * is one consent), and a per-IP rate limit on every POST. IP addresses are passed on only as a keyed hash.
 * Every error is a friendly page in Dutch or English with its code and a 4xx status.
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { CODES, type Code, DomainError, type Locale } from '../../domain/codes.js';
import { isWellFormedLinkToken } from '../../domain/consent/lifecycle.js';
import { confirmConsent } from '../../usecases/consent/confirm-consent.js';
import { getPublicForm } from '../../usecases/consent/get-public-form.js';
import { getWithdrawal } from '../../usecases/consent/get-withdrawal.js';
import { submitPublicForm } from '../../usecases/consent/submit-public-form.js';
import { withdrawByLink } from '../../usecases/consent/withdraw-by-link.js';
import type { Deps } from '../../usecases/deps.js';
import { PUBLIC_CSS } from '../public/css.js';
import { checkValues, readValues } from '../public/form-input.js';
import { type FieldError, type FormField, renderFormPage } from '../public/form-page.js';
import { checkFormToken, issueFormToken } from '../public/form-token.js';
import { PUBLIC_CSS_PATH } from '../public/layout.js';
import { messages } from '../public/messages.js';
import {
  renderConfirmedPage,
  renderConfirmPage,
  renderErrorPage,
  renderThanksPage,
  renderWithdrawnPage,
  renderWithdrawPage,
} from '../public/result-pages.js';
import { type FormBody, installUrlencoded, many, one } from '../public/urlencoded.js';

const HIDDEN = { hide: true } as const;

/** The pages' CSP: nothing but our own style sheet, forms post to us; framing only for the embed. */
export function publicCsp(embed: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    embed ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

interface PageQuery {
  lang?: string;
  embed?: string;
}

const localeOf = (req: FastifyRequest): Locale => ((req.query as PageQuery)?.lang === 'en' ? 'en' : 'nl');
const embedOf = (req: FastifyRequest): boolean => (req.query as PageQuery)?.embed === '1';
const pathOf = (req: FastifyRequest): string => req.url.split('?')[0] ?? '/';

function sendHtml(reply: FastifyReply, status: number, body: string, embed: boolean): FastifyReply {
  reply.header('content-security-policy', publicCsp(embed));
  if (embed) reply.removeHeader('x-frame-options');
  else reply.header('x-frame-options', 'DENY');
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .type('text/html; charset=utf-8')
    .send(body);
}

function sendError(req: FastifyRequest, reply: FastifyReply, code: Code, formSlug?: string | null) {
  const embed = embedOf(req);
  const status = CODES[code].status;
  return sendHtml(
    reply,
    status,
    renderErrorPage({ locale: localeOf(req), code, path: pathOf(req), embed, formSlug: formSlug ?? null }),
    embed,
  );
}

/** Field errors from the consent use case's VALIDATION_FAILED, when they name fields of the form. */
function fieldErrorsOf(e: DomainError, locale: Locale, now: Date): FieldError[] | null {
  if (e.code !== 'VALIDATION_FAILED') return null;
  const fields = (e.details?.fields ?? []) as { field?: unknown }[];
  const m = messages(locale).errors;
  const known: Record<string, { field: FormField; message: string }> = {
    firstName: { field: 'firstName', message: m.firstNameRequired },
    lastName: { field: 'lastName', message: m.tooLong },
    email: { field: 'email', message: m.emailInvalid },
    birthYear: { field: 'birthYear', message: m.birthYearInvalid(now.getUTCFullYear()) },
    guardianName: { field: 'guardianName', message: m.guardianNameRequired },
    guardianEmail: { field: 'guardianEmail', message: m.guardianEmailInvalid },
    purposeIds: { field: 'purposes', message: m.purposeUnknown },
  };
  const mapped = fields.map((f) => known[String(f.field ?? '').split('.')[0] ?? '']);
  if (mapped.length === 0 || mapped.some((x) => x === undefined)) return null;
  // One message per field.
  return [...new Map(mapped.map((x) => [x!.field, x!])).values()];
}

function requireFormBody(req: FastifyRequest): FormBody {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  }
  return (req.body ?? {}) as FormBody;
}

export function publicFormRoutes(deps: Deps): FastifyPluginAsync {
  const limited = {
    rateLimit: { max: deps.config.publicFormRateLimitPerMinute, timeWindow: 60_000 },
  };
  const meta = (req: FastifyRequest) => ({
    ipHash: req.ip ? deps.keyring.blindIndex('ip', req.ip) : null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 500) : null,
  });

  return async (app: FastifyInstance) => {
    installUrlencoded(app);

    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof DomainError) return sendError(req, reply, err.code);
      if (err.statusCode === 429) return sendError(req, reply, 'RATE_LIMITED');
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(req, reply, 'BODY_TOO_LARGE');
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return sendError(req, reply, 'UNSUPPORTED_MEDIA_TYPE');
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return sendError(req, reply, 'VALIDATION_FAILED');
      }
      req.log.error({ err }, 'unexpected error on a public page');
      return sendError(req, reply, 'INTERNAL_ERROR');
    });

    app.get(PUBLIC_CSS_PATH, { schema: HIDDEN }, (_req, reply) =>
      reply
        .header('cache-control', 'public, max-age=3600')
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
        .type('text/css; charset=utf-8')
        .send(PUBLIC_CSS),
    );

    // Anything else under /f/ is a public page that does not exist (not the web app's fallback).
    app.get('/f/*', { schema: HIDDEN }, (req, reply) => sendError(req, reply, 'NOT_FOUND'));

    app.get<{ Params: { slug: string } }>('/f/:slug', { schema: HIDDEN }, async (req, reply) => {
      const locale = localeOf(req);
      const embed = embedOf(req);
      const view = await getPublicForm(deps, req.params.slug, locale);
      const token = issueFormToken(deps.keyring, view.slug, deps.now());
      return sendHtml(reply, 200, renderFormPage({ view, locale, embed, token }), embed);
    });

    app.post<{ Params: { slug: string } }>(
      '/f/:slug',
      { schema: HIDDEN, config: limited },
      async (req, reply) => {
        const body = requireFormBody(req);
        const locale = localeOf(req);
        const embed = embedOf(req);
        const slug = req.params.slug;
        // A bot fills every field; a person never sees this one. Refused before anything is read or written.
        if (one(body, 'website') !== '') return sendError(req, reply, 'FORM_REJECTED', slug);
        const now = deps.now();
        const token = one(body, 'formToken');
        const check = checkFormToken(deps.keyring, slug, token, now);
        if (!check.ok) return sendError(req, reply, check.code, slug);
        const view = await getPublicForm(deps, slug, locale);
        const values = readValues(body);
        const checked = checkValues(values, view, locale, now);
        const again = (errors: FieldError[]) =>
          sendHtml(reply, 400, renderFormPage({ view, locale, embed, token, values, errors }), embed);
        if (!checked.ok) return again(checked.errors);
        try {
          const result = await submitPublicForm(
            deps,
            slug,
            { submissionId: check.submissionId, ...checked.input, locale },
            meta(req),
          );
          return sendHtml(
            reply,
            200,
            renderThanksPage({ locale, embed, slug, outcome: result.outcome, owner: view.controllerName }),
            embed,
          );
        } catch (e) {
          const fieldErrors = e instanceof DomainError ? fieldErrorsOf(e, locale, now) : null;
          if (fieldErrors) return again(fieldErrors);
          throw e;
        }
      },
    );

    app.get<{ Params: { token: string } }>('/f/bevestigen/:token', { schema: HIDDEN }, (req, reply) => {
      const token = req.params.token;
      if (token === '') return sendError(req, reply, 'NOT_FOUND');
      if (!isWellFormedLinkToken(token)) return sendError(req, reply, 'LINK_INVALID');
      // Showing the button changes nothing: mail scanners open links before the person does.
      return sendHtml(reply, 200, renderConfirmPage({ locale: localeOf(req), token }), false);
    });

    app.post<{ Params: { token: string } }>(
      '/f/bevestigen/:token',
      { schema: HIDDEN, config: limited },
      async (req, reply) => {
        const locale = localeOf(req);
        const result = await confirmConsent(deps, req.params.token);
        return sendHtml(
          reply,
          200,
          renderConfirmedPage({
            locale,
            token: req.params.token,
            outcome: result.outcome,
            purposes: result.purposes.map((label) => ({ label })),
            confirmedAt: deps.now(),
            withdrawToken: result.withdrawToken ?? null,
          }),
          false,
        );
      },
    );

    app.get<{ Params: { token: string } }>('/f/intrekken/:token', { schema: HIDDEN }, async (req, reply) => {
      const view = await getWithdrawal(deps, req.params.token);
      return sendHtml(
        reply,
        200,
        renderWithdrawPage({ locale: localeOf(req), token: req.params.token, purposes: view.purposes }),
        false,
      );
    });

    app.post<{ Params: { token: string } }>(
      '/f/intrekken/:token',
      { schema: HIDDEN, config: limited },
      async (req, reply) => {
        const body = requireFormBody(req);
        const chosen = many(body, 'purpose');
        if (chosen.length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'purpose' });
        const which = chosen.includes('all') ? ('all' as const) : chosen;
        const result = await withdrawByLink(deps, req.params.token, which);
        const labels = new Map(
          (await getWithdrawal(deps, req.params.token)).purposes.map((p) => [p.purposeId, p.label]),
        );
        return sendHtml(
          reply,
          200,
          renderWithdrawnPage({
            locale: localeOf(req),
            token: req.params.token,
            withdrawn: result.withdrawn.map((id) => labels.get(id) ?? id),
          }),
          false,
        );
      },
    );
  };
}
