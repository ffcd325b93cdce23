/**
 * The mail outbox for admins (permission `mail:read`): outgoing mail with its delivery state, and one
 * message in full. Without SMTP_URL this is where the double opt-in mail lands, so the demo works end to
 * end. Every list and read is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAIL_STATUSES } from '../../storage/mail-outbox-repo.js';
import type { Deps } from '../../usecases/deps.js';
import { getOutboxMessage } from '../../usecases/mail/get-outbox-message.js';
import { listOutbox } from '../../usecases/mail/list-outbox.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const summarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string().describe('The recipient; masked in the list'),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.date().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

const messageSchema = summarySchema.extend({
  personId: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
});

export function outboxRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/outbox',
      {
        schema: {
          tags: ['mail'],
          summary: 'Outgoing mail, newest first (recipients masked); admins only',
          querystring: z.object({
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            status: z.enum(MAIL_STATUSES).optional(),
          }),
          response: {
            200: z.object({ items: z.array(summarySchema), nextBefore: z.number().nullable() }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) =>
        listOutbox(deps, requireActor(req), {
          before: req.query.before ?? null,
          limit: req.query.limit,
          status: req.query.status ?? null,
        }),
    );

    app.get(
      '/outbox/:id',
      {
        schema: {
          tags: ['mail'],
          summary: 'One outgoing mail in full (the read is audited); admins only',
          params: z.object({ id: z.uuid() }),
          response: { 200: messageSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => getOutboxMessage(deps, requireActor(req), req.params.id),
    );
  };
}
