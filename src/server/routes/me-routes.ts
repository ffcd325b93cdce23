/** The signed-in user's profile, language and API tokens. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../../domain/access/actor.js';
import type { Deps } from '../../usecases/deps.js';
import { createApiToken } from '../../usecases/tokens/create-api-token.js';
import { listApiTokens } from '../../usecases/tokens/list-api-tokens.js';
import { revokeApiToken } from '../../usecases/tokens/revoke-api-token.js';
import { getProfile } from '../../usecases/users/get-profile.js';
import { setLocale } from '../../usecases/users/set-locale.js';
import { requireSession } from '../auth.js';
import { authErrors, errorSchema, profileSchema } from '../schemas.js';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export function meRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me',
      {
        schema: { tags: ['account'], summary: 'My profile', response: { 200: profileSchema, ...authErrors } },
      },
      async (req) => getProfile(requireSession(req), deps.now()),
    );

    app.put(
      '/me/locale',
      {
        schema: {
          tags: ['account'],
          summary: 'Set my language',
          body: z.object({ locale: z.enum(['nl', 'en']) }),
          response: { 200: z.object({ locale: z.enum(['nl', 'en']) }), 400: errorSchema, ...authErrors },
        },
      },
      async (req) => setLocale(deps, requireSession(req), req.body.locale),
    );

    app.get(
      '/tokens',
      {
        schema: {
          tags: ['account'],
          summary: 'My API tokens',
          response: { 200: z.object({ items: z.array(tokenSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listApiTokens(deps, requireSession(req)) }),
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags: ['account'],
          summary: 'Create an API token (the secret is shown once)',
          body: z.object({
            name: z.string().trim().min(1).max(100),
            scopes: z
              .array(z.enum(Object.keys(TOKEN_SCOPES) as [string, ...string[]]))
              .min(1)
              .max(10),
            expiresInDays: z.number().int().min(1).max(366).nullable().default(90),
          }),
          response: { 201: tokenSchema.extend({ token: z.string() }), 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const t = await createApiToken(deps, requireSession(req), req.body);
        return reply.code(201).send(t);
      },
    );

    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['account'],
          summary: 'Revoke an API token',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        await revokeApiToken(deps, requireSession(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
