/**
 * The facts document of the legal gate at the edge (C4): a strict zod mirror of `GateFacts`
 * (src/domain/gate/types.ts). Unknown keys are refused, every wrong field is named with its path, ISO
 * dates are checked on the calendar. The same schema serves `POST /api/v1/assessments`,
 * `kieskluis assess --json FILE` and docs/assessment-facts.schema.json (scripts/gen-assessment-schema.ts).
 * The compile-time checks at the bottom make the schema and the domain types fail together when they drift.
 */
import { z } from 'zod';
import { CAPTURE_DEFECTS, CONSENT_CHANNELS, PERMISSION_CHANNELS } from '../../domain/consent/types.js';
import type { GateFacts } from '../../domain/gate/types.js';
import {
  AD_CLASSES,
  GATE_RELATIONS,
  PROCESSING_CHANNELS,
  PROCESSING_KINDS,
} from '../../domain/gate/types.js';
import { ACTIVE_ACTS, AGE_BANDS, NOT_ACTIVE_ACTS, SOURCE_KINDS } from '../../domain/persons/types.js';

// ---------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The calendar date of an ISO string exists (no 31 February) and the instant parses. */
function realInstant(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return (
    day.getUTCFullYear() === y &&
    day.getUTCMonth() === m - 1 &&
    day.getUTCDate() === d &&
    !Number.isNaN(Date.parse(s))
  );
}

/** An ISO 8601 date ("2026-03-01") or date-time with offset ("2026-03-01T09:30:00Z"). */
const instant = z
  .string()
  .regex(ISO_INSTANT, 'an ISO 8601 date or date-time with offset, e.g. 2026-03-01 or 2026-03-01T09:30:00Z')
  .refine(realInstant, 'not a real calendar date')
  .describe('ISO 8601 date or date-time with offset');

/** An ISO 8601 calendar date "YYYY-MM-DD". */
const calendarDate = z.iso.date().describe('ISO 8601 date YYYY-MM-DD');

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().trim().min(1).max(200);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

// ---------------------------------------------------------------------------------------------------
// Person
// ---------------------------------------------------------------------------------------------------

export const gateConsentSchema = z.strictObject({
  purposeId: id.describe('An id of context.consentPurposes'),
  explicit: z.boolean().describe('Given by an explicit statement (R-01, R-13)'),
  textRecorded: z.boolean().describe('Recorded with a stored text version (R-14); false for a yes/no column'),
  channel: z.enum(CONSENT_CHANNELS).nullable(),
  givenAt: instant.nullable().describe('When the consent was given (R-06); null when unknown'),
  controllerNames: list(text(200), 20).describe('Controllers and recipients the consent named (R-18)'),
  captureDefects: list(z.enum(CAPTURE_DEFECTS), CAPTURE_DEFECTS.length).describe(
    'How the capture went wrong (R-13, R-17)',
  ),
  purposesInAction: z
    .number()
    .int()
    .min(1)
    .max(100)
    .describe('Purposes covered by the same consent action (more than one: bundled, R-17)'),
  confirmedAt: instant.nullable().describe('Double opt-in time (R-17 product step)'),
  ageAtConsent: z.number().int().min(0).max(130).nullable().describe('Age when consenting (R-19)'),
  guardianConfirmedAt: instant.nullable().describe('A parent or guardian confirmed (R-19)'),
  withdrawnAt: instant.nullable().describe('Withdrawn (R-16)'),
});

export const gatePublicEvidenceSchema = z.strictObject({
  act: z
    .enum([...ACTIVE_ACTS, ...NOT_ACTIVE_ACTS])
    .describe('An active act, or a like/follow/… (never enough, R-07)'),
  audienceUnrestricted: z.boolean().describe('Published to an unlimited audience (R-07)'),
  topic: text(500).describe('What the statement made public; the only use allowed'),
});

export const gateObjectionSchema = z.strictObject({
  kind: z.enum(['DIRECT_MARKETING', 'PARTICULAR_SITUATION']).describe('Art 21(2) (absolute) or art 21(1)'),
  activityId: id.nullable().describe('The activity objected to (null = all processing)'),
  overriddenByCompellingGrounds: z
    .boolean()
    .describe('Art 21(1) only: compelling legitimate grounds override it (R-60)'),
  at: instant,
});

