/**
 * Consent records, staff API: offline capture, scans, receipts, staff withdrawals
 * and a person's consents with their assessment. Offline capture (and the purposes and texts it
 * offers) needs `consent:record` (staff and volunteers) within scope; staff withdrawals need
 * `consent:manage`; reads need `person:read` within scope and a purpose (audited, R-63).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CAPTURE_DEFECTS,
  CONSENT_CHANNELS,
  CONSENT_LANGUAGES,
  CONSENT_STATUSES,
  OFFLINE_CHANNELS,
  WITHDRAWAL_CHANNELS,
} from '../../domain/consent/types.js';
import { attachConsentScan } from '../../usecases/consent/attach-consent-scan.js';
import { getConsentReceipt } from '../../usecases/consent/get-consent-receipt.js';
import { getConsentScan } from '../../usecases/consent/get-consent-scan.js';
import { listCaptureOptions } from '../../usecases/consent/list-capture-options.js';
import { listPersonConsents } from '../../usecases/consent/list-person-consents.js';
import { recordOfflineConsent } from '../../usecases/consent/record-offline-consent.js';
import { SCAN_MAX_BYTES, SCAN_TYPES } from '../../usecases/consent/scan-input.js';
import { withdrawConsent } from '../../usecases/consent/withdraw-consent.js';
import type { Deps } from '../../usecases/deps.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema, purposeSchema } from '../schemas.js';

const idParams = z.object({ id: z.uuid() });
const optText = (max: number) => z.string().trim().max(max).nullable().default(null);

const scanBody = z.object({
  contentType: z.enum(SCAN_TYPES),
  dataBase64: z
    .string()
    .max(Math.ceil((SCAN_MAX_BYTES * 4) / 3) + 4)
    .describe('The file (PDF, PNG or JPEG, at most 5 MB), base64'),
});
/** Room for a base64 scan of 5 MB in a JSON body. */
const SCAN_BODY_LIMIT = 8 * 1024 * 1024;

const consentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  purposeId: z.string(),
  purposeName: z.string(),
  political: z.boolean(),
  channel: z.enum(CONSENT_CHANNELS),
  givenAt: z.date(),
  confirmedAt: z.date().nullable(),
  explicit: z.boolean(),
  captureDefects: z.array(z.enum(CAPTURE_DEFECTS)),
  textVersionId: z.string().nullable(),
  textVersion: z.number().nullable(),
  language: z.enum(CONSENT_LANGUAGES).nullable(),
  ageAtConsent: z.number().nullable(),
  guardianConfirmedAt: z.date().nullable(),
  hasScan: z.boolean(),
  withdrawnAt: z.date().nullable(),
  withdrawalChannel: z.enum(WITHDRAWAL_CHANNELS).nullable(),
  status: z.enum(CONSENT_STATUSES),
  reasons: z
    .array(z.string())
    .describe('Every reason it does not count (Appendix C codes), empty when valid'),
  unconfirmed: z
    .boolean()
    .describe('Offline consent not yet confirmed by double opt-in or scan ("onbevestigd")'),
});

const captureOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  political: z.boolean().describe('Reveals a political opinion: an express statement is needed (R-17)'),
  scopeUntil: z.string().nullable(),
  texts: z
    .array(
      z.object({
        id: z.string().describe('The text version to send as textVersionId'),
        language: z.enum(CONSENT_LANGUAGES),
        version: z.number(),
        statement: z.string(),
        fullText: z.string(),
      }),
    )
    .describe('The current version per language, Dutch first'),
});

const receiptSchema = z.object({
  consent: consentSchema,
  text: z
    .object({
      id: z.string(),
      purposeId: z.string(),
      version: z.number(),
      language: z.enum(CONSENT_LANGUAGES),
      statement: z.string(),
      fullText: z.string(),
      sha256: z.string(),
      recordedSha256: z.string().nullable(),
      intact: z.boolean(),
    })
    .nullable(),
  notice: z
    .object({ id: z.string(), url: z.string().nullable(), text: z.string().nullable(), sha256: z.string() })
    .nullable(),
  controllerNames: z.array(z.string()),
  evidence: z.object({
    formId: z.string().nullable(),
    formSlug: z.string().nullable(),
    submissionId: z.string().nullable(),
    capturedBy: z.string().nullable(),
    collector: z.string().nullable(),
    place: z.string().nullable(),
    ipHash: z.string().nullable(),
    userAgent: z.string().nullable(),
    scan: z
      .object({ id: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string() })
      .nullable(),
    guardianName: z.string().nullable(),
    withdrawnBy: z.string().nullable(),
    withdrawalChannel: z.enum(WITHDRAWAL_CHANNELS).nullable(),
    onBehalfOf: z.string().nullable(),
  }),
});

