/**
 * Exports of frozen audience snapshots to registered processors (C5) and custom-audience
 * requests for platforms. Request and download with `audience:manage` (one's own); approve or
 * decline above the threshold with `export:approve` (the FG). A refusal is 4xx with every reason in
 * `details.reasons` and the counts per reason in `details.excluded`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_STATUSES } from '../../storage/exports-repo.js';
import type { Deps } from '../../usecases/deps.js';
import { approveExport } from '../../usecases/exports/approve-export.js';
import { declineExport } from '../../usecases/exports/decline-export.js';
import { downloadCustomAudience } from '../../usecases/exports/download-custom-audience.js';
import { downloadExport } from '../../usecases/exports/download-export.js';
import { getExport } from '../../usecases/exports/get-export.js';
import { listExports } from '../../usecases/exports/list-exports.js';
import { requestCustomAudience } from '../../usecases/exports/request-custom-audience.js';
import { requestExport } from '../../usecases/exports/request-export.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const counts = z.record(z.string(), z.number());

export const exportSchema = z.object({
  id: z.string(),
  snapshotId: z.string(),
  destinationId: z.string().nullable(),
  activityId: z.string(),
  status: z.enum(EXPORT_STATUSES),
  personCount: z.number(),
  excludedCounts: counts.describe('Persons left out, per reason code'),
  reasons: z.array(z.string()).describe('Why the export was refused (every reason)'),
  columns: z.array(z.string()).describe('The columns of the file (what the channel needs, R-11)'),
  requestedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.date().nullable(),
  fileSha256: z.string().nullable(),
  downloads: z.number(),
  createdAt: z.date(),
});

export const customAudienceSchema = z.object({
  id: z.string(),
  snapshotId: z.string(),
  destinationId: z.string().nullable(),
  activityId: z.string(),
  lookalike: z.boolean(),
  status: z.enum(['refused', 'produced']),
  includedCount: z.number(),
  excludedCounts: counts,
  reasons: z.array(z.string()),
  productRefusals: z.array(z.string()),
  fileSha256: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

const exportBody = z.strictObject({
  snapshotId: z.uuid().nullable().default(null).describe('A frozen snapshot, or…'),
  audienceId: z.uuid().nullable().default(null).describe('…an audience to freeze now for this use'),
  destinationId: z.uuid().nullable().default(null),
  activityId: z.uuid().nullable().default(null),
});
const customBody = exportBody.extend({ lookalike: z.boolean().default(false) });

const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorSchema, 409: errorSchema, 422: errorSchema, ...authErrors } as const;

export function exportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exports'];

    app.get(
      '/exports',
      {
        schema: {
          tags,
          summary: 'My exports and platform lists (all of them for the FG)',
          response: {
            200: z.object({ items: z.array(exportSchema), customAudiences: z.array(customAudienceSchema) }),
            ...authErrors,
          },
        },
      },
      async (req) => {
        const r = await listExports(deps, requireActor(req));
        return { items: r.exports, customAudiences: r.customAudiences };
      },
    );

    app.post(
      '/exports',
      {
        schema: {
          tags,
          summary:
            'Export a frozen audience to a registered processor (persons the gate refuses are left out and counted)',
          body: exportBody,
          response: { 201: exportSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await requestExport(deps, requireActor(req), req.body)),
    );

    app.get(
      '/exports/:id',
      {
        schema: { tags, summary: 'One export', params: idParams, response: { 200: exportSchema, ...errors } },
      },
      async (req) => getExport(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/exports/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve an export above the threshold (FG; not your own request)',
          params: idParams,
          response: { 200: exportSchema, ...errors },
        },
      },
      async (req) => approveExport(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/exports/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline an export awaiting approval (FG); its file is dropped',
          params: idParams,
          response: { 200: exportSchema, ...errors },
        },
      },
      async (req) => declineExport(deps, requireActor(req), req.params.id),
    );

    app.get(
      '/exports/:id/file',
      {
        schema: {
          tags,
          summary: 'Download the CSV (UTF-8 with BOM, `;`-separated); requester only, audited',
          params: idParams,
          produces: ['text/csv'],
          response: { 200: z.any(), ...errors },
        },
      },
      async (req, reply) => {
        const f = await downloadExport(deps, requireActor(req), req.params.id);
        return reply
          .type(f.contentType)
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .header('cache-control', 'no-store')
          .header('x-content-sha256', f.sha256)
          .send(f.content);
      },
    );

    app.post(
      '/custom-audience-requests',
      {
        schema: {
          tags,
          summary: 'Request a platform list (hashed e-mails) from a frozen audience; lookalikes are refused',
          body: customBody,
          response: { 201: customAudienceSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await requestCustomAudience(deps, requireActor(req), req.body)),
    );

    app.get(
      '/custom-audience-requests/:id/file',
      {
        schema: {
          tags,
          summary: 'Download the hashed list (SHA-256 hex per line); creator only, audited',
          params: idParams,
          produces: ['text/plain'],
          response: { 200: z.any(), ...errors },
        },
      },
      async (req, reply) => {
        const f = await downloadCustomAudience(deps, requireActor(req), req.params.id);
        return reply
          .type(f.contentType)
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .header('cache-control', 'no-store')
          .header('x-content-sha256', f.sha256)
          .send(f.content);
      },
    );
  };
}
