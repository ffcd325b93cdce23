/**
 * Records on a person (C1): memberships, regular-contact evidence, manifestly-public
 * evidence (R-07; the active act is any string here so that likes are refused by the rule, not the
 * schema), retraction, and fields, tags and notes guarded by the art 9 check.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGULAR_CONTACT_KINDS } from '../../domain/persons/types.js';
import type { Deps } from '../../usecases/deps.js';
import { addNote } from '../../usecases/persons/add-note.js';
import { addPublicEvidence } from '../../usecases/persons/add-public-evidence.js';
import { addRegularContactEvidence } from '../../usecases/persons/add-regular-contact-evidence.js';
import { addTag } from '../../usecases/persons/add-tag.js';
import { endMembership } from '../../usecases/persons/end-membership.js';
import { recordMembership } from '../../usecases/persons/record-membership.js';
import { removeAttribute } from '../../usecases/persons/remove-attribute.js';
import { retractEvidence } from '../../usecases/persons/retract-evidence.js';
import { setAttribute } from '../../usecases/persons/set-attribute.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const idParams = z.object({ id: z.uuid() });
const created = z.object({ id: z.string() });
const refusals = { 400: errorSchema, 409: errorSchema, 422: errorSchema, ...authErrors } as const;
const date = z.string().min(1).max(20);
const attributeResult = z.object({
  id: z.string(),
  dataClass: z.enum(['ordinary', 'political']),
  masked: z.number(),
});

export function personRecordRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/persons/:id/memberships',
      {
        schema: {
          tags: ['persons'],
          summary: 'Record a membership (political data, R-02)',
          params: idParams,
          body: z.object({
            status: z.enum(['active', 'suspended']).default('active'),
            since: date,
            until: date.nullable().default(null),
            branchId: z.uuid().nullable().default(null),
          }),
          response: { 201: created, ...refusals },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await recordMembership(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/persons/:id/memberships/:membershipId/end',
      {
        schema: {
          tags: ['persons'],
          summary: 'End a membership with its end date (R-04)',
          params: idParams.extend({ membershipId: z.uuid() }),
          body: z.object({ until: date }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (req, reply) => {
        await endMembership(deps, requireActor(req), req.params.id, req.params.membershipId, req.body);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/persons/:id/evidence/regular-contact',
      {
        schema: {
          tags: ['persons'],
          summary: 'Evidence of regular, purpose-related contact (R-04)',
          params: idParams,
          body: z.object({
            kind: z.enum(REGULAR_CONTACT_KINDS),
            occurrences: z.array(date).min(1).max(100),
            description: z.string().trim().max(2000).default(''),
          }),
          response: { 201: created, ...refusals },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await addRegularContactEvidence(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/persons/:id/evidence/public',
      {
        schema: {
          tags: ['persons'],
          summary: "The person's own public act (R-07); the acting user is the reviewer",
          params: idParams,
          body: z.object({
            url: z.string().max(2000).nullable().default(null),
            quote: z.string().max(5000).nullable().default(null),
            capturedAt: z.iso.datetime({ offset: true }).nullable().default(null),
            activeAct: z.string().min(1).max(40),
            audienceUnrestricted: z.boolean(),
            captureMethod: z.string().trim().min(1).max(200),
            topic: z.string().trim().min(1).max(200),
          }),
          response: { 201: created, ...refusals },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const r = await addPublicEvidence(deps, requireActor(req), req.params.id, {
          ...b,
          capturedAt: b.capturedAt === null ? null : new Date(b.capturedAt),
        });
        return reply.code(201).send(r);
      },
    );

    app.post(
      '/persons/:id/evidence/:kind/:evidenceId/retract',
      {
        schema: {
          tags: ['persons'],
          summary: 'Retract evidence; it stays on record and no longer counts',
          params: idParams.extend({ kind: z.enum(['regular-contact', 'public']), evidenceId: z.uuid() }),
          body: z.object({ reason: z.string().trim().min(3).max(500) }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (req, reply) => {
        const kind = req.params.kind === 'public' ? 'public' : 'regular_contact';
        await retractEvidence(
          deps,
          requireActor(req),
          req.params.id,
          kind,
          req.params.evidenceId,
          req.body.reason,
        );
        return reply.code(204).send(null);
      },
    );

    const attributeBody = z.object({
      key: z.string().min(1).max(64),
      value: z.string().max(10_000).nullable().default(null),
      publicEvidenceId: z.uuid().nullable().default(null),
    });

    app.post(
      '/persons/:id/fields',
      {
        schema: {
          tags: ['persons'],
          summary: 'Set a field (political fields need an art 9 ground, R-01)',
          params: idParams,
          body: attributeBody,
          response: { 201: attributeResult, ...refusals },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await setAttribute(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/persons/:id/tags',
      {
        schema: {
          tags: ['persons'],
          summary: 'Add a tag (political tags need an art 9 ground, R-01)',
          params: idParams,
          body: attributeBody.pick({ key: true, publicEvidenceId: true }),
          response: { 201: attributeResult, ...refusals },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addTag(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/persons/:id/notes',
      {
        schema: {
          tags: ['persons'],
          summary: 'Add a note of a classified kind (a BSN in the text is masked, R-43)',
          params: idParams,
          body: attributeBody,
          response: { 201: attributeResult, ...refusals },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addNote(deps, requireActor(req), req.params.id, req.body)),
    );

    app.delete(
      '/persons/:id/attributes/:attributeId',
      {
        schema: {
          tags: ['persons'],
          summary: 'Remove a field value, tag or note',
          params: idParams.extend({ attributeId: z.uuid() }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (req, reply) => {
        await removeAttribute(deps, requireActor(req), req.params.id, req.params.attributeId);
        return reply.code(204).send(null);
      },
    );
  };
}