export function consentRecordRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['consent'];

    app.get(
      '/persons/:id/consents',
      {
        schema: {
          tags,
          summary: 'A person’s consents with status and every reason (read audited with its purpose)',
          params: idParams,
          querystring: z.object({ purpose: purposeSchema }),
          response: { 200: z.object({ items: z.array(consentSchema) }), 400: errorSchema, ...authErrors },
        },
      },
      async (req) => ({
        items: await listPersonConsents(deps, requireActor(req), req.params.id, req.query.purpose),
      }),
    );

    app.get(
      '/consent/capture-options',
      {
        schema: {
          tags,
          summary:
            'Purposes an offline capture may ask, each with its current text version per language (consent:record)',
          response: { 200: z.object({ items: z.array(captureOptionSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listCaptureOptions(deps, requireActor(req)) }),
    );

    app.post(
      '/consent/records',
      {
        bodyLimit: SCAN_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Record an offline consent (paper, doorstep, phone, e-mail reply, recorded oral statement)',
          body: z.object({
            personId: z.uuid(),
            purposeId: z.uuid(),
            textVersionId: z.uuid(),
            channel: z.enum(OFFLINE_CHANNELS),
            givenAt: z.iso.datetime({ offset: true }),
            collector: z.string().trim().min(1).max(200),
            place: optText(200),
            explicit: z.boolean(),
            captureDefects: z.array(z.enum(CAPTURE_DEFECTS)).max(3).default([]),
            birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
            guardianName: optText(200),
            guardianEmail: optText(254),
            guardianConsented: z.boolean().default(false),
            scan: scanBody.nullable().default(null),
            sendConfirmation: z.boolean().default(false),
          }),
          response: {
            201: consentSchema,
            400: errorSchema,
            413: errorSchema,
            422: errorSchema,
            ...authErrors,
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await recordOfflineConsent(deps, requireActor(req), {
            ...req.body,
            givenAt: new Date(req.body.givenAt),
          }),
        ),
    );

    app.post(
      '/consent/records/:id/scan',
      {
        bodyLimit: SCAN_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Attach the scan of a signed paper consent (confirms an "onbevestigd" consent)',
          params: idParams,
          body: scanBody,
          response: { 200: consentSchema, 400: errorSchema, 413: errorSchema, ...authErrors },
        },
      },
      async (req) => attachConsentScan(deps, requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/consent/records/:id/receipt',
      {
        schema: {
          tags,
          summary: 'The consent receipt: exact text shown, time, channel, notice version, evidence (R-14)',
          params: idParams,
          querystring: z.object({ purpose: purposeSchema }),
          response: { 200: receiptSchema, 400: errorSchema, ...authErrors },
        },
      },
      async (req) => getConsentReceipt(deps, requireActor(req), req.params.id, req.query.purpose),
    );

    app.get(
      '/consent/records/:id/scan',
      {
        schema: {
          tags,
          summary: 'Download the scan of an offline consent (read audited)',
          params: idParams,
          querystring: z.object({ purpose: purposeSchema }),
          produces: ['application/pdf', 'image/png', 'image/jpeg'],
          response: { 200: z.unknown().describe('The file, as uploaded'), 400: errorSchema, ...authErrors },
        },
      },
      async (req, reply) => {
        const scan = await getConsentScan(deps, requireActor(req), req.params.id, req.query.purpose);
        return reply
          .header('content-type', scan.contentType)
          .header('content-disposition', `attachment; filename="toestemming-${req.params.id}"`)
          .header('x-content-sha256', scan.sha256)
          .header('cache-control', 'no-store')
          .send(scan.bytes);
      },
    );

    app.post(
      '/consent/withdrawals',
      {
        schema: {
          tags,
          summary:
            'Record a withdrawal received by phone, paper, e-mail or in person (R-16); no reason asked',
          body: z.object({
            personId: z.uuid(),
            purposeId: z.uuid(),
            channel: z.enum(WITHDRAWAL_CHANNELS).exclude(['LINK']),
            onBehalfOf: optText(200),
          }),
          response: { 200: z.object({ withdrawn: z.array(z.string()) }), 400: errorSchema, ...authErrors },
        },
      },
      async (req) => withdrawConsent(deps, requireActor(req), req.body),
    );
  };
}
