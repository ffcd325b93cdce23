/**
 * Audiences (C5): criteria bound to a registered activity, classified as a segment (R-08, R-24,
 * ), evaluated through the legal gate (counts per reason), explained (who and why, audited
 * reads), and frozen into snapshots when used. Permission `audience:manage`; scope as person search:
 * another scope's audience is 404. Criteria are checked by the domain (unknown, empty, contradictory),
 * which names every wrong field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAudience } from '../../usecases/audiences/create-audience.js';
import { criteriaOptions } from '../../usecases/audiences/criteria-options.js';
import { evaluateAudience } from '../../usecases/audiences/evaluate-audience.js';
import { explainAudience } from '../../usecases/audiences/explain-audience.js';
import { freezeAudienceSnapshot } from '../../usecases/audiences/freeze-snapshot.js';
import { getAudience } from '../../usecases/audiences/get-audience.js';
import { listAudiences } from '../../usecases/audiences/list-audiences.js';
import { listSnapshots } from '../../usecases/audiences/list-snapshots.js';
import { updateAudience } from '../../usecases/audiences/update-audience.js';
import type { Deps } from '../../usecases/deps.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const idParams = z.object({ id: z.uuid() });
const date = z.string().describe('YYYY-MM-DD');

/** Loose on purpose: unknown criteria reach the domain check, which names them (AUDIENCE_UNKNOWN_CRITERION). */
const criteriaIn = z
  .looseObject({
    everyone: z.boolean().optional().describe('Everyone within my scope, deliberately (no other criterion)'),
    branchIds: z.array(z.string()).optional(),
    postcodeRanges: z
      .array(z.looseObject({ from: z.number(), to: z.number() }))
      .optional()
      .describe('PC4, inclusive'),
    membership: z
      .looseObject({
        statuses: z.array(z.string()).describe('active | suspended | ended | none'),
        sinceFrom: date.optional(),
        sinceTo: date.optional(),
        untilFrom: date.optional(),
        untilTo: date.optional(),
      })
      .nullable()
      .optional(),
    tagIdsAll: z.array(z.string()).optional(),
    tagIdsNone: z.array(z.string()).optional(),
    consentPurposeIds: z.array(z.string()).optional().describe('Holds a valid consent for each'),
    events: z
      .looseObject({ attendedFrom: date.optional(), attendedTo: date.optional() })
      .nullable()
      .optional(),
    languages: z.array(z.string()).optional(),
  })
  .describe('Audience criteria (ids and ranges; no personal data)');

const audienceBody = z.object({
  name: z.string().trim().min(1).max(200),
  activityId: z.string().max(64).describe('A processing activity from the register (R-03)'),
  criteria: criteriaIn,
});

const criteriaOut = z.object({
  everyone: z.boolean(),
  branchIds: z.array(z.string()),
  postcodeRanges: z.array(z.object({ from: z.number(), to: z.number() })),
  membership: z
    .object({
      statuses: z.array(z.string()),
      sinceFrom: z.string().optional(),
      sinceTo: z.string().optional(),
      untilFrom: z.string().optional(),
      untilTo: z.string().optional(),
    })
    .nullable(),
  tagIdsAll: z.array(z.string()),
  tagIdsNone: z.array(z.string()),
  consentPurposeIds: z.array(z.string()),
  events: z.object({ attendedFrom: z.string().optional(), attendedTo: z.string().optional() }).nullable(),
  languages: z.array(z.string()),
});

