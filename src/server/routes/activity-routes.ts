/**
 * The register of processing activities: every audience, campaign and export is bound to
 * one. Write: `accountability:manage`; read: `audience:manage` or `accountability:manage`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AD_CLASSES, PROCESSING_CHANNELS, PROCESSING_KINDS } from '../../domain/gate/types.js';
import { DPIA_STATUSES } from '../../storage/activities-repo.js';
import { createActivity } from '../../usecases/activities/create-activity.js';
import { getActivity } from '../../usecases/activities/get-activity.js';
import { listActivities } from '../../usecases/activities/list-activity.js';
import { listActivityOptions } from '../../usecases/activities/list-activity-options.js';
import { updateActivity } from '../../usecases/activities/update-activity.js';
import type { Deps } from '../../usecases/deps.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

export const activityBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  purpose: z.string().trim().min(1).max(2000),
  kind: z.enum(PROCESSING_KINDS),
  channel: z.enum(PROCESSING_CHANNELS),
  directMarketing: z.boolean(),
  politicalData: z.boolean(),
  adClass: z.enum(AD_CLASSES).default('NOT_POLITICAL_AD'),
  consentPurposeId: z.uuid().nullable().default(null),
  destinationId: z.uuid().nullable().default(null),
  dpiaStatus: z.enum(DPIA_STATUSES).default('NONE'),
  memberCommunicationOverride: z.boolean().default(false),
  overrideReason: z.string().trim().max(2000).nullable().default(null),
});

export const activitySchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  kind: z.enum(PROCESSING_KINDS),
  channel: z.enum(PROCESSING_CHANNELS),
  directMarketing: z.boolean(),
  politicalData: z.boolean(),
  adClass: z.enum(AD_CLASSES),
  consentPurposeId: z.string().nullable(),
  destinationId: z.string().nullable(),
  dpiaStatus: z.enum(DPIA_STATUSES),
  memberCommunicationOverride: z.boolean(),
  overrideReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const idParams = z.object({ id: z.uuid() });
const writeErrors = { 400: errorSchema, 409: errorSchema, ...authErrors } as const;

export function activityRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['activities'];

    app.get(
      '/activities',
      {
        schema: {
          tags,
          summary: 'The register of processing activities',
          response: { 200: z.object({ items: z.array(activitySchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listActivities(deps, requireActor(req)) }),
    );

    app.get(
      '/activities/options',
      {
        schema: {
          tags,
          summary: 'What the activity form offers: consent purposes and registered destinations',
          response: {
            200: z.object({
              consentPurposes: z.array(
                z.object({ id: z.string(), name: z.string(), political: z.boolean() }),
              ),
              destinations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
            }),
            ...authErrors,
          },
        },
      },
      async (req) => listActivityOptions(deps, requireActor(req)),
    );

    app.get(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'One processing activity',
          params: idParams,
          response: { 200: activitySchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => getActivity(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/activities',
      {
        schema: {
          tags,
          summary: 'Add a processing activity (purpose, kind, channel, TTPA class, destination, DPIA)',
          body: activityBody,
          response: { 201: activitySchema, ...writeErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await createActivity(deps, requireActor(req), req.body)),
    );

    app.put(
      '/activities/:id',
      {
        schema: {
          tags,
          summary: 'Change a processing activity',
          params: idParams,
          body: activityBody,
          response: { 200: activitySchema, ...writeErrors },
        },
      },
      async (req) => updateActivity(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
