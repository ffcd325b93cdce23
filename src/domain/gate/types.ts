/**
 * The legal gate's facts document (C4; LEGAL.md Appendix C.0): one person, one processing, one context
 * with a reference date. Plain JSON-able data: dates are ISO strings, so the same document is what
 * `POST /api/v1/assessments` and `kieskluis assess --json FILE` take for hypotheticals, and what the
 * product builds from its records for every real use of data. The zod schema at the server edge
 * (src/server/routes/assessment-schemas.ts) mirrors these types; docs/assessments.md documents them.
 */
import type { CaptureDefect, ConsentChannel, PermissionChannel } from '../consent/types.js';
import type { ActiveAct, AgeBand, SourceKind } from '../persons/types.js';

// ---------------------------------------------------------------------------------------------------
// Person facts
// ---------------------------------------------------------------------------------------------------

/**
 * The person's standing relation to the party: member, former member (within retention),
 * regular contact, or none. Derived upstream from memberships and evidence (`deriveGrounds`).
 */
export const GATE_RELATIONS = ['MEMBER', 'FORMER_MEMBER', 'REGULAR_CONTACT', 'NONE'] as const;
export type GateRelation = (typeof GATE_RELATIONS)[number];

/** One consent record as the gate sees it; the gate assesses it with `assessConsent` (R-06, R-13…R-20). */
export interface GateConsent {
  /** The consent purpose it was given for (an id of `context.consentPurposes`). */
  purposeId: string;
  explicit: boolean;
  /** Recorded with a stored text version; false for "a yes/no column". */
  textRecorded: boolean;
  channel: ConsentChannel | null;
  /** ISO timestamp; null when unknown. */
  givenAt: string | null;
  /** Controllers and recipients the consent named. */
  controllerNames: string[];
  captureDefects: CaptureDefect[];
  /** Purposes covered by the same consent action (more than one: bundled, R-17). */
  purposesInAction: number;
  /** Double opt-in time (own web forms, R-17 product step). */
  confirmedAt: string | null;
  ageAtConsent: number | null;
  guardianConfirmedAt: string | null;
  withdrawnAt: string | null;
}

/** Evidence that the person made something public themselves. */
export interface GatePublicEvidence {
  /** An active act, or a like/follow/share/group membership/site visit (never enough, R-07). */
  act: ActiveAct | 'LIKE' | 'FOLLOW' | 'SHARE' | 'GROUP_MEMBERSHIP' | 'SITE_VISIT';
  /** Published to an unlimited audience (not friends-only, not a closed group). */
  audienceUnrestricted: boolean;
  /** What the statement made public; the only use allowed. */
  topic: string;
}

/** An objection: to direct marketing (absolute, art 21(2)) or on particular grounds (art 21(1)). */
export interface GateObjection {
  kind: 'DIRECT_MARKETING' | 'PARTICULAR_SITUATION';
  /** For PARTICULAR_SITUATION: the activity objected to (null = all processing of the person). */
  activityId: string | null;
  /** For PARTICULAR_SITUATION: the party showed compelling legitimate grounds that override it. */
  overriddenByCompellingGrounds: boolean;
  at: string;
}

export interface PersonFacts {
  /** Optional id; echoed only. */
  id?: string;
  relation: GateRelation;
  consents: GateConsent[];
  publicEvidence: GatePublicEvidence[];
  objections: GateObjection[];
  /** Erased on request: only a suppression entry is left; any processing would bring data back. */
  erased: boolean;
  /** Processing restricted (art 18, R-59): null = not restricted; [] = all processing; ids = those activities. */
  restrictedActivityIds: string[] | null;
  /** The person's keys match the suppression list (withdrawn per purpose, objection, erasure). */
  suppressed: ('ERASURE_REQUEST' | 'OBJECTION_DM' | 'OBJECTION_21_1' | 'CONSENT_WITHDRAWN')[];
  /** Where the data came from. */
  source: {
    kind: SourceKind;
    /** Collected from the person themselves (art 13) vs from elsewhere (art 14). */
    obtainedFromSubject: boolean;
    /** Values inferred or modelled rather than given. */
    inferred: boolean;
    /**
     * For a third-party dataset: the supplier documented lawful collection and how people were informed
     * . Absent = documented (quarantined datasets never reach the register); false →
     * UNVERIFIED_DATASET.
     */
    originDocumented?: boolean;
  };
  /** Art 14 information given (ISO) or null; only relevant when not obtained from the subject. */
  art14InformedAt: string | null;
  /** ISO date "YYYY-MM-DD" when known. */
  birthDate: string | null;
  ageBand: AgeBand | null;
  /** Any record suggesting a minor (youth wing, school event): excluded from political ads (R-78 PC). */
  minorSignal: boolean;
  /** Channel permissions held on the basis of an existing relationship, besides consent. */
  channelPermissionsByRelationship: PermissionChannel[];
}