export const personFactsSchema = z.strictObject({
  id: id.optional().describe('Optional; echoed only'),
  relation: z.enum(GATE_RELATIONS).describe('Relation to the party (R-02, R-04)'),
  consents: list(gateConsentSchema, 200),
  publicEvidence: list(gatePublicEvidenceSchema, 100),
  objections: list(gateObjectionSchema, 100),
  erased: z.boolean().describe('Erased on request (R-58)'),
  restrictedActivityIds: list(id, 200)
    .nullable()
    .describe('Art 18 restriction (R-59): null none, [] all processing, ids those activities'),
  suppressed: list(
    z.enum(['ERASURE_REQUEST', 'OBJECTION_DM', 'OBJECTION_21_1', 'CONSENT_WITHDRAWN']),
    4,
  ).describe('Suppression-list matches (R-16, R-27, R-58)'),
  source: z.strictObject({
    kind: z.enum(SOURCE_KINDS).describe('Where the data came from (R-09, R-10, R-37)'),
    obtainedFromSubject: z.boolean().describe('Art 13 (true) or art 14 (false)'),
    inferred: z.boolean().describe('Values inferred or modelled (R-08, R-76)'),
    originDocumented: z
      .boolean()
      .optional()
      .describe(
        'Third-party dataset: supplier documented lawful collection (R-10, R-37); absent = documented',
      ),
  }),
  art14InformedAt: instant.nullable().describe('Art 14 information given (R-55)'),
  birthDate: calendarDate.nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  minorSignal: z.boolean().describe('A record suggests a minor (R-78)'),
  channelPermissionsByRelationship: list(z.enum(PERMISSION_CHANNELS), PERMISSION_CHANNELS.length).describe(
    'Channel permissions from an existing relationship (R-70)',
  ),
});

// ---------------------------------------------------------------------------------------------------
// Processing
// ---------------------------------------------------------------------------------------------------

export const gateRecipientSchema = z.strictObject({
  name: text(200),
  role: z
    .enum(['PROCESSOR', 'JOINT_CONTROLLER', 'CONTROLLER'])
    .describe('PROCESSOR under art 28; else a disclosure'),
  registered: z.boolean().describe('Registered as a destination (R-34)'),
  vetted: z.boolean().describe('Passed the AP vetting checklist (R-33)'),
  processorAgreementComplete: z.boolean().describe('Complete art 28(3) agreement (R-35)'),
  art26Arrangement: z.boolean().describe('Art 26 arrangement on file (R-21, R-31)'),
  platform: z.boolean().describe('Ad platform, broker or social network (R-21)'),
  outsideEea: z.boolean().describe('Processes outside the EEA (R-38)'),
  transferMechanism: z.boolean().describe('Transfer mechanism recorded (R-38)'),
});

export const gateCriterionSchema = z.strictObject({
  key: text(200).describe('e.g. "branch", "tag:klimaat", "consent:<purposeId>", "score"'),
  dataClass: z.enum(['ordinary', 'political', 'special']),
  proxyRisk: z.enum(['none', 'low', 'high']),
  inferred: z.boolean().describe('Scoring, modelling, behavioural or inferred (R-77)'),
});

export const processingFactsSchema = z.strictObject({
  kind: z.enum(PROCESSING_KINDS),
  activityId: id.nullable().describe('The activity in the register (R-03, R-44)'),
  purpose: text(500).describe('The purpose in plain words'),
  consentPurposeId: id.nullable().describe('An id of context.consentPurposes when consent is the basis'),
  directMarketing: z.boolean().describe('Direct marketing: DM objections apply absolutely (R-27)'),
  politicalData: z.boolean().describe('Involves political or other art 9 data (R-02, R-08)'),
  channel: z.enum(PROCESSING_CHANNELS),
  recipient: gateRecipientSchema.nullable().describe('null: stays inside the party'),
  criteria: list(gateCriterionSchema, 100),
  adClass: z.enum(AD_CLASSES).describe('TTPA classification (R-72, R-79)'),
  adBriefMinAge: z
    .number()
    .int()
    .min(0)
    .max(130)
    .nullable()
    .describe('Political ad: minimum age of the brief (R-78)'),
  platformTargetingCriteria: list(text(200), 100).describe('Platform targeting beyond the list (R-24, R-76)'),
  startedAt: instant.nullable().describe('When the processing started (R-06); null: not yet'),
  publishedTopic: text(500).nullable().describe('Relies on data the person published, for this topic (R-07)'),
  firstContactOrDisclosure: z.boolean().describe('Art 14 data used for first contact or disclosed (R-55)'),
  tracking: z.boolean().describe('Tracking technology involved (R-25, R-67…R-69)'),
  ai: z
    .strictObject({
      interactsWithPeople: z.boolean(),
      disclosesAi: z.boolean(),
      prohibitedPractice: z.boolean(),
      highRisk: z.boolean().optional().describe('High-risk, AI Act Annex III 8(b) (R-81); absent = not'),
      deployerEvidence: z
        .boolean()
        .optional()
        .describe('Art 26 deployer duties evidenced (R-81); absent = none'),
    })
    .nullable()
    .describe('AI Act arts 5, 50 (R-82, R-84)'),
  purposeCompatible: z.boolean().describe('Compatibility with the collection purpose assessed (R-03)'),
});

