/**
 * Every error leaves the server as `{ code, message, details }` with a stable code: domain refusals,
 * validation failures (naming the field), malformed JSON, oversized bodies (unknown routes: web.ts). Unexpected
 * errors are logged with a reference and answered with INTERNAL_ERROR, never a stack trace.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CODES, type Code, DomainError, type Locale, messageFor } from '../domain/codes.js';

export function localeOf(req: FastifyRequest): Locale {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^\s*en\b/i.test(h) ? 'en' : 'nl';
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: Code,
  details?: Record<string, unknown>,
): FastifyReply {
  return reply
    .code(CODES[code].status)
    .type('application/json; charset=utf-8')
    .send({ code, message: messageFor(code, localeOf(req)), details: details ?? {} });
}

const FASTIFY_CODES: Record<string, Code> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/** PostgreSQL SQLSTATEs caused by the value sent: bad encoding, bad text representation, unknown reference. */
const DATA_EXCEPTIONS = new Set(['22021', '22P02', '22P05', '22001', '22003', '22007', '22008', '23503']);

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) return sendError(req, reply, err.code, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendError(req, reply, 'VALIDATION_FAILED', {
        in: err.validationContext,
        fields: err.validation.map((v) => ({
          field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)',
          problem: v.message,
        })),
      });
    }
    if (err.code && FASTIFY_CODES[err.code]) return sendError(req, reply, FASTIFY_CODES[err.code]!);
    if (err instanceof SyntaxError && err.message.includes('JSON'))
      return sendError(req, reply, 'MALFORMED_JSON');
    if (err.statusCode === 429) return sendError(req, reply, 'RATE_LIMITED');
    // Safety net for input the edge checks missed: the database refusing a value is still bad input.
    const sqlState = (err as { code?: string }).code;
    if (sqlState && DATA_EXCEPTIONS.has(sqlState))
      return sendError(req, reply, 'VALIDATION_FAILED', { problem: 'value not accepted' });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(req, reply, 'VALIDATION_FAILED', { problem: err.message });
    }
    const ref = randomUUID();
    req.log.error({ err, ref }, 'unexpected error');
    return sendError(req, reply, 'INTERNAL_ERROR', { ref });
  });
}