// ---------------------------------------------------------------------------------------------------
// Processing facts
// ---------------------------------------------------------------------------------------------------

/** What kind of use of data this is. */
export const PROCESSING_KINDS = [
  /** Storing / administering the person's record inside the party. */
  'ADMINISTRATION',
  /** A message to the person (newsletter, mailing, SMS, call, letter). */
  'MESSAGE',
  /** Door-to-door or phone canvassing lists. */
  'CANVASS',
  /** Scoring, segmenting or inferring personal aspects. */
  'PROFILING',
  /** A file of persons to a recipient (processor or other). */
  'EXPORT',
  /** A list upload to an ad platform to match users. */
  'CUSTOM_AUDIENCE',
  /** A lookalike / similar-audience expansion. */
  'LOOKALIKE',
  /** Pixels, cookies, SDKs, conversion APIs, fingerprinting (R-25, R-67…R-69). */
  'TRACKING',
  /** An AI system that interacts with people (chatbot; R-82). */
  'AI_INTERACTION',
  /** Import or enrichment of data about persons. */
  'COLLECTION',
] as const;
export type ProcessingKind = (typeof PROCESSING_KINDS)[number];

/** The channel through which the processing reaches the person. */
export const PROCESSING_CHANNELS = [
  'EMAIL',
  'SMS',
  'WHATSAPP',
  'PHONE',
  'POST',
  'DOOR',
  'ONLINE_AD',
  'WEBSITE',
  'NONE',
] as const;
export type ProcessingChannel = (typeof PROCESSING_CHANNELS)[number];

/** TTPA classification of a message. */
export const AD_CLASSES = [
  'NOT_POLITICAL_AD',
  'POLITICAL_AD',
  'MEMBER_COMMUNICATION_18_3',
  'SERVICE',
] as const;
export type AdClass = (typeof AD_CLASSES)[number];

