/** Shared response schemas: the API's outward shapes pick fields here (data minimisation). */
import { z } from 'zod';

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const stageSchema = z.enum(['anonymous', 'mfa_verify', 'mfa_enroll', 'active']);

export const profileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['nl', 'en']),
  roles: z.array(
    z.object({
      role: z.string(),
      branchId: z.string().nullable(),
      branchName: z.string().nullable(),
      candidateId: z.string().nullable(),
      area: z.object({ from: z.number(), to: z.number() }).nullable(),
      validUntil: z.string().nullable(),
    }),
  ),
  permissions: z.array(z.string()),
  areas: z.array(z.string()),
});

/** Errors every authenticated route may answer. */
export const authErrors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema } as const;

export const purposeSchema = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .describe('Why the data are read (recorded in the audit trail, R-63)');