const audienceSchema = z.object({
  id: z.string(),
  name: z.string(),
  activityId: z.string(),
  activityName: z.string(),
  criteria: criteriaOut,
  classification: z.enum(['ordinary', 'political', 'special']).describe('The segment class (R-08)'),
  classificationDetail: z.object({
    why: z.array(z.object({ key: z.string(), why: z.string() })),
    flags: z.array(z.string()),
    adClass: z.string(),
  }),
  scoped: z.boolean().describe("Limited to its creator's scope (branch, area or candidate)"),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const snapshotSchema = z.object({
  id: z.string(),
  audienceId: z.string(),
  activityId: z.string(),
  classification: z.string(),
  referenceDate: z.date(),
  includedCount: z.number(),
  excludedCounts: z.record(z.string(), z.number()),
  excludedPersons: z.number(),
  usedFor: z.string(),
  createdAt: z.date(),
});

const countsSchema = z.object({
  audienceId: z.string(),
  referenceDate: z.date(),
  classification: z.string(),
  adClass: z.string(),
  flags: z.array(z.string()),
  refusals: z.array(z.string()),
  matched: z.number(),
  includedCount: z.number(),
  excluded: z.record(z.string(), z.number()).describe('Reason code → persons excluded with it'),
  excludedPersons: z.number(),
});

const toAudience = <T extends { ownerScope: unknown }>(a: T) => ({ ...a, scoped: a.ownerScope !== null });

export function audienceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['audiences'];
    const bad = { 400: errorSchema, 422: errorSchema } as const;

    app.get(
      '/audience-criteria/options',
      {
        schema: {
          tags,
          summary:
            'What the criteria builder offers: branches, tags with class, consent purposes, languages, activities',
          response: {
            200: z.object({
              branches: z.array(z.object({ id: z.string(), name: z.string() })),
              tags: z.array(
                z.object({
                  id: z.string(),
                  key: z.string(),
                  labelNl: z.string(),
                  labelEn: z.string(),
                  dataClass: z.string(),
                  proxyRisk: z.string(),
                }),
              ),
              purposes: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  political: z.boolean(),
                  politicalAdvertising: z.boolean(),
                }),
              ),
              languages: z.array(z.string()),
              activities: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  purpose: z.string(),
                  kind: z.string(),
                  channel: z.string(),
                  adClass: z.string(),
                  politicalData: z.boolean(),
                }),
              ),
            }),
            ...authErrors,
          },
        },
      },
      async (req) => criteriaOptions(deps, requireActor(req)),
    );

    app.get(
      '/audiences',
      {
        schema: {
          tags,
          summary: 'Audiences within my scope',
          response: { 200: z.object({ items: z.array(audienceSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: (await listAudiences(deps, requireActor(req))).map(toAudience) }),
    );

    app.post(
      '/audiences',
      {
        schema: {
          tags,
          summary:
            'Create an audience bound to an activity; the segment is classified (R-08, R-24, R-77, R-79)',
          body: audienceBody,
          response: { 201: audienceSchema, ...bad, ...authErrors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(toAudience(await createAudience(deps, requireActor(req), req.body))),
    );

    app.get(
      '/audiences/:id',
      {
        schema: {
          tags,
          summary: 'One audience with its snapshots',
          params: idParams,
          response: {
            200: z.object({ audience: audienceSchema, snapshots: z.array(snapshotSchema) }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => {
        const r = await getAudience(deps, requireActor(req), req.params.id);
        return { audience: toAudience(r.audience), snapshots: r.snapshots };
      },
    );

    app.put(
      '/audiences/:id',
      {
        schema: {
          tags,
          summary: 'Change an audience (classified again; frozen snapshots stay as they were)',
          params: idParams,
          body: audienceBody,
          response: { 200: audienceSchema, ...bad, ...authErrors },
        },
      },
      async (req) => toAudience(await updateAudience(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/audiences/:id/evaluation',
      {
        schema: {
          tags,
          summary: 'Evaluate now through the legal gate: included, and excluded per reason',
          params: idParams,
          response: { 200: countsSchema, ...bad, ...authErrors },
        },
      },
      async (req) => evaluateAudience(deps, requireActor(req), req.params.id),
    );

    app.get(
      '/audiences/:id/explain',
      {
        schema: {
          tags,
          summary:
            'Who and why: included persons, or excluded ones (optionally for one reason); audited reads',
          params: idParams,
          querystring: z.object({
            outcome: z.enum(['included', 'excluded']),
            reason: z
              .string()
              .regex(/^[A-Z][A-Z0-9_]{1,80}$/)
              .optional(),
            cursor: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  personId: z.string(),
                  displayName: z.string(),
                  branchId: z.string().nullable(),
                  branchName: z.string().nullable(),
                  reasons: z.array(z.string()),
                }),
              ),
              next: z.string().nullable(),
            }),
            ...bad,
            ...authErrors,
          },
        },
      },
      async (req) =>
        explainAudience(deps, requireActor(req), req.params.id, {
          outcome: req.query.outcome,
          reason: req.query.reason ?? null,
          cursor: req.query.cursor ?? null,
          limit: req.query.limit,
        }),
    );

    app.get(
      '/audiences/:id/snapshots',
      {
        schema: {
          tags,
          summary: 'Snapshots frozen from this audience',
          params: idParams,
          response: { 200: z.object({ items: z.array(snapshotSchema) }), 400: errorSchema, ...authErrors },
        },
      },
      async (req) => ({ items: await listSnapshots(deps, requireActor(req), req.params.id) }),
    );

    app.post(
      '/audiences/:id/snapshots',
      {
        schema: {
          tags,
          summary: 'Freeze a snapshot (evaluation, members and the decision counts in the audit trail)',
          params: idParams,
          body: z.object({
            usedFor: z.enum(['campaign', 'export', 'custom_audience', 'review']).default('review'),
          }),
          response: {
            201: z.object({
              snapshotId: z.string(),
              includedCount: z.number(),
              excluded: z.record(z.string(), z.number()),
              excludedPersons: z.number(),
              matched: z.number(),
              referenceDate: z.date(),
            }),
            ...bad,
            ...authErrors,
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await freezeAudienceSnapshot(deps, requireActor(req), {
            audienceId: req.params.id,
            usedFor: req.body.usedFor,
          }),
        ),
    );
  };
}