/** The role a recipient plays: a processor acts on instructions; anyone else is a disclosure. */
export const RECIPIENT_ROLES = ['PROCESSOR', 'JOINT_CONTROLLER', 'CONTROLLER'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** A recipient outside the party's own staff. */
export interface GateRecipient {
  name: string;
  /** PROCESSOR acts on the party's instructions under art 28; anyone else is a disclosure. */
  role: RecipientRole;
  /** Registered as a destination with its role. */
  registered: boolean;
  /** Passed the AP vetting checklist. */
  vetted: boolean;
  /** A complete art 28(3) agreement is on file (processors, R-35). */
  processorAgreementComplete: boolean;
  /** An art 26 arrangement is on file (joint controllers, R-21, R-31). */
  art26Arrangement: boolean;
  /** An ad platform, broker or social network (joint controller when targeting, R-21). */
  platform: boolean;
  /** Processes outside the EEA, and whether a transfer mechanism is recorded. */
  outsideEea: boolean;
  transferMechanism: boolean;
}

/** A selection criterion used by the processing. */
export interface GateCriterion {
  /** Field or criterion key, e.g. "branch", "tag:klimaat", "consent:<purposeId>", "score". */
  key: string;
  dataClass: 'ordinary' | 'political' | 'special';
  proxyRisk: 'none' | 'low' | 'high';
  /** Scoring, modelling, behavioural or inferred. */
  inferred: boolean;
}

export interface ProcessingFacts {
  kind: ProcessingKind;
  /** The activity from the register of purposes/activities. */
  activityId: string | null;
  /** The purpose in plain words (echoed in the audit trail). */
  purpose: string;
  /** The consent purpose this processing relies on when consent is the basis (null: none defined). */
  consentPurposeId: string | null;
  /** Direct marketing (campaigning to the person): objections to DM apply absolutely. */
  directMarketing: boolean;
  /** The processing involves data revealing political opinion or another art 9 category. */
  politicalData: boolean;
  channel: ProcessingChannel;
  /** null: stays inside the party (and its processors, if `recipient` is a processor). */
  recipient: GateRecipient | null;
  criteria: GateCriterion[];
  adClass: AdClass;
  /** For a political ad: the minimum age the ad brief allows (platform setting); null = not set. */
  adBriefMinAge: number | null;
  /** Platform targeting beyond the list (interests, demographics, location of users). */
  platformTargetingCriteria: string[];
  /** When the processing started; null when it has not started yet. */
  startedAt: string | null;
  /** The data used were published by the person (9(2)(e)) and are used only for that topic. */
  publishedTopic: string | null;
  /** Data not obtained from the person are disclosed or used for first contact (art 14, R-55). */
  firstContactOrDisclosure: boolean;
  /** Tracking technology involved (pixel, cookie, SDK, conversion API, open/click tracking). */
  tracking: boolean;
  /** AI: interacts with people, discloses it, prohibited practice (AI Act arts 5, 50). */
  ai: {
    interactsWithPeople: boolean;
    disclosesAi: boolean;
    prohibitedPractice: boolean;
    /** Classified high-risk (AI Act Annex III 8(b), R-81); absent = not high-risk. */
    highRisk?: boolean;
    /** Evidence of the art 26 deployer duties is on file; absent = none. */
    deployerEvidence?: boolean;
  } | null;
  /** The compatibility of a new purpose with the collection purpose was assessed (art 6(4), R-03). */
  purposeCompatible: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------------

export interface GateConsentPurpose {
  id: string;
  name: string;
  political: boolean;
  /** A separate purpose for political advertising (TTPA art 18(1)(b), R-76). */
  politicalAdvertising: boolean;
  channels: PermissionChannel[];
  scopeUntil: string | null;
  refreshAfterMonths: number | null;
  recipients: string[];
}

/** The DPIA status of an activity. */
export const DPIA_STATUSES = ['NONE', 'APPROVED', 'HIGH_RESIDUAL_RISK', 'PRIOR_CONSULTATION_DONE'] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];

export interface GateContext {
  /** The reference instant of the decision (ISO). Time is an argument, never read from a clock. */
  referenceDate: string;
  /** The party as named in consent requests. */
  partyControllerName: string;
  jurisdiction: 'NL';
  /** National voting age for the election concerned. */
  votingAge: number;
  /** The consent purposes referenced by consents and the processing. */
  consentPurposes: GateConsentPurpose[];
  /** DPIA status of the activity. */
  dpia: DpiaStatus;
  /** For online political ads: an FG override of the "any narrower selection singles out" default. */
  memberCommunicationOverride: boolean;
}

export interface GateFacts {
  person: PersonFacts;
  processing: ProcessingFacts;
  context: GateContext;
}

// ---------------------------------------------------------------------------------------------------
// Decision
// ---------------------------------------------------------------------------------------------------

export type DecisionBasis = '9(2)(a)' | '9(2)(d)' | '9(2)(e)' | null;

/** The codes are those of LEGAL.md Appendix C.1 (reasons) and C.2 (obligations); see docs/codes.md. */
export interface Decision {
  allowed: boolean;
  basis: DecisionBasis;
  specialCategory: boolean;
  /** Every applicable reason (C.1), empty exactly when allowed. */
  reasons: string[];
  /** Duties the processing triggers (C.2), met or not. */
  obligations: string[];
  /** Product refusals beyond the law, reported apart (C.3: LOOKALIKE_NOT_SUPPORTED …). */
  productRefusals: string[];
}