// ---------------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------------

export const gateConsentPurposeSchema = z.strictObject({
  id,
  name: text(200),
  political: z.boolean().describe('Consent to it reveals a political opinion'),
  politicalAdvertising: z.boolean().describe('A separate purpose for political advertising (R-76)'),
  channels: list(z.enum(PERMISSION_CHANNELS), PERMISSION_CHANNELS.length),
  scopeUntil: instant.nullable().describe('End of the consent scope (R-20)'),
  refreshAfterMonths: z.number().int().min(1).max(120).nullable().describe('Refresh interval (R-20)'),
  recipients: list(text(200), 20).describe('Recipients named in the request (R-18)'),
});

export const gateContextSchema = z.strictObject({
  referenceDate: instant.describe('The reference instant of the decision'),
  partyControllerName: text(200).describe('The party as named in consent requests (R-18)'),
  jurisdiction: z.literal('NL'),
  votingAge: z.number().int().min(14).max(25).describe('Voting age for the election (R-78)'),
  consentPurposes: list(gateConsentPurposeSchema, 200),
  dpia: z.enum(['NONE', 'APPROVED', 'HIGH_RESIDUAL_RISK', 'PRIOR_CONSULTATION_DONE']).describe('R-47, R-49'),
  memberCommunicationOverride: z.boolean().describe('FG override for member communication (R-79)'),
});

export const gateFactsSchema = z
  .strictObject({
    person: personFactsSchema,
    processing: processingFactsSchema,
    context: gateContextSchema,
  })
  .describe('Kieskluis legal gate facts document (docs/assessments.md)');

// ---------------------------------------------------------------------------------------------------
// Decision (response)
// ---------------------------------------------------------------------------------------------------

export const explainedCodeSchema = z.object({
  code: z.string(),
  nl: z.string(),
  en: z.string(),
  rule: z.string().nullable(),
});

export const explainedDecisionSchema = z.object({
  allowed: z.boolean(),
  basis: z.enum(['9(2)(a)', '9(2)(d)', '9(2)(e)']).nullable(),
  specialCategory: z.boolean(),
  reasons: z.array(explainedCodeSchema).describe('Every applicable reason (LEGAL.md Appendix C.1)'),
  obligations: z.array(explainedCodeSchema).describe('Duties the processing triggers (C.2)'),
  productRefusals: z.array(explainedCodeSchema).describe('Product refusals beyond the law (C.3)'),
});

// ---------------------------------------------------------------------------------------------------
// Field-level problems, the same for HTTP and CLI
// ---------------------------------------------------------------------------------------------------

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Every zod issue as `{ field: 'person.consents.0.givenAt', problem }`; unknown keys each on their own path. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const i of issues) {
    const base = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) out.push({ field: [...base, k].join('.'), problem: 'unknown field' });
    } else {
      out.push({ field: base.join('.') || '(root)', problem: i.message });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Compile-time: the schema and the domain types cannot drift apart
// ---------------------------------------------------------------------------------------------------

type Parsed = z.output<typeof gateFactsSchema>;
type Accepted = z.input<typeof gateFactsSchema>;
/** Exact type equality (optional fields included), not mere mutual assignability. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assignableBothWays: Mutual<Parsed, GateFacts> = true;
void assignableBothWays;
const parsedIsGateFacts: Same<Parsed, GateFacts> = true;
const acceptedIsGateFacts: Same<Accepted, GateFacts> = true;
void parsedIsGateFacts;
void acceptedIsGateFacts;

/** The JSON Schema of the facts document, as committed in docs/assessment-facts.schema.json. */
export function factsJsonSchemaText(): string {
  const schema = z.toJSONSchema(gateFactsSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Kieskluis legal gate facts document' }, null, 2)}\n`;
}
