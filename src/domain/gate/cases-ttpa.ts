/** Gate cases, part 3: TTPA, tracking, AI and C.0 (tests only). */
import type { GateCase } from './cases.js';
import { consent, memberFacts, PURPOSES, withConsent } from './fixtures.js';

const supporter = PURPOSES.supporter.id;
const ads = PURPOSES.politicalAds.id;
const adsConsent = consent(ads);
const emailPermission = { channelPermissionsByRelationship: ['EMAIL' as const] };
const politicalAdEmail = {
  kind: 'MESSAGE',
  adClass: 'POLITICAL_AD',
  channel: 'EMAIL',
  directMarketing: true,
} as const;
const approved = { dpia: 'APPROVED' } as const;
const tag = { key: 'tag:klimaat', dataClass: 'political', proxyRisk: 'high', inferred: false } as const;

export const TTPA_CASES: GateCase[] = [
  // --- TTPA (R-74…R-80) ---
  {
    name: 'R-76: a political ad by e-mail to a member without the separate political-advertising consent',
    facts: memberFacts({ processing: politicalAdEmail, person: emailPermission }),
    reasons: ['TTPA_SEPARATE_CONSENT_REQUIRED'],
  },
  {
    name: 'R-74 R-76 R-80: with that consent the political ad is allowed, labelled and explained',
    facts: withConsent(memberFacts({ processing: politicalAdEmail, person: emailPermission }), adsConsent),
    reasons: [],
    basis: '9(2)(d)',
    obligations: ['TTPA_LABEL_AND_NOTICE', 'TTPA_ART19_TRANSPARENCY', 'OBJECTION_NOTICE'],
  },
  {
    name: 'R-76: data not collected from the person',
    facts: withConsent(
      memberFacts({
        processing: politicalAdEmail,
        person: {
          ...emailPermission,
          source: { kind: 'PUBLIC_SOURCE', obtainedFromSubject: false, inferred: false },
        },
      }),
      adsConsent,
    ),
    reasons: ['TTPA_DATA_NOT_FROM_SUBJECT'],
  },
  {
    name: 'R-77: a political segment attached to a political ad is special-category profiling, consent or not',
    facts: withConsent(
      memberFacts({ processing: { ...politicalAdEmail, criteria: [tag] }, person: emailPermission }),
      adsConsent,
    ),
    reasons: ['TTPA_SPECIAL_CATEGORY_PROFILING'],
  },
  {
    name: 'R-77: a consented list used as provided is not profiling',
    facts: withConsent(
      memberFacts({
        processing: {
          ...politicalAdEmail,
          criteria: [{ key: `consent:${ads}`, dataClass: 'political', proxyRisk: 'none', inferred: false }],
        },
        person: emailPermission,
      }),
      adsConsent,
    ),
    reasons: [],
  },
  {
    name: 'R-78: a member aged 16 at the reference date is at least one year under voting age',
    facts: withConsent(
      memberFacts({ processing: politicalAdEmail, person: { ...emailPermission, birthDate: '2009-06-01' } }),
      consent(ads, { ageAtConsent: 16 }),
    ),
    reasons: ['TTPA_MINOR_UNDER_VOTING_AGE'],
  },
  {
    name: 'R-78: a member aged 17 is not',
    facts: withConsent(
      memberFacts({ processing: politicalAdEmail, person: { ...emailPermission, birthDate: '2008-06-01' } }),
      consent(ads, { ageAtConsent: 16 }),
    ),
    reasons: [],
  },
  {
    name: 'R-78: an age band under 16 or a minor signal excludes the person',
    facts: withConsent(
      memberFacts({
        processing: politicalAdEmail,
        person: { ...emailPermission, birthDate: null, minorSignal: true },
      }),
      adsConsent,
    ),
    reasons: ['TTPA_MINOR_UNDER_VOTING_AGE'],
  },
  {
    name: 'R-78: an ad brief allowing ages under voting age minus one is refused',
    facts: withConsent(
      memberFacts({ processing: { ...politicalAdEmail, adBriefMinAge: 16 }, person: emailPermission }),
      adsConsent,
    ),
    reasons: ['TTPA_MINOR_UNDER_VOTING_AGE'],
  },
  {
    name: 'R-79: a member communication to all members is exempt from the TTPA conditions',
    facts: memberFacts({
      processing: {
        ...politicalAdEmail,
        adClass: 'MEMBER_COMMUNICATION_18_3',
        criteria: [{ key: 'membership', dataClass: 'political', proxyRisk: 'high', inferred: false }],
      },
      person: emailPermission,
    }),
    reasons: [],
    basis: '9(2)(d)',
  },
  {
    name: 'R-79: a member communication to one branch singles out and is a political ad',
    facts: memberFacts({
      processing: {
        ...politicalAdEmail,
        adClass: 'MEMBER_COMMUNICATION_18_3',
        criteria: [{ key: 'branch', dataClass: 'ordinary', proxyRisk: 'none', inferred: false }],
      },
      person: emailPermission,
    }),
    reasons: ['TTPA_SEPARATE_CONSENT_REQUIRED'],
    obligations: [],
  },
  {
    name: 'R-79: with an FG override the branch mailing stays a member communication',
    facts: memberFacts({
      processing: {
        ...politicalAdEmail,
        adClass: 'MEMBER_COMMUNICATION_18_3',
        criteria: [{ key: 'branch', dataClass: 'ordinary', proxyRisk: 'none', inferred: false }],
      },
      person: emailPermission,
      context: { memberCommunicationOverride: true },
    }),
    reasons: [],
  },
  // --- tracking and AI (R-67…) ---
  {
    name: 'R-67 R-69: tracking is refused, consent does not lift it',
    facts: withConsent(
      memberFacts({ processing: { tracking: true, consentPurposeId: supporter } }),
      consent(supporter),
    ),
    reasons: ['TRACKING_NOT_ALLOWED'],
  },
  {
    name: 'R-82: a chatbot that does not say it is AI',
    facts: memberFacts({
      processing: {
        kind: 'AI_INTERACTION',
        ai: { interactsWithPeople: true, disclosesAi: false, prohibitedPractice: false },
      },
      context: approved,
    }),
    reasons: ['AI_DISCLOSURE_MISSING'],
  },
  {
    name: 'R-47 R-82: a chatbot that says it is AI, with a DPIA',
    facts: memberFacts({
      processing: {
        kind: 'AI_INTERACTION',
        ai: { interactsWithPeople: true, disclosesAi: true, prohibitedPractice: false },
      },
      context: approved,
    }),
    reasons: [],
    obligations: ['AI_DISCLOSURE', 'DPIA'],
  },
  {
    name: 'R-81: high-risk AI without deployer evidence is a product refusal',
    facts: memberFacts({
      processing: {
        kind: 'AI_INTERACTION',
        ai: { interactsWithPeople: true, disclosesAi: true, prohibitedPractice: false, highRisk: true },
      },
      context: approved,
    }),
    reasons: [],
    productRefusals: ['AI_HIGH_RISK_UNSUPPORTED'],
    obligations: ['AI_HIGH_RISK_DEPLOYER_DUTIES'],
  },
  {
    name: 'R-84: a prohibited AI practice',
    facts: memberFacts({
      processing: {
        kind: 'PROFILING',
        ai: { interactsWithPeople: false, disclosesAi: false, prohibitedPractice: true },
      },
      context: approved,
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'AI_PROHIBITED_PRACTICE'],
  },
  {
    name: 'R-63 R-88: door-to-door canvassing lists carry confidentiality instructions',
    facts: memberFacts({ processing: { kind: 'CANVASS', channel: 'DOOR' } }),
    reasons: [],
    obligations: ['CONFIDENTIALITY_INSTRUCTIONS'],
  },
  // --- C.0: every reason, not the first ---
  {
    name: 'C.0 R-58 R-27 R-69: every applicable reason is reported',
    facts: memberFacts({
      processing: { tracking: true, directMarketing: true },
      person: {
        erased: true,
        objections: [
          {
            kind: 'DIRECT_MARKETING',
            activityId: null,
            overriddenByCompellingGrounds: false,
            at: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    }),
    reasons: ['OBJECTED', 'ERASED_SUBJECT', 'TRACKING_NOT_ALLOWED'],
    obligationsExact: ['SUPPRESSION_LIST'],
  },
];
