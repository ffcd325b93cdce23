/**
 * The table of gate cases (tests only): each name cites the LEGAL.md entries it proves. Shared by
 * assess.test.ts and the coverage test, which checks that every C.1 reason and C.2 obligation is
 * produced by at least one case.
 */
import type { DecisionReason, GateProductRefusal } from '../code-sets/legal.js';
import type { Obligation } from '../code-sets/obligations.js';
import { consent, memberFacts, nonMemberFacts, PURPOSES, withConsent } from './fixtures.js';
import type { DecisionBasis, GateFacts } from './types.js';

export interface GateCase {
  name: string;
  facts: GateFacts;
  /** Exactly these reasons (any order). */
  reasons: DecisionReason[];
  basis?: DecisionBasis;
  specialCategory?: boolean;
  /** At least these obligations. */
  obligations?: Obligation[];
  /** Exactly these obligations. */
  obligationsExact?: Obligation[];
  /** Exactly these product refusals (default none). */
  productRefusals?: GateProductRefusal[];
}

const supporter = PURPOSES.supporter.id;
const political = { politicalData: true, consentPurposeId: supporter } as const;
export const CASES: GateCase[] = [
  // --- relation and basis (R-01, R-02, R-04, R-06) ---
  {
    name: 'R-02 R-04: a member, inside the party: 9(2)(d), special category',
    facts: memberFacts(),
    reasons: [],
    basis: '9(2)(d)',
    specialCategory: true,
    obligations: ['TRANSPARENCY_NOTICE', 'SECURITY_MEASURES'],
  },
  {
    name: 'R-04: a former member and a regular contact inside the party: 9(2)(d)',
    facts: memberFacts({ person: { relation: 'REGULAR_CONTACT' } }),
    reasons: [],
    basis: '9(2)(d)',
  },
  {
    name: 'R-01 R-06: a non-member with political data and no consent: NO_EXPLICIT_CONSENT',
    facts: nonMemberFacts({ processing: political }),
    reasons: ['NO_EXPLICIT_CONSENT'],
    basis: null,
    obligationsExact: [],
  },
  {
    name: 'R-06 R-17: a non-member with a valid explicit consent for the purpose: 9(2)(a), RECORD_CONSENT',
    facts: withConsent(nonMemberFacts({ processing: political }), consent(supporter)),
    reasons: [],
    basis: '9(2)(a)',
    obligations: ['RECORD_CONSENT', 'TRANSPARENCY_NOTICE'],
  },
  {
    name: 'C.0: no special-category data: no basis, allowed',
    facts: nonMemberFacts(),
    reasons: [],
    basis: null,
    specialCategory: false,
  },
  {
    name: 'C.0 R-04 R-06: a member with consent too reports 9(2)(d) first',
    facts: withConsent(memberFacts({ processing: political }), consent(supporter)),
    reasons: [],
    basis: '9(2)(d)',
  },
  // --- consent validity (R-06, R-13…R-20) ---
  {
    name: 'R-13 R-14: a pre-ticked consent is no consent',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { captureDefects: ['PRE_TICKED'] }),
    ),
    reasons: ['CONSENT_PRETICKED'],
  },
  {
    name: 'R-13 R-17: one action for several purposes is bundled',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { purposesInAction: 2 }),
    ),
    reasons: ['CONSENT_BUNDLED'],
  },
  {
    name: 'R-13: consent made a condition of a service is not free',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { captureDefects: ['CONDITION_OF_SERVICE'] }),
    ),
    reasons: ['CONSENT_CONDITIONAL'],
  },
  {
    name: 'R-16 R-58: a withdrawn consent stops the processing; the suppression duty stays',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { withdrawnAt: '2026-01-10T09:00:00.000Z' }),
    ),
    reasons: ['CONSENT_WITHDRAWN'],
    obligationsExact: ['SUPPRESSION_LIST'],
  },
  {
    name: 'R-16: a member who withdrew the consent the purpose relies on is not mailed under it',
    facts: withConsent(
      memberFacts({ processing: { consentPurposeId: supporter } }),
      consent(supporter, { withdrawnAt: '2026-01-10T09:00:00.000Z' }),
    ),
    reasons: ['CONSENT_WITHDRAWN'],
  },
  {
    name: 'R-06: a consent given after the processing started does not legitimise it',
    facts: withConsent(
      nonMemberFacts({ processing: { ...political, startedAt: '2025-01-01T00:00:00.000Z' } }),
      consent(supporter),
    ),
    reasons: ['CONSENT_NOT_PRIOR'],
  },
  {
    name: 'R-10 R-18: a consent "for partners" that does not name the party is not specific',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { controllerNames: ['Partners'] }),
    ),
    reasons: ['CONSENT_NOT_SPECIFIC'],
  },
  {
    name: 'R-06 R-14: a yes/no column without text version is not demonstrable',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { textRecorded: false }),
    ),
    reasons: ['CONSENT_NOT_DEMONSTRABLE'],
  },
  {
    name: 'R-20: a consent older than the refresh interval has lapsed',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { givenAt: '2023-01-01T10:00:00.000Z' }),
    ),
    reasons: ['CONSENT_LAPSED'],
  },
  {
    name: 'R-19: under 16 without the guardian the consent is invalid',
    facts: withConsent(nonMemberFacts({ processing: political }), consent(supporter, { ageAtConsent: 15 })),
    reasons: ['MINOR_CONSENT_INVALID'],
  },
  {
    name: 'R-19: under 16 with the guardian confirmed the consent counts',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { ageAtConsent: 15, guardianConfirmedAt: '2025-06-02T10:00:00.000Z' }),
    ),
    reasons: [],
    basis: '9(2)(a)',
  },
  {
    name: 'R-06 R-17: an implied (not explicit) consent for a political purpose is not enough',
    facts: withConsent(nonMemberFacts({ processing: political }), consent(supporter, { explicit: false })),
    reasons: ['NO_EXPLICIT_CONSENT'],
  },
  {
    name: 'R-17: an own web-form consent not yet confirmed by double opt-in does not count yet',
    facts: withConsent(
      nonMemberFacts({ processing: political }),
      consent(supporter, { channel: 'WEB_FORM' }),
    ),
    reasons: ['NO_EXPLICIT_CONSENT'],
  },
  // --- manifestly public (R-07) ---
  {
    name: 'R-07: an active public statement to everyone, used for that topic only: 9(2)(e)',
    facts: nonMemberFacts({
      processing: { politicalData: true, publishedTopic: 'klimaat' },
      person: {
        publicEvidence: [{ act: 'PUBLIC_STATEMENT_OWN_NAME', audienceUnrestricted: true, topic: 'klimaat' }],
      },
    }),
    reasons: [],
    basis: '9(2)(e)',
  },
  {
    name: 'R-07: a like is not making an opinion manifestly public',
    facts: nonMemberFacts({
      processing: { politicalData: true, publishedTopic: 'klimaat' },
      person: { publicEvidence: [{ act: 'LIKE', audienceUnrestricted: true, topic: 'klimaat' }] },
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'NOT_MANIFESTLY_PUBLIC'],
  },
  {
    name: 'R-07: a friends-only post is not manifestly public',
    facts: nonMemberFacts({
      processing: { politicalData: true, publishedTopic: 'klimaat' },
      person: {
        publicEvidence: [{ act: 'PUBLIC_STATEMENT_OWN_NAME', audienceUnrestricted: false, topic: 'klimaat' }],
      },
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'NOT_MANIFESTLY_PUBLIC'],
  },
  {
    name: 'R-07: use beyond the published topic is not covered',
    facts: nonMemberFacts({
      processing: { politicalData: true, publishedTopic: 'wonen' },
      person: {
        publicEvidence: [{ act: 'PUBLIC_STATEMENT_OWN_NAME', audienceUnrestricted: true, topic: 'klimaat' }],
      },
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'NOT_MANIFESTLY_PUBLIC'],
  },
  // --- inference (R-08, R-24) ---
  {
    name: 'R-08: a high-proxy criterion for a non-member infers opinion: SPECIAL_CATEGORY_INFERENCE + NO_EXPLICIT_CONSENT',
    facts: nonMemberFacts({
      processing: {
        criteria: [{ key: 'tag:klimaatpetitie', dataClass: 'ordinary', proxyRisk: 'high', inferred: false }],
      },
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'SPECIAL_CATEGORY_INFERENCE'],
  },
  {
    name: 'R-08: the same segment of members inside the party is covered by 9(2)(d)',
    facts: memberFacts({
      processing: {
        criteria: [{ key: 'tag:klimaatpetitie', dataClass: 'ordinary', proxyRisk: 'high', inferred: false }],
      },
    }),
    reasons: [],
    basis: '9(2)(d)',
  },
];
