/**
 * Imports behind the provenance gate (C3): datasets with their questionnaire, file upload (raw body,
 * streamed to disk encrypted; this route alone accepts up to 2 GiB), preview, mapping, start, progress,
 * cancel and the row report as CSV. Permission `person:write` (and the local operator, for the CLI).
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/codes.js';
import type { Deps } from '../../usecases/deps.js';
import { cancelImport } from '../../usecases/imports/cancel-import.js';
import { completeDatasetProvenance } from '../../usecases/imports/complete-provenance.js';
import { createDataset } from '../../usecases/imports/create-dataset.js';
import { provenanceSchema, questionnaireSchema } from '../../usecases/imports/dataset-input.js';
import { getDataset } from '../../usecases/imports/get-dataset.js';
import { getImport } from '../../usecases/imports/get-import.js';
import { IMPORT_MAX_BYTES } from '../../usecases/imports/import-files.js';
import { importReport } from '../../usecases/imports/import-report.js';
import { listDatasets } from '../../usecases/imports/list-datasets.js';
import { listImports } from '../../usecases/imports/list-imports.js';
import { listImportMappings } from '../../usecases/imports/list-mappings.js';
import { previewImport } from '../../usecases/imports/preview-import.js';
import { saveImportMapping } from '../../usecases/imports/save-mapping.js';
import { setImportMapping } from '../../usecases/imports/set-import-mapping.js';
import { startImport } from '../../usecases/imports/start-import.js';
import { uploadImportFile } from '../../usecases/imports/upload-import-file.js';
import { requireActor } from '../auth.js';
import { localeOf } from '../errors.js';
import { authErrors, errorSchema } from '../schemas.js';
import {
  assessmentSchema,
  datasetOut,
  datasetSchema,
  jobOut,
  jobSchema,
  mappingChoice,
  mappingSchema,
  previewSchema,
  savedMappingSchema,
} from './import-schemas.js';

/** Content types the upload accepts as a raw body. */
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** The raw request body, handed to the use case as a stream (never parsed or buffered). */
class RawUpload {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  stream(): Readable {
    return this.#stream;
  }
}

const idParams = z.object({ id: z.uuid() });
const errors = { 400: errorSchema, 409: errorSchema, 422: errorSchema, ...authErrors };

