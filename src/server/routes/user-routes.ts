/** Create users (admin in the app, or the local operator through the CLI while the server runs). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import type { Deps } from '../../usecases/deps.js';
import { createUser } from '../../usecases/users/create-user.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

export const createUserBody = z.object({
  username: z.string().trim().min(2).max(64),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().default(null),
  password: z.string().min(1).max(1024),
  locale: z.enum(['nl', 'en']).default('nl'),
  role: z.enum(ROLES),
  branchId: z.uuid().nullable().default(null),
  candidateId: z.uuid().nullable().default(null),
  area: z
    .object({ from: z.number().int().min(1000).max(9999), to: z.number().int().min(1000).max(9999) })
    .nullable()
    .default(null),
  validUntil: z.iso.datetime({ offset: true }).nullable().default(null),
});

export function userRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Create a user with one role assignment',
          body: createUserBody,
          response: { 201: z.object({ id: z.string() }), 400: errorSchema, 409: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const r = await createUser(deps, requireActor(req), {
          username: b.username,
          displayName: b.displayName,
          email: b.email,
          password: b.password,
          locale: b.locale,
          assignment: {
            role: b.role,
            branchId: b.branchId,
            candidateId: b.candidateId,
            area: b.area,
            validUntil: b.validUntil ? new Date(b.validUntil) : null,
            briefingAcknowledgedAt: null,
          },
        });
        return reply.code(201).send(r);
      },
    );
  };
}
