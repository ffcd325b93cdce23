/** Gate cases, part 2 (tests only): disclosure, person state, sources, profiling, channels. */
import type { GateCase } from './cases.js';
import {
  consent,
  memberFacts,
  nonMemberFacts,
  PURPOSES,
  platform,
  processor,
  withConsent,
} from './fixtures.js';

const supporter = PURPOSES.supporter.id;
const ads = PURPOSES.politicalAds.id;
const profilingPurpose = PURPOSES.profiling.id;
const newsletter = PURPOSES.newsletter.id;
const adsConsent = consent(ads);
const emailPermission = { channelPermissionsByRelationship: ['EMAIL' as const] };
const customAudience = {
  kind: 'CUSTOM_AUDIENCE',
  recipient: platform(),
  adClass: 'POLITICAL_AD',
  channel: 'ONLINE_AD',
  consentPurposeId: ads,
  directMarketing: true,
} as const;
const controller = processor({ name: 'Zusterstichting', role: 'CONTROLLER' });
const approved = { dpia: 'APPROVED' } as const;

export const MORE_CASES: GateCase[] = [
  // --- disclosure and recipients (R-05, R-21, R-22, R-30, R-33…) ---
  {
    name: 'R-05 R-30: member data to another controller without consent naming it: DISCLOSURE_OUTSIDE_BODY',
    facts: memberFacts({ processing: { kind: 'EXPORT', recipient: controller } }),
    reasons: ['DISCLOSURE_OUTSIDE_BODY'],
  },
  {
    name: 'R-05 R-18: a valid consent that does not name the recipient is not specific for the disclosure',
    facts: withConsent(
      memberFacts({ processing: { kind: 'EXPORT', recipient: controller, consentPurposeId: supporter } }),
      consent(supporter),
    ),
    reasons: ['CONSENT_NOT_SPECIFIC', 'DISCLOSURE_OUTSIDE_BODY'],
  },
  {
    name: 'R-05: with explicit consent naming the recipient the disclosure relies on 9(2)(a)',
    facts: withConsent(
      memberFacts({ processing: { kind: 'EXPORT', recipient: controller, consentPurposeId: supporter } }),
      consent(supporter, { controllerNames: ['Partij Voorbeeld', 'Zusterstichting'] }),
    ),
    reasons: [],
    basis: '9(2)(a)',
    obligations: ['RECORD_CONSENT', 'CONFIDENTIALITY_INSTRUCTIONS'],
  },
  {
    name: 'R-05 R-35: a processor under a complete art 28 agreement is no disclosure: 9(2)(d)',
    facts: memberFacts({ processing: { kind: 'EXPORT', recipient: processor() } }),
    reasons: [],
    basis: '9(2)(d)',
    obligations: ['PROCESSOR_AGREEMENT', 'CONFIDENTIALITY_INSTRUCTIONS'],
  },
  {
    name: 'R-35: a processor without a complete art 28(3) agreement: NO_PROCESSOR_AGREEMENT',
    facts: memberFacts({
      processing: { kind: 'EXPORT', recipient: processor({ processorAgreementComplete: false }) },
    }),
    reasons: ['NO_PROCESSOR_AGREEMENT'],
  },
  {
    name: 'R-33: an unvetted vendor is a product refusal (legally allowed, may not proceed)',
    facts: memberFacts({ processing: { kind: 'EXPORT', recipient: processor({ vetted: false }) } }),
    reasons: [],
    productRefusals: ['VENDOR_NOT_VETTED'],
  },
  {
    name: 'R-34: an unregistered destination is a product refusal',
    facts: memberFacts({ processing: { kind: 'EXPORT', recipient: processor({ registered: false }) } }),
    reasons: [],
    productRefusals: ['UNREGISTERED_DESTINATION'],
  },
  {
    name: 'R-38: outside the EEA without a transfer mechanism is a product refusal',
    facts: memberFacts({ processing: { kind: 'EXPORT', recipient: processor({ outsideEea: true }) } }),
    reasons: [],
    productRefusals: ['TRANSFER_MECHANISM_MISSING'],
  },
  {
    name: 'R-30 R-21 R-22 R-47: a platform recorded as processor for a custom audience is a joint controller',
    facts: memberFacts({
      processing: { ...customAudience, recipient: platform({ role: 'PROCESSOR', art26Arrangement: false }) },
    }),
    reasons: [
      'DISCLOSURE_OUTSIDE_BODY',
      'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED',
      'DPIA_REQUIRED',
      'TTPA_SEPARATE_CONSENT_REQUIRED',
    ],
    productRefusals: ['ROLE_INCONSISTENT'],
    obligationsExact: ['SUPPRESSION_LIST'],
  },
  {
    name: 'R-22 R-76 R-80: a custom audience of consenting members with DPIA and art 26 arrangement is allowed under 9(2)(a)',
    facts: withConsent(memberFacts({ processing: customAudience, context: approved }), adsConsent),
    reasons: [],
    basis: '9(2)(a)',
    obligations: [
      'ART26_ARRANGEMENT',
      'DPIA',
      'RECORD_CONSENT',
      'OBJECTION_NOTICE',
      'TTPA_ART19_TRANSPARENCY',
      'TTPA_LABEL_AND_NOTICE',
      'SUPPRESSION_LIST',
    ],
  },
  {
    name: 'R-05 R-22 R-76: a custom audience of members without the consent naming the platform',
    facts: memberFacts({ processing: customAudience, context: approved }),
    reasons: ['DISCLOSURE_OUTSIDE_BODY', 'TTPA_SEPARATE_CONSENT_REQUIRED'],
  },
  {
    name: 'R-22: a non-member in a custom-audience upload without consent: NO_EXPLICIT_CONSENT',
    facts: nonMemberFacts({ processing: customAudience, context: approved }),
    reasons: ['NO_EXPLICIT_CONSENT', 'TTPA_SEPARATE_CONSENT_REQUIRED'],
  },
  {
    name: 'R-21 R-31: a joint controller without art 26 arrangement',
    facts: withConsent(
      memberFacts({
        processing: { ...customAudience, recipient: platform({ art26Arrangement: false }) },
        context: approved,
      }),
      adsConsent,
    ),
    reasons: ['JOINT_CONTROLLER_ARRANGEMENT_REQUIRED'],
  },
  {
    name: 'R-23: a lookalike is refused by the product and reports the legal reasons for the people found',
    facts: withConsent(
      memberFacts({ processing: { ...customAudience, kind: 'LOOKALIKE' }, context: approved }),
      adsConsent,
    ),
    reasons: ['NO_EXPLICIT_CONSENT', 'TTPA_DATA_NOT_FROM_SUBJECT', 'TTPA_SEPARATE_CONSENT_REQUIRED'],
    productRefusals: ['LOOKALIKE_NOT_SUPPORTED'],
  },
  // --- person state (R-27, R-58…R-60) ---
  {
    name: 'R-27: an objection to direct marketing is absolute',
    facts: memberFacts({
      processing: { directMarketing: true },
      person: {
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
    reasons: ['OBJECTED'],
    obligationsExact: ['SUPPRESSION_LIST'],
  },
  {
    name: 'R-27: direct marketing to a member who did not object carries the objection notice',
    facts: memberFacts({ processing: { directMarketing: true } }),
    reasons: [],
    obligations: ['OBJECTION_NOTICE'],
  },
  {
    name: 'R-60: an art 21(1) objection to this activity without compelling grounds',
    facts: memberFacts({
      person: {
        objections: [
          {
            kind: 'PARTICULAR_SITUATION',
            activityId: 'act-1',
            overriddenByCompellingGrounds: false,
            at: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    }),
    reasons: ['OBJECTED'],
  },
  {
    name: 'R-60: an art 21(1) objection overridden by compelling grounds, or for another activity, does not block',
    facts: memberFacts({
      person: {
        objections: [
          {
            kind: 'PARTICULAR_SITUATION',
            activityId: 'act-1',
            overriddenByCompellingGrounds: true,
            at: '2026-01-01T00:00:00.000Z',
          },
          {
            kind: 'PARTICULAR_SITUATION',
            activityId: 'act-2',
            overriddenByCompellingGrounds: false,
            at: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    }),
    reasons: [],
    obligations: ['SUPPRESSION_LIST'],
  },
  {
    name: 'R-58: an erased person is never processed again',
    facts: memberFacts({ person: { erased: true } }),
    reasons: ['ERASED_SUBJECT'],
    obligationsExact: ['SUPPRESSION_LIST'],
  },
  {
    name: 'R-58: an import row matching an erasure suppression entry',
    facts: nonMemberFacts({
      processing: { kind: 'COLLECTION' },
      person: { suppressed: ['ERASURE_REQUEST'] },
    }),
    reasons: ['ERASED_SUBJECT'],
  },
  {
    name: 'R-27 R-58: a suppressed direct-marketing objection blocks direct marketing',
    facts: memberFacts({ processing: { directMarketing: true }, person: { suppressed: ['OBJECTION_DM'] } }),
    reasons: ['OBJECTED'],
  },
  {
    name: 'R-59: processing restricted for all activities',
    facts: memberFacts({ person: { restrictedActivityIds: [] } }),
    reasons: ['PROCESSING_RESTRICTED'],
  },
  {
    name: 'R-59: a restriction of another activity does not block this one',
    facts: memberFacts({ person: { restrictedActivityIds: ['act-2'] } }),
    reasons: [],
  },
  // --- sources (R-03, R-09, R-10, R-37, R-55) ---
  {
    name: 'R-09: scraped data are refused',
    facts: nonMemberFacts({
      person: { source: { kind: 'SCRAPED', obtainedFromSubject: false, inferred: false } },
    }),
    reasons: ['SCRAPED_PROFILE'],
    obligationsExact: ['INFORM_SUBJECT'],
  },
  {
    name: 'R-10: a bought list with political data is presumed unlawful',
    facts: nonMemberFacts({
      processing: { politicalData: true },
      person: { source: { kind: 'THIRD_PARTY_LIST', obtainedFromSubject: false, inferred: false } },
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'PURCHASED_POLITICAL_LIST'],
    obligationsExact: ['INFORM_SUBJECT', 'DOCUMENT_DATASET_ORIGIN'],
  },
  {
    name: 'R-10 R-37: a third-party dataset without documented lawful collection stays in quarantine',
    facts: nonMemberFacts({
      person: {
        source: {
          kind: 'THIRD_PARTY_LIST',
          obtainedFromSubject: false,
          inferred: false,
          originDocumented: false,
        },
      },
    }),
    reasons: ['UNVERIFIED_DATASET'],
  },
  {
    name: 'R-37 R-55: a documented bought list by post: allowed, with origin and art 14 duties',
    facts: nonMemberFacts({
      person: { source: { kind: 'THIRD_PARTY_LIST', obtainedFromSubject: false, inferred: false } },
    }),
    reasons: [],
    obligations: ['INFORM_SUBJECT', 'DOCUMENT_DATASET_ORIGIN'],
  },
  {
    name: 'R-55: first contact before the art 14 information is a product refusal',
    facts: nonMemberFacts({
      processing: { firstContactOrDisclosure: true },
      person: { source: { kind: 'PUBLIC_SOURCE', obtainedFromSubject: false, inferred: false } },
    }),
    reasons: [],
    productRefusals: ['ART14_NOT_INFORMED'],
    obligations: ['INFORM_SUBJECT'],
  },
  {
    name: 'R-55: first contact after the art 14 information proceeds',
    facts: nonMemberFacts({
      processing: { firstContactOrDisclosure: true },
      person: {
        source: { kind: 'PUBLIC_SOURCE', obtainedFromSubject: false, inferred: false },
        art14InformedAt: '2026-02-01T00:00:00.000Z',
      },
    }),
    reasons: [],
  },
  {
    name: 'R-03: a new purpose without compatibility assessment',
    facts: memberFacts({ processing: { purposeCompatible: false } }),
    reasons: ['PURPOSE_INCOMPATIBLE'],
  },
  // --- profiling and DPIA (R-29, R-47, R-49) ---
  {
    name: 'R-29 R-47: profiling members for messaging needs explicit consent and a DPIA',
    facts: memberFacts({ processing: { kind: 'PROFILING', politicalData: true } }),
    reasons: ['NO_EXPLICIT_CONSENT', 'DPIA_REQUIRED'],
  },
  {
    name: 'R-29 R-47: profiling with explicit consent and an approved DPIA: 9(2)(a)',
    facts: withConsent(
      memberFacts({
        processing: { kind: 'PROFILING', politicalData: true, consentPurposeId: profilingPurpose },
        context: approved,
      }),
      consent(profilingPurpose),
    ),
    reasons: [],
    basis: '9(2)(a)',
    obligations: ['DPIA', 'RECORD_CONSENT'],
  },
  {
    name: 'R-49: a DPIA with high residual risk needs prior consultation',
    facts: memberFacts({ context: { dpia: 'HIGH_RESIDUAL_RISK' } }),
    reasons: ['PRIOR_CONSULTATION_REQUIRED'],
  },
  {
    name: 'R-47: a mailing to all members without profiling is not blocked by the DPIA gate',
    facts: memberFacts({ processing: { channel: 'EMAIL' }, person: emailPermission }),
    reasons: [],
  },
  // --- channel permission (R-70) ---
  {
    name: 'R-70: an e-mail without channel permission',
    facts: memberFacts({ processing: { channel: 'EMAIL' } }),
    reasons: ['NO_CHANNEL_PERMISSION'],
  },
  {
    name: 'R-70: a newsletter consent granting e-mail permits e-mail',
    facts: withConsent(
      nonMemberFacts({ processing: { channel: 'EMAIL', consentPurposeId: newsletter } }),
      consent(newsletter, { explicit: false }),
    ),
    reasons: [],
    basis: null,
    obligations: ['RECORD_CONSENT'],
  },
  {
    name: 'R-70: an SMS to someone who gave e-mail permission only',
    facts: withConsent(
      nonMemberFacts({ processing: { channel: 'SMS', consentPurposeId: newsletter } }),
      consent(newsletter),
    ),
    reasons: ['NO_CHANNEL_PERMISSION'],
  },
];
