/**
 * Consent with proof (C2), staff API: the purpose catalogue, versioned consent texts, and forms with
 * their publish checks. Permission `consent:manage`. Records, receipts and
 * withdrawals are in consent-record-routes.ts (registered from here).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSENT_LANGUAGES, PERMISSION_CHANNELS } from '../../domain/consent/types.js';
import { createForm } from '../../usecases/consent/create-form.js';
import { createPurpose } from '../../usecases/consent/create-purpose.js';
import { createTextVersion } from '../../usecases/consent/create-text-version.js';
import { deleteTextVersion } from '../../usecases/consent/delete-text-version.js';
import { listForms } from '../../usecases/consent/list-forms.js';
import { listPurposes } from '../../usecases/consent/list-purposes.js';
import { listTextVersions } from '../../usecases/consent/list-text-versions.js';
import { publishForm } from '../../usecases/consent/publish-form.js';
import { unpublishForm } from '../../usecases/consent/unpublish-form.js';
import { updateForm } from '../../usecases/consent/update-form.js';
import { updatePurpose } from '../../usecases/consent/update-purpose.js';
import { updateTextVersion } from '../../usecases/consent/update-text-version.js';
import type { Deps } from '../../usecases/deps.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';
import { consentRecordRoutes } from './consent-record-routes.js';

const line = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().default(null);
const language = z.enum(CONSENT_LANGUAGES);
const idParams = z.object({ id: z.uuid() });
const conflict = { 409: errorSchema, 422: errorSchema } as const;

const purposeBody = z.object({
  name: line(200),
  description: z.string().trim().max(2000).default(''),
  political: z.boolean(),
  channels: z.array(z.enum(PERMISSION_CHANNELS)).max(PERMISSION_CHANNELS.length).default([]),
  scopeUntil: z.iso.date().nullable().default(null),
  refreshAfterMonths: z.number().int().min(1).max(120).nullable().default(null),
  recipients: z.array(line(200)).max(10).default([]),
});

const purposeSchema = purposeBody
  .required()
  .extend({ id: z.string(), createdAt: z.date(), updatedAt: z.date() });

const textFields = {
  controllerName: z.string().trim().max(200),
  statement: z.string().trim().max(2000),
  specialCategoryMention: optText(300),
  purposeMention: optText(300),
  dataCategories: z.array(z.string().trim().max(200)).max(30),
  withdrawalInstructions: z.string().trim().max(2000),
  automatedDecisionNotice: optText(2000),
  transferNotice: optText(2000),
};

const textSchema = z.object({
  id: z.string(),
  purposeId: z.string(),
  language,
  version: z.number(),
  ...textFields,
  specialCategoryMention: z.string().nullable(),
  purposeMention: z.string().nullable(),
  automatedDecisionNotice: z.string().nullable(),
  transferNotice: z.string().nullable(),
  fullText: z.string(),
  sha256: z.string(),
  createdAt: z.date(),
  referencedAt: z.date().nullable().describe('Set once a consent or a published form uses it: frozen (R-14)'),
});

const checkSchema = z.object({
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  warnings: z.array(z.string()),
});
const textWithCheck = z.object({ version: textSchema, check: checkSchema });

const perLanguage = z.object({
  nl: z.string().trim().max(2000).optional(),
  en: z.string().trim().max(2000).optional(),
});
const itemSchema = z.object({
  purposeIds: z.array(z.uuid()).min(1).max(10),
  required: z.boolean().default(false),
  defaultChecked: z.boolean().default(false),
});

const formBody = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and -'),
  titles: perLanguage,
  intros: perLanguage.default({}),
  controllerName: z.string().trim().max(200),
  privacyNoticeUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
  privacyNoticeText: optText(20_000),
  serviceName: optText(200),
  servicePurposeId: z.uuid().nullable().default(null),
  items: z.array(itemSchema).max(20),
});

const formSchema = z.object({
  id: z.string(),
  slug: z.string(),
  titles: z.record(z.string(), z.string()),
  intros: z.record(z.string(), z.string()),
  controllerName: z.string(),
  privacyNoticeUrl: z.string().nullable(),
  privacyNoticeText: z.string().nullable(),
  serviceName: z.string().nullable(),
  servicePurposeId: z.string().nullable(),
  items: z.array(
    z.object({ purposeIds: z.array(z.string()), required: z.boolean(), defaultChecked: z.boolean() }),
  ),
  status: z.enum(['draft', 'published']),
  published: z
    .object({
      languages: z.array(language),
      noticeId: z.string(),
      purposes: z.array(z.object({ purposeId: z.string(), texts: z.record(z.string(), z.string()) })),
    })
    .nullable(),
  publishedAt: z.date().nullable(),
  publicUrl: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export function consentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['consent'];

    app.get(
      '/consent/purposes',
      {
        schema: {
          tags,
          summary: 'The purpose catalogue',
          response: { 200: z.object({ items: z.array(purposeSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listPurposes(deps, requireActor(req)) }),
    );

    app.post(
      '/consent/purposes',
      {
        schema: {
          tags,
          summary:
            'Add a purpose (political: consent to it reveals a political opinion, explicit consent needed)',
          body: purposeBody,
          response: { 201: purposeSchema, 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await createPurpose(deps, requireActor(req), req.body)),
    );

    app.put(
      '/consent/purposes/:id',
      {
        schema: {
          tags,
          summary: 'Change a purpose (whether it is political is fixed once it is used)',
          params: idParams,
          body: purposeBody,
          response: { 200: purposeSchema, 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req) => updatePurpose(deps, requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/consent/texts',
      {
        schema: {
          tags,
          summary: 'Consent text versions (history), newest first per purpose and language',
          querystring: z.object({ purposeId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(textSchema) }), 400: errorSchema, ...authErrors },
        },
      },
      async (req) => ({
        items: await listTextVersions(deps, requireActor(req), req.query.purposeId ?? null),
      }),
    );

    app.post(
      '/consent/purposes/:id/texts',
      {
        schema: {
          tags,
          summary:
            'A new version of the purpose’s consent text in one language (editing = a new version, R-14)',
          params: idParams,
          body: z.object({ language, ...textFields }),
          response: { 201: textWithCheck, 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createTextVersion(deps, requireActor(req), req.params.id, req.body)),
    );

    app.put(
      '/consent/texts/:id',
      {
        schema: {
          tags,
          summary: 'Correct a draft text version; a referenced one answers 409 TEXT_VERSION_IMMUTABLE (R-14)',
          params: idParams,
          body: z.object(textFields),
          response: { 200: textWithCheck, 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req) => updateTextVersion(deps, requireActor(req), req.params.id, req.body),
    );

    app.delete(
      '/consent/texts/:id',
      {
        schema: {
          tags,
          summary: 'Delete a draft text version; a referenced one answers 409 TEXT_VERSION_IMMUTABLE (R-14)',
          params: idParams,
          response: { 204: z.null(), 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req, reply) => {
        await deleteTextVersion(deps, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/consent/forms',
      {
        schema: {
          tags,
          summary: 'Consent forms with their hosted address',
          response: { 200: z.object({ items: z.array(formSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listForms(deps, requireActor(req)) }),
    );

    app.post(
      '/consent/forms',
      {
        schema: {
          tags,
          summary: 'Create a form (draft): one checkbox per purpose',
          body: formBody,
          response: { 201: formSchema, 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await createForm(deps, requireActor(req), req.body)),
    );

    app.put(
      '/consent/forms/:id',
      {
        schema: {
          tags,
          summary:
            'Edit a form’s draft (a published form shows its last published version until republished)',
          params: idParams,
          body: formBody,
          response: { 200: formSchema, 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req) => updateForm(deps, requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/consent/forms/:id/publish',
      {
        schema: {
          tags,
          summary:
            'Publish after the legal checks; refusals list every reason (details.reasons) and problem (details.problems)',
          params: idParams,
          response: { 200: formSchema, 400: errorSchema, ...conflict, ...authErrors },
        },
      },
      async (req) => publishForm(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/consent/forms/:id/unpublish',
      {
        schema: {
          tags,
          summary: 'Take a form offline (its consents stay)',
          params: idParams,
          response: { 200: formSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => unpublishForm(deps, requireActor(req), req.params.id),
    );

    await app.register(consentRecordRoutes(deps));
  };
}
