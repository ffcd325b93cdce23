/**
 * Websites of the party and its candidates (issue 7): the register, scans through the job queue, the
 * stored report as evidence, and alerts for new trackers. Permission `websites:manage` (FG, campaign lead).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/codes.js';
import {
  CADENCES,
  CRAWL_PAGES_DEFAULT,
  CRAWL_PAGES_MAX,
  CRAWL_PAGES_MIN,
  MAX_SITE_URL_LENGTH,
  SCAN_STATUSES,
  SITE_OWNERS,
} from '../../domain/websites.js';
import { renderHtml } from '../../scanner/report/html.js';
import type { ScanReport } from '../../scanner/types.js';
import type { Deps } from '../../usecases/deps.js';
import { acknowledgeWebsiteAlert } from '../../usecases/websites/acknowledge-alert.js';
import { createWebsite } from '../../usecases/websites/create-website.js';
import { deleteWebsite } from '../../usecases/websites/delete-website.js';
import { getWebsiteScan } from '../../usecases/websites/get-scan.js';
import { listWebsiteAlerts } from '../../usecases/websites/list-alerts.js';
import { listWebsiteScans } from '../../usecases/websites/list-scans.js';
import { listWebsites } from '../../usecases/websites/list-websites.js';
import { requestWebsiteScan } from '../../usecases/websites/request-scan.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const siteSchema = z.object({
  id: z.string(),
  url: z.string(),
  label: z.string(),
  owner: z.enum(SITE_OWNERS),
  candidateId: z.string().nullable(),
  cadence: z.enum(CADENCES),
  crawlPages: z.number(),
  createdAt: z.date(),
});

const scanSchema = z.object({
  id: z.string(),
  websiteId: z.string(),
  status: z.enum(SCAN_STATUSES),
  trigger: z.enum(['manual', 'schedule']),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  pages: z.number().nullable(),
  trackers: z.number().nullable(),
  unknown: z.number().nullable(),
  necessary: z.number().nullable(),
  vendors: z.array(z.string()),
  error: z.string().nullable(),
});

const overviewSchema = siteSchema.extend({
  latestScan: scanSchema.nullable(),
  lastDoneScan: scanSchema.nullable(),
  openAlerts: z.number(),
});

const alertSchema = z.object({
  id: z.string(),
  websiteId: z.string(),
  scanId: z.string(),
  kind: z.literal('new_tracker'),
  vendor: z.string(),
  detail: z.object({
    items: z.array(
      z.object({
        type: z.enum(['host', 'cookie', 'storage']),
        name: z.string(),
        where: z.string().nullable(),
      }),
    ),
    firstScan: z.boolean(),
  }),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable(),
});

/** The report page: its own inline styles and embedded images, nothing else (no scripts, no requests). */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const siteParams = z.object({ id: z.uuid() });
const scanParams = z.object({ id: z.uuid(), scanId: z.uuid() });

export function websiteRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/websites',
      {
        schema: {
          tags: ['websites'],
          summary: 'Registered websites with their latest scan, verdict and open alerts',
          response: { 200: z.object({ items: z.array(overviewSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listWebsites(deps, requireActor(req)) }),
    );

    app.post(
      '/websites',
      {
        schema: {
          tags: ['websites'],
          summary: 'Register a website of the party or a candidate',
          body: z.object({
            url: z
              .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
              .max(MAX_SITE_URL_LENGTH),
            label: z.string().trim().min(1).max(200),
            owner: z.enum(SITE_OWNERS),
            candidateId: z.uuid().nullable().default(null),
            cadence: z.enum(CADENCES).default('weekly'),
            crawlPages: z
              .number()
              .int()
              .min(CRAWL_PAGES_MIN)
              .max(CRAWL_PAGES_MAX)
              .default(CRAWL_PAGES_DEFAULT),
          }),
          response: { 201: siteSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const site = await createWebsite(deps, requireActor(req), req.body);
        return reply.code(201).send(site);
      },
    );

    app.delete(
      '/websites/:id',
      {
        schema: {
          tags: ['websites'],
          summary: 'Stop scanning a website (its scans stay as evidence)',
          params: siteParams,
          response: { 204: z.null(), 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        await deleteWebsite(deps, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/websites/:id/scans',
      {
        schema: {
          tags: ['websites'],
          summary: 'Scan now: queue a scan of this website',
          params: siteParams,
          response: { 202: scanSchema, 400: errorSchema, 409: errorSchema, 503: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const scan = await requestWebsiteScan(deps, requireActor(req), req.params.id);
        return reply.code(202).send(scan);
      },
    );

    app.get(
      '/websites/:id/scans',
      {
        schema: {
          tags: ['websites'],
          summary: 'Scan history of a website, newest first',
          params: siteParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ items: z.array(scanSchema) }), 400: errorSchema, ...authErrors },
        },
      },
      async (req) => ({
        items: await listWebsiteScans(deps, requireActor(req), req.params.id, req.query.limit),
      }),
    );

    app.get(
      '/websites/:id/scans/:scanId',
      {
        schema: {
          tags: ['websites'],
          summary: 'One scan with its full report (the evidence; schema in docs/scanner-report.md)',
          params: scanParams,
          response: {
            200: scanSchema.extend({
              website: siteSchema,
              report: z.record(z.string(), z.unknown()).nullable(),
            }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => {
        const r = await getWebsiteScan(deps, requireActor(req), req.params.id, req.params.scanId);
        return {
          ...r.scan,
          website: r.site,
          report: r.report as unknown as Record<string, unknown> | null,
        };
      },
    );

    app.get(
      '/websites/:id/scans/:scanId/report.html',
      {
        schema: {
          tags: ['websites'],
          summary: 'One scan report as a self-contained HTML page (for the dossier)',
          params: scanParams,
          produces: ['text/html'],
          response: { 200: z.string(), 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const r = await getWebsiteScan(deps, requireActor(req), req.params.id, req.params.scanId);
        if (!r.report) throw new DomainError('NOT_FOUND', { reason: 'this scan has no report' });
        // Screenshots are never stored for website scans; never let a stored path reach the file system.
        const report: ScanReport = {
          ...r.report,
          pages: r.report.pages.map((p) => ({ ...p, screenshots: {} })),
        };
        return reply
          .header('content-security-policy', REPORT_CSP)
          .header('content-disposition', `inline; filename="scan-${r.scan.id}.html"`)
          .type('text/html; charset=utf-8')
          .send(renderHtml(report));
      },
    );

    app.get(
      '/websites/alerts',
      {
        schema: {
          tags: ['websites'],
          summary: 'Open alerts: trackers that the previous successful scan did not see',
          response: { 200: z.object({ items: z.array(alertSchema) }), ...authErrors },
        },
      },
      async (req) => ({
        items: (await listWebsiteAlerts(deps, requireActor(req))).map((a) => ({
          ...a,
          detail: a.detail as z.infer<typeof alertSchema>['detail'],
        })),
      }),
    );

    app.post(
      '/websites/alerts/:alertId/acknowledge',
      {
        schema: {
          tags: ['websites'],
          summary: 'Acknowledge an alert',
          params: z.object({ alertId: z.uuid() }),
          response: { 200: alertSchema, 400: errorSchema, 409: errorSchema, ...authErrors },
        },
      },
      async (req) => {
        const a = await acknowledgeWebsiteAlert(deps, requireActor(req), req.params.alertId);
        return { ...a, detail: a.detail as z.infer<typeof alertSchema>['detail'] };
      },
    );
  };
}
