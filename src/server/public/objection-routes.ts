/**
 * `/f/bezwaar/:token`: GET shows the page with one button and changes nothing (mail scanners
 * prefetch links); POST records the art 21(2) objection at once — from the button (channel LINK), or
 * from a mail client's RFC 8058 one-click POST with body `List-Unsubscribe=One-Click`
 * (LIST_UNSUBSCRIBE), which carries no CSRF token and needs none: the token in the path is the
 * capability, and the action only ever takes something away. A bad or unknown token is a clear
 * Dutch/English page with 404, and nothing is written.
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { CODES, type Code, DomainError, type Locale } from '../../domain/codes.js';
import type { Deps } from '../../usecases/deps.js';
import { getObjectionLink, objectByLink } from '../../usecases/outreach/object-by-link.js';
import { publicCsp } from '../routes/public-form-routes.js';
import { renderObjectedPage, renderObjectionInvalidPage, renderObjectionPage } from './objection-pages.js';
import { renderErrorPage } from './result-pages.js';
import { FORM_BODY_LIMIT, type FormBody, installUrlencoded, one } from './urlencoded.js';

const HIDDEN = { hide: true } as const;

const localeOf = (req: FastifyRequest): Locale =>
  (req.query as { lang?: string })?.lang === 'en' ? 'en' : 'nl';
const pathOf = (req: FastifyRequest): string => req.url.split('?')[0] ?? '/';

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  reply.header('content-security-policy', publicCsp(false));
  return reply
    .code(status)
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .type('text/html; charset=utf-8')
    .send(body);
}

function sendError(req: FastifyRequest, reply: FastifyReply, code: Code): FastifyReply {
  const locale = localeOf(req);
  if (code === 'OBJECTION_LINK_INVALID')
    return sendHtml(reply, 404, renderObjectionInvalidPage({ locale, path: pathOf(req), code }));
  return sendHtml(
    reply,
    CODES[code].status,
    renderErrorPage({ locale, code, path: pathOf(req), embed: false }),
  );
}

/** RFC 8058 allows multipart/form-data for the one-click POST: read the one field we need. */
function parseMultipartField(text: string): FormBody {
  const m = /name="?List-Unsubscribe"?\s*\r?\n\r?\n([^\r\n]*)/i.exec(text);
  return m ? { 'List-Unsubscribe': m[1]!.trim() } : {};
}

export function objectionRoutes(deps: Deps): FastifyPluginAsync {
  const limited = { rateLimit: { max: deps.config.publicFormRateLimitPerMinute, timeWindow: 60_000 } };
  return async (app: FastifyInstance) => {
    installUrlencoded(app);
    app.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_req, body, done) => done(null, parseMultipartField(body as string)),
    );
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof DomainError) return sendError(req, reply, err.code);
      if (err.statusCode === 429) return sendError(req, reply, 'RATE_LIMITED');
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(req, reply, 'BODY_TOO_LARGE');
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return sendError(req, reply, 'UNSUPPORTED_MEDIA_TYPE');
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
        return sendError(req, reply, 'VALIDATION_FAILED');
      req.log.error({ err }, 'unexpected error on the objection page');
      return sendError(req, reply, 'INTERNAL_ERROR');
    });

    app.get<{ Params: { token: string } }>('/f/bezwaar/:token', { schema: HIDDEN }, async (req, reply) => {
      const view = await getObjectionLink(deps, req.params.token);
      return sendHtml(
        reply,
        200,
        renderObjectionPage({
          locale: localeOf(req),
          token: req.params.token,
          party: view.partyName ?? '',
          alreadyObjected: view.alreadyObjected,
        }),
      );
    });

    app.post<{ Params: { token: string } }>(
      '/f/bezwaar/:token',
      { schema: HIDDEN, config: limited },
      async (req, reply) => {
        // An unknown token is 404 whatever the body says; nothing is written.
        await getObjectionLink(deps, req.params.token);
        const body = (req.body ?? {}) as FormBody;
        const oneClick = one(body, 'List-Unsubscribe') === 'One-Click';
        if (!oneClick && one(body, 'bezwaar') !== 'ja') throw new DomainError('VALIDATION_FAILED');
        await objectByLink(deps, req.params.token, oneClick ? 'LIST_UNSUBSCRIBE' : 'LINK');
        const view = await getObjectionLink(deps, req.params.token);
        return sendHtml(
          reply,
          200,
          renderObjectedPage({ locale: localeOf(req), token: req.params.token, party: view.partyName ?? '' }),
        );
      },
    );
  };
}
