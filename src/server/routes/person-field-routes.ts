/** The catalogue of fields, tags and note kinds, each classified, and the branches. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIELD_KINDS } from '../../domain/persons/field-definitions.js';
import type { Deps } from '../../usecases/deps.js';
import { createFieldDefinition } from '../../usecases/persons/create-field-definition.js';
import { listBranches } from '../../usecases/persons/list-branches.js';
import { listFieldDefinitions } from '../../usecases/persons/list-field-definitions.js';
import { updateFieldDefinition } from '../../usecases/persons/update-field-definition.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const definition = z.object({
  id: z.string(),
  key: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  kind: z.enum(FIELD_KINDS),
  dataClass: z.enum(['ordinary', 'political']),
  proxyRisk: z.enum(['none', 'low', 'high']),
  locked: z.boolean(),
});
const label = z.string().trim().min(1).max(100);
const classification = {
  dataClass: z.enum(['ordinary', 'political']),
  proxyRisk: z.enum(['none', 'low', 'high']).default('none'),
};

export function personFieldRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/branches',
      {
        schema: {
          tags: ['persons'],
          summary: 'Branches (afdelingen) with their postcode ranges',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  postcodeFrom: z.number(),
                  postcodeTo: z.number(),
                }),
              ),
            }),
            ...authErrors,
          },
        },
      },
      async (req) => ({ items: await listBranches(deps, requireActor(req)) }),
    );

    app.get(
      '/field-definitions',
      {
        schema: {
          tags: ['persons'],
          summary: 'Fields, tags and note kinds with their classification',
          response: { 200: z.object({ items: z.array(definition) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listFieldDefinitions(deps, requireActor(req)) }),
    );

    app.post(
      '/field-definitions',
      {
        schema: {
          tags: ['persons'],
          summary: 'Add a field, tag or note kind (party-linked ones are political, R-08)',
          body: z.object({
            key: z.string().min(1).max(64),
            labelNl: label,
            labelEn: label,
            kind: z.enum(FIELD_KINDS),
            ...classification,
          }),
          response: { 201: definition, 400: errorSchema, 409: errorSchema, ...authErrors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createFieldDefinition(deps, requireActor(req), req.body)),
    );

    app.put(
      '/field-definitions/:id',
      {
        schema: {
          tags: ['persons'],
          summary: 'Change labels or classification (membership fields are locked, R-02)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ labelNl: label, labelEn: label, ...classification }),
          response: { 200: definition, 400: errorSchema, 409: errorSchema, ...authErrors },
        },
      },
      async (req) => updateFieldDefinition(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
