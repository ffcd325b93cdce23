/**
 * The provenance questionnaire as input (HTTP body, CLI options): one strict schema, shared by the route
 * and the CLI. Empty text answers count as not given.
 */
import { z } from 'zod';
import { DomainError } from '../../domain/codes.js';
import { DATASET_ORIGINS, type DatasetQuestionnaire, LAWFUL_BASES } from '../../domain/imports/origins.js';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === null || v.trim() === '' ? null : v.trim()));

const isoDate = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'a date as YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'no such date')
  .nullable()
  .default(null);

/** The provenance answers that can be completed later (quarantine, R-37). */
export const provenanceSchema = z.object({
  description: text(2000),
  noticeGiven: text(2000),
  collectedFrom: isoDate,
  collectedUntil: isoDate,
  lawfulBasis: z.enum(LAWFUL_BASES).nullable().default(null),
  supplier: text(200),
  collectionMethod: text(2000),
  consentText: text(5000),
  consentNamesParty: z.boolean().nullable().default(null),
  documentReference: text(500),
});

export const questionnaireSchema = provenanceSchema
  .extend({
    name: z.string().trim().min(1).max(200),
    origin: z.enum(DATASET_ORIGINS),
    containsPolitical: z.boolean(),
    enriched: z.boolean().default(false),
    /** Column names the delivery has, when known before a file is uploaded (checked by the gate). */
    columns: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  })
  .strict();

export type QuestionnaireInput = z.input<typeof questionnaireSchema>;
export type ProvenanceInput = z.input<typeof provenanceSchema>;

export function toQuestionnaire(v: z.output<typeof questionnaireSchema>): DatasetQuestionnaire {
  const { columns: _c, ...q } = v;
  return q;
}

/** Parse input the way the edges do: a VALIDATION_FAILED naming every field otherwise. */
export function parseOrFail<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new DomainError('VALIDATION_FAILED', {
    in: 'body',
    fields: r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', problem: i.message })),
  });
}
