/**
 * The person register's vocabulary (C1; LEGAL.md R-01…R-09). Plain data shared by the register, consent
 * and import capabilities. The art 9 grounds a person holds are derived from records, never typed in.
 */

/** The standing art 9 exceptions a person can hold (LEGAL.md §0 vocabulary, R-01). */
export const ART9_GROUNDS = [
  'MEMBER_9_2_D',
  'FORMER_MEMBER_9_2_D',
  'REGULAR_CONTACT_9_2_D',
  'EXPLICIT_CONSENT_9_2_A',
  'MANIFESTLY_PUBLIC_9_2_E',
  'NONE',
] as const;
export type Art9Ground = (typeof ART9_GROUNDS)[number];

/** The relation to the party, derived from memberships and regular-contact evidence. */
export const RELATIONS = ['member', 'former_member', 'regular_contact', 'non_member'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Where a record came from (R-09 `source.kind`). */
export const SOURCE_KINDS = [
  'DATA_SUBJECT',
  'MEMBER_ADMIN',
  'EVENT_FORM',
  'CANVASS',
  'THIRD_PARTY_LIST',
  'PUBLIC_SOURCE',
  'SCRAPED',
  'PLATFORM_EXPORT',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How a record reached the party. */
export const CHANNELS = ['web_form', 'paper', 'doorstep', 'phone', 'email', 'import', 'staff_entry'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Provenance on every record (C1): dataset, channel, collected when and by whom. */
export interface Provenance {
  datasetId: string | null;
  sourceKind: SourceKind;
  channel: Channel;
  collectedAt: Date;
  /** A user id, a form id (`form:<id>`) or an import job (`import:<id>`). */
  collectedBy: string | null;
}

/** The age bands a person can be recorded with when no birth date is known (fixed list). */
export const AGE_BANDS = [
  '<16',
  '16-17',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Languages the party corresponds in. */
export const LANGUAGES = ['nl', 'en', 'fy', 'de', 'fr', 'tr', 'ar', 'pap'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Contact and address data of one person; every field is ordinary personal data, encrypted at rest. */
export interface PersonContact {
  firstName: string;
  /** Tussenvoegsel ("van", "de"); empty when none. */
  infix: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  /** House number with any addition: "12", "12A", "12-2". */
  houseNumber: string | null;
  /** Dutch postcode as "1234 AB". */
  postcode: string | null;
  city: string | null;
  /** ISO date "YYYY-MM-DD". */
  birthDate: string | null;
  /** When only an age band is known, e.g. "18-24" (one of AGE_BANDS). */
  ageBand: string | null;
  language: Language;
}

/** A new person as the register, forms and imports insert it. Branch follows from the postcode. */
export interface NewPerson extends PersonContact {
  candidateIds: string[];
  provenance: Provenance;
  /** Art 14: data not obtained from the person (imports from others, public sources). */
  obtainedFromSubject: boolean;
}

/** Membership (R-02: every field is political data, always encrypted, reads audited). */
export interface Membership {
  id: string;
  status: 'active' | 'suspended' | 'ended';
  since: string; // ISO date
  until: string | null; // ISO date
  branchId: string | null;
}

/** Evidence that contact is regular and purpose-related. */
export const REGULAR_CONTACT_KINDS = [
  'RECURRING_DONOR',
  'ACTIVE_VOLUNTEER',
  'SUBSCRIBER',
  'EVENT_ATTENDANCE',
  'PETITION_SIGNATURE',
  'CORRESPONDENCE',
  'OTHER',
] as const;
export type RegularContactKind = (typeof REGULAR_CONTACT_KINDS)[number];

export interface RegularContactEvidence {
  id: string;
  kind: RegularContactKind;
  /** Dates of the contacts it documents (ISO dates); regular means more than one, spread over time. */
  occurrences: string[];
  description: string;
  recordedBy: string;
  recordedAt: Date;
  /** Evidence can be retracted; then it no longer counts. */
  retractedAt: Date | null;
}

/** The person's own act that made their opinion public (R-07, CJEU C-252/21). */
export const ACTIVE_ACTS = [
  'PUBLIC_STATEMENT_OWN_NAME',
  'CANDIDACY',
  'PUBLIC_OFFICE',
  'PUBLISHED_ARTICLE',
  'OTHER_DOCUMENTED',
] as const;
/** Sent by clients sometimes; never accepted. */
export const NOT_ACTIVE_ACTS = ['LIKE', 'FOLLOW', 'SHARE', 'GROUP_MEMBERSHIP', 'SITE_VISIT'] as const;
export type ActiveAct = (typeof ACTIVE_ACTS)[number];

export interface PublicEvidence {
  id: string;
  url: string;
  capturedAt: Date;
  /** Snapshot or quote of the statement. */
  quote: string;
  activeAct: ActiveAct;
  audienceUnrestricted: boolean;
  /** How it was captured: screenshot, archive copy, print. */
  captureMethod: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  /** What the statement made public (the only use allowed, R-07). */
  topic: string;
  /** Evidence can be retracted (wrongly recorded, or the statement was withdrawn); then it no longer counts. */
  retractedAt?: Date | null;
}

/** Classification of every field, tag and note. */
export type DataClass = 'ordinary' | 'political';
export type ProxyRisk = 'none' | 'low' | 'high';

/** A ground the person holds, with the record that proves it (R-01: evidence, since, until). */
export interface HeldGround {
  ground: Exclude<Art9Ground, 'NONE'>;
  evidenceKind: 'membership' | 'regular_contact' | 'consent' | 'public_evidence';
  evidenceId: string;
  since: Date;
  until: Date | null;
}

/**
 * A consent as the ground derivation sees it: assessed by the consent rules
 * (src/domain/consent/), so the register only asks whether a valid explicit consent exists.
 */
export interface ConsentGroundFact {
  consentId: string;
  purposeId: string;
  purposeName: string;
  explicit: boolean;
  givenAt: Date;
  status: 'valid' | 'pending_confirmation' | 'invalid' | 'withdrawn' | 'lapsed';
  /** Why it does not count (Appendix C.1 codes), empty when valid. */
  reasons: string[];
}
