/**
 * The person register (C1): search within scope, the person page, entering and correcting persons, the
 * history, and a refusal for setting grounds by hand. Records (memberships, evidence, fields, tags, notes)
 * and the field catalogue are in their own route files, registered from here.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SOURCE_KINDS } from '../../domain/persons/types.js';
import type { Deps } from '../../usecases/deps.js';
import { createPerson } from '../../usecases/persons/create-person.js';
import { getPersonHistory } from '../../usecases/persons/get-person-history.js';
import { getPersonPage } from '../../usecases/persons/get-person-page.js';
import { requestGround } from '../../usecases/persons/request-ground.js';
import { searchPersons } from '../../usecases/persons/search-persons.js';
import { updatePersonContact } from '../../usecases/persons/update-person-contact.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema, purposeSchema } from '../schemas.js';
import { personFieldRoutes } from './person-field-routes.js';
import { pageSchema, toPage } from './person-page-schema.js';
import { personRecordRoutes } from './person-record-routes.js';

const listItem = z.object({
  id: z.string(),
  displayName: z.string(),
  branchName: z.string().nullable(),
  postcode: z.string().nullable(),
});

/** Contact fields as sent: strings (or null); the domain validates and names each field and rule. */
const text = (max: number) => z.string().max(max).nullable().optional();
export const contactBody = z.object({
  firstName: text(200),
  infix: text(60),
  lastName: text(200),
  email: text(320),
  phone: text(40),
  street: text(240),
  houseNumber: text(20),
  houseNumberAddition: text(20),
  postcode: text(20),
  city: text(160),
  birthDate: text(20),
  ageBand: text(10),
  language: text(10),
});

export const displayName = (p: { firstName: string; infix: string | null; lastName: string }) =>
  [p.firstName, p.infix, p.lastName].filter((x) => x?.trim()).join(' ');

export function personRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(personRecordRoutes(deps));
    await app.register(personFieldRoutes(deps));

    app.get(
      '/persons',
      {
        schema: {
          tags: ['persons'],
          summary: 'Search persons within my scope (name, e-mail, phone, postcode; keyset pages)',
          querystring: z.object({
            q: z.string().max(200).optional(),
            branchId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            after: z.uuid().optional(),
            purpose: purposeSchema,
          }),
          response: {
            200: z.object({
              items: z.array(listItem),
              next: z.string().nullable(),
              searchedBy: z.enum(['email', 'phone', 'postcode', 'postcode_area', 'name']).nullable(),
            }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => {
        const r = await searchPersons(deps, requireActor(req), {
          q: req.query.q ?? null,
          branchId: req.query.branchId ?? null,
          after: req.query.after ?? null,
          limit: req.query.limit,
          purpose: req.query.purpose,
        });
        return {
          items: r.items.map((p) => ({
            id: p.id,
            displayName: displayName(p),
            branchName: p.branchName,
            postcode: p.postcode,
          })),
          next: r.next,
          searchedBy: r.searchedBy as 'email' | 'phone' | 'postcode' | 'postcode_area' | 'name' | null,
        };
      },
    );

    app.post(
      '/persons',
      {
        schema: {
          tags: ['persons'],
          summary: 'Enter a person (validated; branch from postcode; provenance staff_entry)',
          body: contactBody.extend({
            candidateIds: z.array(z.uuid()).max(20).default([]),
            obtainedFromSubject: z.boolean().default(true),
            sourceKind: z.enum(SOURCE_KINDS).default('DATA_SUBJECT'),
            datasetId: z.uuid().nullable().default(null),
          }),
          response: {
            201: z.object({ id: z.string(), branchId: z.string().nullable() }),
            400: errorSchema,
            409: errorSchema,
            422: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req, reply) => {
        const { candidateIds, obtainedFromSubject, sourceKind, datasetId, ...contact } = req.body;
        const r = await createPerson(deps, requireActor(req), {
          contact,
          candidateIds,
          obtainedFromSubject,
          sourceKind,
          datasetId,
        });
        return reply.code(201).send(r);
      },
    );

    app.get(
      '/persons/:id',
      {
        schema: {
          tags: ['persons'],
          summary:
            'The person page (404 outside my scope; political data for staff only, every read audited)',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ purpose: purposeSchema }),
          response: { 200: pageSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => toPage(await getPersonPage(deps, requireActor(req), req.params.id, req.query.purpose)),
    );

    app.put(
      '/persons/:id/contact',
      {
        schema: {
          tags: ['persons'],
          summary: 'Correct the contact data (the whole record, validated again)',
          params: z.object({ id: z.uuid() }),
          body: contactBody,
          response: {
            200: z.object({ changed: z.array(z.string()) }),
            400: errorSchema,
            409: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => updatePersonContact(deps, requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/persons/:id/history',
      {
        schema: {
          tags: ['persons'],
          summary: "The person's audit events, newest first (admin and FG)",
          params: z.object({ id: z.uuid() }),
          querystring: z.object({
            before: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            purpose: purposeSchema,
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  seq: z.number(),
                  at: z.date(),
                  type: z.string(),
                  actorType: z.string(),
                  actorName: z.string().nullable(),
                  purpose: z.string().nullable(),
                  objectType: z.string().nullable(),
                  objectId: z.string().nullable(),
                  data: z.record(z.string(), z.unknown()),
                }),
              ),
              next: z.number().nullable(),
            }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) =>
        getPersonHistory(deps, requireActor(req), req.params.id, {
          before: req.query.before ?? null,
          limit: req.query.limit,
          purpose: req.query.purpose,
        }),
    );

    app.put(
      '/persons/:id/ground',
      {
        schema: {
          tags: ['persons'],
          summary:
            'Always refused: grounds are derived from records (R-01); 9(2)(g) does not exist in NL (R-12)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ basis: z.string().min(1).max(100) }),
          response: { 422: errorSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => requestGround(deps, requireActor(req), req.params.id, req.body.basis),
    );
  };
}
