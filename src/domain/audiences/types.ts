/**
 * An audience: a selection of persons by criteria, always bound to one processing activity from the
 * register of purposes/activities. Criteria are ids and ranges, never personal data. The
 * combination is classified (R-08, R-24; classify.ts); a person is matched (match.ts) and then every
 * matched person goes through the legal gate (src/domain/gate/assess.ts) for the activity.
 */

export const MEMBERSHIP_CRITERION_STATUSES = ['active', 'suspended', 'ended', 'none'] as const;
export type MembershipCriterionStatus = (typeof MEMBERSHIP_CRITERION_STATUSES)[number];

/** Inclusive range of the four digits of Dutch postcodes (PC4), e.g. 1000–1099. */
export interface PostcodeRange {
  from: number;
  to: number;
}

export interface MembershipCriterion {
  /** The status of the person's latest membership; 'none' = no membership recorded. */
  statuses: MembershipCriterionStatus[];
  /** ISO dates "YYYY-MM-DD", inclusive: the latest membership started on or after / on or before. */
  sinceFrom?: string;
  sinceTo?: string;
  /** The latest membership ended (until) on or after / on or before. */
  untilFrom?: string;
  untilTo?: string;
}

export interface EventsCriterion {
  /** Attended an event (EVENT_ATTENDANCE evidence) on a date in this inclusive range; both optional. */
  attendedFrom?: string;
  attendedTo?: string;
}

export interface AudienceCriteria {
  /**
   * Everyone in the owner's scope, deliberately (no other criterion). An audience without criteria is
   * refused unless this says it is meant (AUDIENCE_CRITERIA_EMPTY).
   */
  everyone: boolean;
  /** In one of these branches (none = any branch). */
  branchIds: string[];
  /** Postcode area (PC4) in one of these ranges. */
  postcodeRanges: PostcodeRange[];
  membership: MembershipCriterion | null;
  /** Holds every one of these tags (field definitions of kind tag). */
  tagIdsAll: string[];
  /** Holds none of these tags. */
  tagIdsNone: string[];
  /** Holds a valid consent for each of these consent purposes. */
  consentPurposeIds: string[];
  events: EventsCriterion | null;
  /** Preferred language one of these (none = any). */
  languages: string[];
}

export const CRITERIA_KEYS = [
  'everyone',
  'branchIds',
  'postcodeRanges',
  'membership',
  'tagIdsAll',
  'tagIdsNone',
  'consentPurposeIds',
  'events',
  'languages',
] as const satisfies readonly (keyof AudienceCriteria)[];

export const EMPTY_CRITERIA: AudienceCriteria = {
  everyone: false,
  branchIds: [],
  postcodeRanges: [],
  membership: null,
  tagIdsAll: [],
  tagIdsNone: [],
  consentPurposeIds: [],
  events: null,
  languages: [],
};

/** What the validator and the classifier know about the referenced catalogue entries (no personal data). */
export interface CriteriaCatalogue {
  branchIds: ReadonlySet<string>;
  /** Tag definitions by id: key, class and proxy risk. */
  tags: ReadonlyMap<
    string,
    { key: string; dataClass: 'ordinary' | 'political'; proxyRisk: 'none' | 'low' | 'high' }
  >;
  /** Consent purposes by id. */
  purposes: ReadonlyMap<string, { political: boolean; politicalAdvertising: boolean }>;
}

export type SegmentClass = 'ordinary' | 'political' | 'special';
