/** The import API's outward shapes (data minimisation: these pick the fields that leave). */
import { z } from 'zod';
import { HEADER_KINDS, IMPORT_FIELDS } from '../../domain/imports/fields.js';
import { PROVENANCE_ITEMS, quarantineEndsAt } from '../../domain/imports/gate.js';
import { DATASET_ORIGINS, LAWFUL_BASES } from '../../domain/imports/origins.js';
import { SOURCE_KINDS } from '../../domain/persons/types.js';
import type { DatasetRecord } from '../../storage/datasets-repo.js';
import { IMPORT_STATUSES, type ImportJobRecord } from '../../storage/import-jobs-repo.js';

const code = z.string();
export const fieldEnum = z.enum(IMPORT_FIELDS);
export const mappingSchema = z.record(z.string().min(1).max(200), fieldEnum.nullable());

export const datasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  origin: z.enum(DATASET_ORIGINS),
  sourceKind: z.enum(SOURCE_KINDS),
  status: z.enum(['active', 'quarantine', 'refused']),
  reasons: z.array(code),
  obligations: z.array(code),
  missingProvenance: z.array(z.enum(PROVENANCE_ITEMS)),
  containsPolitical: z.boolean(),
  enriched: z.boolean(),
  description: z.string().nullable(),
  noticeGiven: z.string().nullable(),
  collectedFrom: z.string().nullable(),
  collectedUntil: z.string().nullable(),
  lawfulBasis: z.enum(LAWFUL_BASES).nullable(),
  supplier: z.string().nullable(),
  collectionMethod: z.string().nullable(),
  consentText: z.string().nullable(),
  consentNamesParty: z.boolean().nullable(),
  documentReference: z.string().nullable(),
  quarantinedAt: z.date().nullable(),
  purgeAt: z.date().nullable(),
  createdAt: z.date(),
});

export function datasetOut(ds: DatasetRecord): z.infer<typeof datasetSchema> {
  const q = ds.questionnaire;
  return {
    id: ds.id,
    name: q.name,
    origin: q.origin,
    sourceKind: ds.sourceKind,
    status: ds.status,
    reasons: ds.reasons,
    obligations: ds.obligations,
    missingProvenance: ds.missingProvenance,
    containsPolitical: q.containsPolitical,
    enriched: q.enriched ?? false,
    description: q.description ?? null,
    noticeGiven: q.noticeGiven ?? null,
    collectedFrom: q.collectedFrom ?? null,
    collectedUntil: q.collectedUntil ?? null,
    lawfulBasis: q.lawfulBasis ?? null,
    supplier: q.supplier ?? null,
    collectionMethod: q.collectionMethod ?? null,
    consentText: q.consentText ?? null,
    consentNamesParty: q.consentNamesParty ?? null,
    documentReference: q.documentReference ?? null,
    quarantinedAt: ds.quarantinedAt,
    purgeAt: ds.quarantinedAt ? quarantineEndsAt(ds.quarantinedAt) : null,
    createdAt: ds.createdAt,
  };
}

export const countsSchema = z.object({
  read: z.number(),
  inserted: z.number(),
  duplicates: z.number(),
  suppressed: z.number(),
  rejected: z.number(),
});

export const jobSchema = z.object({
  id: z.string(),
  datasetId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sizeBytes: z.number(),
  sha256: z.string(),
  status: z.enum(IMPORT_STATUSES),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()).nullable(),
  totalRows: z.number().nullable(),
  mapping: mappingSchema.nullable(),
  mappingName: z.string().nullable(),
  counts: countsSchema,
  /** Rows committed so far (the checkpoint). */
  committedRows: z.number(),
  errorCode: z.string().nullable(),
  errorDetails: z.record(z.string(), z.unknown()).nullable(),
  refusalCodes: z.array(code),
  fileKept: z.boolean(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export function jobOut(j: ImportJobRecord): z.infer<typeof jobSchema> {
  return {
    id: j.id,
    datasetId: j.datasetId,
    fileName: j.fileName,
    format: j.format,
    sizeBytes: j.sizeBytes,
    sha256: j.sha256,
    status: j.status,
    encoding: j.encoding,
    delimiter: j.delimiter,
    headers: j.headers,
    totalRows: j.totalRows,
    mapping: j.mapping,
    mappingName: j.mappingName,
    counts: j.counts,
    committedRows: j.checkpoint,
    errorCode: j.errorCode,
    errorDetails: j.errorDetails,
    refusalCodes: j.refusalCodes,
    fileKept: j.filePath !== null,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
  };
}

export const assessmentSchema = z.object({
  status: z.enum(['active', 'quarantine', 'refused']),
  reasons: z.array(code),
  obligations: z.array(code),
  missingProvenance: z.array(z.enum(PROVENANCE_ITEMS)),
  columns: z.record(z.string(), z.array(z.string())),
});

export const previewSchema = z.object({
  job: jobSchema,
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  rows: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
  columns: z.array(
    z.object({
      header: z.string(),
      suggested: fieldEnum.nullable(),
      fieldClass: z.enum(['ordinary', 'political']).nullable(),
      kinds: z.array(z.enum(HEADER_KINDS)),
    }),
  ),
  suggestedMapping: mappingSchema,
  mapping: mappingSchema,
  assessment: assessmentSchema,
});

export const mappingChoice = z
  .object({
    mapping: mappingSchema.optional(),
    mappingName: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const savedMappingSchema = z.object({
  id: z.string(),
  name: z.string(),
  mapping: mappingSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
