/**
 * E-mail campaigns (C5): templates with their checks, campaigns from an audience
 * (`outreach:send`), a preview for one recipient, send (through the job queue), the report (counts per
 * status and per exclusion reason; no open or click counts exist) and an explicit resend of a message
 * whose delivery is unknown.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLACEHOLDERS } from '../../domain/outreach/placeholders.js';
import { HTML_MAX, SUBJECT_MAX, TEXT_MAX } from '../../domain/outreach/templates.js';
import type { TemplateRow } from '../../storage/campaign-templates-repo.js';
import { CAMPAIGN_STATUSES, type CampaignRow, MESSAGE_STATUSES } from '../../storage/campaigns-repo.js';
import type { Deps } from '../../usecases/deps.js';
import { checkTemplateDraft } from '../../usecases/outreach/check-template.js';
import { createCampaign } from '../../usecases/outreach/create-campaign.js';
import { createTemplate } from '../../usecases/outreach/create-template.js';
import { getCampaignReport } from '../../usecases/outreach/get-campaign-report.js';
import { getTemplate } from '../../usecases/outreach/get-template.js';
import { listCampaigns } from '../../usecases/outreach/list-campaigns.js';
import { listTemplates } from '../../usecases/outreach/list-templates.js';
import { previewMessage } from '../../usecases/outreach/preview-message.js';
import {
  recordStaffObjection,
  STAFF_OBJECTION_CHANNELS,
} from '../../usecases/outreach/record-staff-objection.js';
import { resendMessage } from '../../usecases/outreach/resend-message.js';
import { sendCampaign } from '../../usecases/outreach/send-campaign.js';
import { updateTemplate } from '../../usecases/outreach/update-template.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';

const versionIn = z.object({
  subject: z.string().max(SUBJECT_MAX),
  text: z.string().max(TEXT_MAX),
  html: z.string().max(HTML_MAX).nullable().default(null),
});
const contentIn = z.object({ nl: versionIn, en: versionIn.nullable().default(null) });
const templateIn = z.object({ name: z.string().max(200), content: contentIn });

const versionOut = z.object({ subject: z.string(), text: z.string(), html: z.string().nullable() });
const templateOut = z.object({
  id: z.string(),
  familyId: z.string(),
  version: z.number(),
  name: z.string(),
  content: z.object({ nl: versionOut, en: versionOut.nullable() }),
  createdAt: z.date(),
  usedAt: z.date().nullable(),
  supersededAt: z.date().nullable(),
});
const toTemplate = (t: TemplateRow) => ({
  id: t.id,
  familyId: t.familyId,
  version: t.version,
  name: t.name,
  content: t.content,
  createdAt: t.createdAt,
  usedAt: t.usedAt,
  supersededAt: t.supersededAt,
});

const findingOut = z.object({
  code: z.string(),
  language: z.enum(['nl', 'en']),
  part: z.enum(['subject', 'text', 'html']),
  detail: z.string(),
  nl: z.string(),
  en: z.string(),
});

const campaignOut = z.object({
  id: z.string(),
  name: z.string(),
  audienceId: z.string(),
  snapshotId: z.string(),
  activityId: z.string(),
  templateId: z.string(),
  languageRule: z.enum(['person', 'nl', 'en']),
  status: z.enum(CAMPAIGN_STATUSES),
  throttlePerMinute: z.number(),
  createdAt: z.date(),
  queuedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
const toCampaign = (c: CampaignRow) => ({
  id: c.id,
  name: c.name,
  audienceId: c.audienceId,
  snapshotId: c.snapshotId,
  activityId: c.activityId,
  templateId: c.templateId,
  languageRule: c.languageRule,
  status: c.status,
  throttlePerMinute: c.throttlePerMinute,
  createdAt: c.createdAt,
  queuedAt: c.queuedAt,
  finishedAt: c.finishedAt,
});

const idParams = z.object({ id: z.uuid() });
const refusals = { 400: errorSchema, 409: errorSchema, 422: errorSchema, ...authErrors };

export function campaignRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaign-templates',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Campaign templates (current versions) and the placeholders they may use',
          response: {
            200: z.object({ items: z.array(templateOut), placeholders: z.array(z.string()) }),
            ...authErrors,
          },
        },
      },
      async (req) => ({
        items: (await listTemplates(deps, requireActor(req))).map(toTemplate),
        placeholders: [...PLACEHOLDERS],
      }),
    );

    app.post(
      '/campaign-templates/check',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Check a template draft (R-26 transparency block, R-27 objection link, R-69 no tracking)',
          body: z.object({ content: contentIn }),
          response: {
            200: z.object({ ok: z.boolean(), reasons: z.array(z.string()), findings: z.array(findingOut) }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => checkTemplateDraft(deps, requireActor(req), req.body.content),
    );

    app.post(
      '/campaign-templates',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Create a campaign template; refused with every reason (R-26, R-27, R-69)',
          body: templateIn,
          response: { 201: templateOut, ...refusals },
        },
      },
      async (req, reply) =>
        reply.code(201).send(toTemplate(await createTemplate(deps, requireActor(req), req.body))),
    );

    app.get(
      '/campaign-templates/:id',
      {
        schema: {
          tags: ['outreach'],
          summary: 'One template version',
          params: idParams,
          response: { 200: templateOut, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => toTemplate(await getTemplate(deps, requireActor(req), req.params.id)),
    );

    app.put(
      '/campaign-templates/:id',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Change a template: in place while unused, otherwise as a new version',
          params: idParams,
          body: templateIn,
          response: { 200: templateOut, ...refusals },
        },
      },
      async (req) => toTemplate(await updateTemplate(deps, requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/campaigns',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Campaigns within the actor’s scope, newest first',
          response: { 200: z.object({ items: z.array(campaignOut) }), ...authErrors },
        },
      },
      async (req) => ({ items: (await listCampaigns(deps, requireActor(req))).map(toCampaign) }),
    );

    app.post(
      '/campaigns',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Create a campaign from an audience (freezes a snapshot)',
          body: z.object({
            name: z.string().max(200),
            audienceId: z.uuid(),
            templateId: z.uuid(),
            languageRule: z.enum(['person', 'nl', 'en']).default('person'),
            throttlePerMinute: z.number().int().min(1).max(100_000).nullable().default(null),
          }),
          response: {
            201: z.object({
              campaign: campaignOut,
              includedCount: z.number(),
              excluded: z.record(z.string(), z.number()),
            }),
            ...refusals,
          },
        },
      },
      async (req, reply) => {
        const r = await createCampaign(deps, requireActor(req), req.body);
        return reply.code(201).send({ ...r, campaign: toCampaign(r.campaign) });
      },
    );

    app.get(
      '/campaigns/:id/report',
      {
        schema: {
          tags: ['outreach'],
          summary:
            'Counts per message status and per exclusion reason; messages in doubt (no open/click counts)',
          params: idParams,
          response: {
            200: z.object({
              campaign: campaignOut,
              byStatus: z.record(z.enum(MESSAGE_STATUSES), z.number()),
              byReason: z.record(z.string(), z.number()),
              inDoubt: z.array(z.object({ id: z.string(), lastError: z.string().nullable() })),
            }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => {
        const r = await getCampaignReport(deps, requireActor(req), req.params.id);
        return { ...r, campaign: toCampaign(r.campaign) };
      },
    );

    app.get(
      '/campaigns/:id/preview',
      {
        schema: {
          tags: ['outreach'],
          summary: 'The message for one recipient as it would be sent now (audited read)',
          params: idParams,
          querystring: z.object({ personId: z.uuid().optional() }),
          response: {
            200: z.object({
              personId: z.string(),
              excluded: z.boolean(),
              reasons: z.array(z.string()),
              message: z
                .object({
                  language: z.enum(['nl', 'en']),
                  subject: z.string(),
                  text: z.string(),
                  html: z.string().nullable(),
                })
                .nullable(),
              problems: z.array(z.string()),
            }),
            400: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req) => {
        const p = await previewMessage(deps, requireActor(req), req.params.id, req.query.personId ?? null);
        return p.excluded
          ? { personId: p.personId, excluded: true, reasons: p.reasons, message: null, problems: [] }
          : {
              personId: p.personId,
              excluded: false,
              reasons: [],
              message: {
                language: p.message.language,
                subject: p.message.subject,
                text: p.message.text,
                html: p.message.html,
              },
              problems: p.problems,
            };
      },
    );

    app.post(
      '/campaigns/:id/send',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Send: queue the campaign (each recipient is assessed again when their message is made)',
          params: idParams,
          response: { 202: campaignOut, ...refusals },
        },
      },
      async (req, reply) =>
        reply.code(202).send(toCampaign(await sendCampaign(deps, requireActor(req), req.params.id))),
    );

    app.post(
      '/persons/:id/objections',
      {
        schema: {
          tags: ['outreach'],
          summary:
            'Record an objection to direct marketing received by phone, letter, e-mail or in person (R-27)',
          params: idParams,
          body: z.object({ channel: z.enum(STAFF_OBJECTION_CHANNELS) }),
          response: {
            201: z.object({ objectionId: z.string(), created: z.boolean() }),
            ...refusals,
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await recordStaffObjection(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/campaigns/:id/messages/:mid/resend',
      {
        schema: {
          tags: ['outreach'],
          summary: 'Send again a message whose delivery is unknown (in_doubt): an explicit operator action',
          params: z.object({ id: z.uuid(), mid: z.uuid() }),
          response: {
            200: z.object({ status: z.enum(['queued', 'excluded']), reasons: z.array(z.string()) }),
            ...refusals,
          },
        },
      },
      async (req) => resendMessage(deps, requireActor(req), req.params.id, req.params.mid),
    );
  };
}
