/** Health, audit verification and key rotation (for the FG/admin in the app and the CLI via the server). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../../usecases/audit/verify-audit.js';
import type { Deps } from '../../usecases/deps.js';
import { getHealth } from '../../usecases/health/get-health.js';
import { rotateKeys } from '../../usecases/keys/rotate-keys.js';
import { requireActor } from '../auth.js';
import { authErrors } from '../schemas.js';

const verifySchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  lastPosition: z.number(),
  problems: z.array(
    z.object({ position: z.number(), kind: z.enum(['changed', 'removed', 'inserted']), detail: z.string() }),
  ),
  truncated: z.boolean(),
});

export function opsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['operations'],
          summary: 'Database, jobs and key status',
          response: {
            200: z.object({
              status: z.enum(['ok', 'degraded']),
              database: z.object({ ok: z.boolean(), engine: z.string() }),
              jobs: z.object({ ok: z.boolean(), enabled: z.boolean() }),
              keys: z.object({
                ok: z.boolean(),
                activeKeyId: z.string(),
                keysAwaitingReencryption: z.array(z.string()),
              }),
            }),
          },
        },
      },
      async () => getHealth(deps),
    );

    app.post(
      '/audit/verify',
      {
        schema: {
          tags: ['operations'],
          summary: 'Verify the audit hash chain',
          response: { 200: verifySchema, ...authErrors },
        },
      },
      async (req) => verifyAudit(deps, requireActor(req)),
    );

    app.post(
      '/keys/rotate',
      {
        schema: {
          tags: ['operations'],
          summary: 'Rotate the field-encryption key (re-encryption runs as a job)',
          response: {
            200: z.object({
              activeKeyId: z.string(),
              previousKeyId: z.string(),
              queued: z.boolean(),
              reencrypted: z.number().nullable(),
            }),
            ...authErrors,
          },
        },
      },
      async (req) => rotateKeys(deps, requireActor(req)),
    );
  };
}
