/**
 * The register of destinations (recipients) with their role, vetting and agreements (R-30, R-33, R-34,
 * Write: `accountability:manage`; read: `audience:manage` or `accountability:manage`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESTINATION_ROLES } from '../../storage/destinations-repo.js';
import type { Deps } from '../../usecases/deps.js';
import { createDestination } from '../../usecases/destinations/create-destination.js';
import { getDestination } from '../../usecases/destinations/get-destination.js';
import { listDestinations } from '../../usecases/destinations/list-destination.js';
import { updateDestination } from '../../usecases/destinations/update-destination.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

export const destinationBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.enum(DESTINATION_ROLES),
  platform: z.boolean().default(false),
  vetted: z.boolean().default(false),
  processorAgreementComplete: z.boolean().default(false),
  art26Arrangement: z.boolean().default(false),
  outsideEea: z.boolean().default(false),
  transferMechanism: z.boolean().default(false),
  notes: z.string().trim().max(2000).default(''),
});

export const destinationSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(DESTINATION_ROLES),
  platform: z.boolean(),
  vetted: z.boolean(),
  processorAgreementComplete: z.boolean(),
  art26Arrangement: z.boolean(),
  outsideEea: z.boolean(),
  transferMechanism: z.boolean(),
  notes: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const idParams = z.object({ id: z.uuid() });
const writeErrors = { 400: errorSchema, 409: errorSchema, ...authErrors } as const;

export function destinationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['destinations'];

    app.get(
      '/destinations',
      {
        schema: {
          tags,
          summary: 'The register of destinations (recipients)',
          response: { 200: z.object({ items: z.array(destinationSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listDestinations(deps, requireActor(req)) }),
    );

    app.get(
      '/destinations/:id',
      {
        schema: {
          tags,
          summary: 'One destination',
          params: idParams,
          response: { 200: destinationSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => getDestination(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/destinations',
      {
        schema: {
          tags,
          summary: 'Register a destination with its role (processor, joint controller, controller)',
          body: destinationBody,
          response: { 201: destinationSchema, ...writeErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await createDestination(deps, requireActor(req), req.body)),
    );

    app.put(
      '/destinations/:id',
      {
        schema: {
          tags,
          summary: 'Change a destination',
          params: idParams,
          body: destinationBody,
          response: { 200: destinationSchema, ...writeErrors },
        },
      },
      async (req) => updateDestination(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
