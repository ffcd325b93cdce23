/** Persons (foundation slice): list and read within scope; every read is audited with its purpose. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../usecases/deps.js';
import { getPerson } from '../../usecases/persons/get-person.js';
import { listPersons } from '../../usecases/persons/list-persons.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema, purposeSchema } from '../schemas.js';

const listItem = z.object({
  id: z.string(),
  displayName: z.string(),
  branchName: z.string().nullable(),
  postcode: z.string().nullable(),
});

const personSchema = listItem.extend({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  membershipStatus: z.string().nullable(),
});

export function personRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/persons',
      {
        schema: {
          tags: ['persons'],
          summary: 'Persons within my scope (keyset pages)',
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            after: z.uuid().optional(),
            purpose: purposeSchema,
          }),
          response: {
            200: z.object({ items: z.array(listItem), next: z.string().nullable() }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => {
        const r = await listPersons(deps, requireActor(req), {
          after: req.query.after ?? null,
          limit: req.query.limit,
          purpose: req.query.purpose,
        });
        return {
          items: r.items.map((p) => ({
            id: p.id,
            displayName: `${p.firstName} ${p.lastName}`,
            branchName: p.branchName,
            postcode: p.postcode,
          })),
          next: r.next,
        };
      },
    );

    app.get(
      '/persons/:id',
      {
        schema: {
          tags: ['persons'],
          summary: 'One person (404 outside my scope)',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ purpose: purposeSchema }),
          response: { 200: personSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => {
        const p = await getPerson(deps, requireActor(req), req.params.id, req.query.purpose);
        return { ...p, displayName: `${p.firstName} ${p.lastName}` };
      },
    );
  };
}
