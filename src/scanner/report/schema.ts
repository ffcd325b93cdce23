/**
 * The JSON report's schema (docs/scanner-report.md) as zod, matching `ScanReport` in ../types.ts. Tests
 * validate every report they produce against it; consumers can use it to read stored reports.
 */
import { z } from 'zod';
import type { ScanReport } from '../types.js';

export const phaseSchema = z.enum(['initial', 'after_accept', 'after_reject']);
const classificationSchema = z.enum(['tracker', 'unknown', 'necessary']);

export const findingSchema = z
  .object({
    phase: phaseSchema,
    type: z.enum(['host', 'cookie', 'storage']),
    host: z.string().min(1).optional(),
    name: z.string().optional(),
    key: z.string().optional(),
    domain: z.string().optional(),
    origin: z.string().optional(),
    vendor: z.string().nullable(),
    category: z.string().nullable(),
    classification: classificationSchema,
    rule: z.string().min(1),
    evidence: z.record(z.string(), z.unknown()),
  })
  .strict()
  .superRefine((f, ctx) => {
    const need = f.type === 'host' ? ['host'] : f.type === 'cookie' ? ['name', 'domain'] : ['key', 'origin'];
    for (const k of need) {
      if (f[k as keyof typeof f] === undefined)
        ctx.addIssue({ code: 'custom', message: `${f.type} finding needs ${k}` });
    }
    // Values are never reported: no evidence field may be called value.
    if ('value' in f.evidence) ctx.addIssue({ code: 'custom', message: 'evidence must not carry a value' });
  });

const bannerSchema = z
  .object({ found: z.boolean(), note: z.string(), acceptClicked: z.boolean(), rejectClicked: z.boolean() })
  .strict();

const screenshotsSchema = z
  .object({ initial: z.string(), after_accept: z.string(), after_reject: z.string() })
  .partial()
  .strict();

export const pageReportSchema = z
  .object({
    url: z.string(),
    finalUrl: z.string(),
    status: z.number().int().nullable(),
    seconds: z.number().nonnegative(),
    phasesRun: z.array(phaseSchema),
    banner: bannerSchema,
    findings: z.array(findingSchema),
    screenshots: screenshotsSchema,
    problems: z.array(z.string()),
  })
  .strict();

export const scanReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    tool: z
      .object({
        name: z.literal('kieskluis-scanner'),
        chromium: z.string(),
        cookieControlsMode: z.literal(0),
        trackerData: z.object({ source: z.string().min(1), version: z.string().min(1) }).strict(),
      })
      .strict(),
    options: z
      .object({
        urls: z.array(z.string()).min(1),
        crawl: z.number().int().positive(),
        timeBudgetMs: z.number().int().positive(),
        pageTimeoutMs: z.number().int().positive(),
        phases: z.boolean(),
        browserArgs: z.array(z.string()),
        screenshotDir: z.string().nullable(),
      })
      .strict(),
    pages: z.array(pageReportSchema),
    summary: z
      .object({
        pages: z.number().int().nonnegative(),
        trackers: z.number().int().nonnegative(),
        unknown: z.number().int().nonnegative(),
        necessary: z.number().int().nonnegative(),
        vendors: z.array(z.string()),
      })
      .strict(),
    problems: z.array(z.string()),
  })
  .strict();

/** Compile-time check that the schema and the `ScanReport` type agree in both directions. */
type Parsed = z.output<typeof scanReportSchema>;
const _toType = (r: Parsed): ScanReport => r;
const _fromType = (r: ScanReport): Parsed => r;
void _toType;
void _fromType;