export function importRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Only in this plugin: raw bodies, streamed to the use case without parsing or buffering.
    app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, new RawUpload(payload)));

    app.get(
      '/datasets',
      {
        schema: {
          tags: ['imports'],
          summary: 'Datasets with their provenance and the gate’s status, reasons and obligations',
          response: { 200: z.object({ items: z.array(datasetSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: (await listDatasets(deps, requireActor(req))).map(datasetOut) }),
    );

    app.post(
      '/datasets',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Record a dataset with its provenance questionnaire; refused (422, every reason) or created, possibly in quarantine',
          body: questionnaireSchema,
          response: { 201: datasetSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(datasetOut(await createDataset(deps, requireActor(req), req.body))),
    );

    app.get(
      '/datasets/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'One dataset',
          params: idParams,
          response: { 200: datasetSchema, ...errors },
        },
      },
      async (req) => datasetOut(await getDataset(deps, requireActor(req), req.params.id)),
    );

    app.post(
      '/datasets/:id/provenance',
      {
        schema: {
          tags: ['imports'],
          summary: 'Complete the provenance record: the only way out of quarantine (R-37)',
          params: idParams,
          body: provenanceSchema.strict(),
          response: { 200: datasetSchema, ...errors },
        },
      },
      async (req) =>
        datasetOut(await completeDatasetProvenance(deps, requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/datasets/:id/imports',
      {
        schema: {
          tags: ['imports'],
          summary: `Upload a CSV or XLSX file as the raw body (${UPLOAD_TYPES.join(', ')}), at most 2 GiB`,
          params: idParams,
          querystring: z.object({ fileName: z.string().min(1).max(255).default('import.csv') }),
          consumes: UPLOAD_TYPES,
          response: {
            201: z.object({ job: jobSchema, resumed: z.boolean() }),
            413: errorSchema,
            415: errorSchema,
            ...errors,
          },
        },
      },
      async (req, reply) => {
        // Errors answered before the whole body was read close the connection (no draining 2 GiB).
        reply.header('connection', 'close');
        if (!(req.body instanceof RawUpload)) {
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { accepted: UPLOAD_TYPES });
        }
        const declared = Number(req.headers['content-length'] ?? Number.NaN);
        if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) {
          throw new DomainError('IMPORT_FILE_TOO_LARGE', { limitBytes: IMPORT_MAX_BYTES });
        }
        const r = await uploadImportFile(deps, requireActor(req), req.params.id, {
          fileName: req.query.fileName,
          body: req.body.stream(),
        });
        reply.removeHeader('connection');
        return reply.code(201).send({ job: jobOut(r.job), resumed: r.resumed });
      },
    );

    app.get(
      '/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Imports, newest first',
          querystring: z.object({ datasetId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(jobSchema) }), ...errors },
        },
      },
      async (req) => ({
        items: (await listImports(deps, requireActor(req), req.query.datasetId ?? null)).map(jobOut),
      }),
    );

    app.get(
      '/imports/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'One import: status, counts and progress (poll while it runs)',
          params: idParams,
          response: { 200: jobSchema, ...errors },
        },
      },
      async (req) => jobOut(await getImport(deps, requireActor(req), req.params.id)),
    );

    app.get(
      '/imports/:id/preview',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Encoding, delimiter, columns, the first 20 rows (BSN masked), a suggested mapping and the gate',
          params: idParams,
          response: { 200: previewSchema, ...errors },
        },
      },
      async (req) => {
        const p = await previewImport(deps, requireActor(req), req.params.id);
        return { ...p, job: jobOut(p.job) };
      },
    );

    app.put(
      '/imports/:id/mapping',
      {
        schema: {
          tags: ['imports'],
          summary: 'Set the column mapping (or a saved one by name); returns the gate’s verdict for it',
          params: idParams,
          body: mappingChoice,
          response: { 200: z.object({ job: jobSchema, assessment: assessmentSchema }), ...errors },
        },
      },
      async (req) => {
        const r = await setImportMapping(deps, requireActor(req), req.params.id, req.body);
        return { job: jobOut(r.job), assessment: r.assessment };
      },
    );

    app.post(
      '/imports/:id/start',
      {
        schema: {
          tags: ['imports'],
          summary: 'Start the import (the gate decides on the mapped columns first)',
          params: idParams,
          body: mappingChoice.default({}),
          response: { 202: jobSchema, ...errors },
        },
      },
      async (req, reply) => {
        const job = await startImport(deps, requireActor(req), req.params.id, req.body ?? {});
        return reply.code(202).send(jobOut(job));
      },
    );

    app.post(
      '/imports/:id/cancel',
      {
        schema: {
          tags: ['imports'],
          summary: 'Cancel an unfinished import (committed rows stay; the file is deleted)',
          params: idParams,
          response: { 200: jobSchema, ...errors },
        },
      },
      async (req) => jobOut(await cancelImport(deps, requireActor(req), req.params.id)),
    );

    app.get(
      '/imports/:id/report.csv',
      {
        schema: {
          tags: ['imports'],
          summary: 'The row report as CSV: row, column, rule, code, reason, message (never a cell value)',
          params: idParams,
          produces: ['text/csv'],
          response: { 200: z.any(), ...errors },
        },
      },
      async (req, reply) => {
        const r = await importReport(deps, requireActor(req), req.params.id, localeOf(req));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${r.fileName}"`)
          .send(Readable.from(r.lines));
      },
    );

    app.get(
      '/import-mappings',
      {
        schema: {
          tags: ['imports'],
          summary: 'Saved column mappings',
          response: { 200: z.object({ items: z.array(savedMappingSchema) }), ...authErrors },
        },
      },
      async (req) => ({ items: await listImportMappings(deps, requireActor(req)) }),
    );

    app.post(
      '/import-mappings',
      {
        schema: {
          tags: ['imports'],
          summary: 'Save a column mapping under a name (the same name replaces it)',
          body: z.object({ name: z.string().trim().min(1).max(100), mapping: mappingSchema }).strict(),
          response: { 201: savedMappingSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await saveImportMapping(deps, requireActor(req), req.body)),
    );
  };
}
