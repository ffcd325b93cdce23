/**
 * Gate cases, part 4 (tests only): platform targeting criteria and proxies, tracking for
 * targeting, message classification, the label and notice duty online and offline
 * and geographic targeting of users.
 */
import type { GateCase } from './cases.js';
import { consent, memberFacts, nonMemberFacts, PURPOSES, platform, withConsent } from './fixtures.js';
import type { GateCriterion } from './types.js';

const ads = PURPOSES.politicalAds.id;
const adsConsent = consent(ads);
const approved = { dpia: 'APPROVED' } as const;
const emailPermission = { channelPermissionsByRelationship: ['EMAIL' as const] };
/** A consented list uploaded to the platform for a political ad. */
const customAudience = {
  kind: 'CUSTOM_AUDIENCE',
  recipient: platform(),
  adClass: 'POLITICAL_AD',
  channel: 'ONLINE_AD',
  consentPurposeId: ads,
  directMarketing: true,
} as const;
/** An online ad through the platform without a list: the platform selects its users. */
const platformAd = {
  kind: 'MESSAGE',
  recipient: platform(),
  adClass: 'POLITICAL_AD',
  channel: 'ONLINE_AD',
  consentPurposeId: null,
  directMarketing: true,
} as const;
const politicalAdEmail = {
  kind: 'MESSAGE',
  adClass: 'POLITICAL_AD',
  channel: 'EMAIL',
  directMarketing: true,
} as const;
const interest = 'interest:Christian democracy';
const regionAndAge = ['region=Utrecht', 'age>=18'];
const religion: GateCriterion = { key: 'religion', dataClass: 'special', proxyRisk: 'none', inferred: false };
const postcode: GateCriterion = {
  key: 'postcode',
  dataClass: 'ordinary',
  proxyRisk: 'none',
  inferred: false,
};
const ageBand: GateCriterion = { key: 'ageBand', dataClass: 'ordinary', proxyRisk: 'none', inferred: false };
const branch: GateCriterion = { key: 'branch', dataClass: 'ordinary', proxyRisk: 'none', inferred: false };

export const GAP_CASES: GateCase[] = [
  // --- platform interest categories and special-category criteria ---
  {
    name: 'R-24 R-77: a platform interest "Christian democracy" on a consented custom audience is special-category profiling, consent or not',
    facts: withConsent(
      memberFacts({
        processing: { ...customAudience, platformTargetingCriteria: [interest] },
        context: approved,
      }),
      adsConsent,
    ),
    reasons: ['TTPA_DATA_NOT_FROM_SUBJECT', 'TTPA_SPECIAL_CATEGORY_PROFILING'],
    basis: null,
    specialCategory: true,
  },
  {
    name: 'R-24 R-76: a platform interest proxy on a political ad to a platform user without consent: every reason',
    facts: nonMemberFacts({
      processing: { ...platformAd, platformTargetingCriteria: [interest] },
      context: approved,
    }),
    reasons: [
      'NO_EXPLICIT_CONSENT',
      'SPECIAL_CATEGORY_INFERENCE',
      'TTPA_DATA_NOT_FROM_SUBJECT',
      'TTPA_SEPARATE_CONSENT_REQUIRED',
      'TTPA_SPECIAL_CATEGORY_PROFILING',
    ],
    specialCategory: true,
  },
  {
    name: 'R-24: a platform interest proxy on an ad that is not political still processes special-category data: explicit consent needed',
    facts: nonMemberFacts({
      processing: {
        ...platformAd,
        adClass: 'NOT_POLITICAL_AD',
        directMarketing: false,
        platformTargetingCriteria: ['interest:Islam'],
      },
      context: approved,
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'SPECIAL_CATEGORY_INFERENCE'],
    specialCategory: true,
  },
  {
    name: 'R-24 R-77: a special-category criterion on a consented custom audience for a political ad is refused, consent or not',
    facts: withConsent(
      nonMemberFacts({ processing: { ...customAudience, criteria: [religion] }, context: approved }),
      adsConsent,
    ),
    reasons: ['TTPA_SPECIAL_CATEGORY_PROFILING'],
  },
  {
    name: 'R-24 R-08: a special-category criterion on a custom audience that is no political ad, without consent',
    facts: nonMemberFacts({
      processing: {
        ...customAudience,
        adClass: 'NOT_POLITICAL_AD',
        consentPurposeId: null,
        directMarketing: false,
        criteria: [religion],
      },
      context: approved,
    }),
    reasons: ['NO_EXPLICIT_CONSENT', 'SPECIAL_CATEGORY_INFERENCE'],
  },
  {
    name: 'R-24 R-08: a generic demographic criterion (age band) on a consented custom audience is no proxy: allowed',
    facts: withConsent(
      nonMemberFacts({ processing: { ...customAudience, criteria: [ageBand] }, context: approved }),
      adsConsent,
    ),
    reasons: [],
    basis: '9(2)(a)',
    obligations: ['TTPA_LABEL_AND_NOTICE', 'TTPA_ART19_TRANSPARENCY', 'ART26_ARRANGEMENT', 'DPIA'],
  },
  {
    name: 'R-08 R-24: a generic demographic criterion (postcode) alone is no political proxy: no special-category data',
    facts: nonMemberFacts({ processing: { criteria: [postcode] } }),
    reasons: [],
    basis: null,
    specialCategory: false,
  },
  // --- geography and age of users are personal-data targeting ---
  {
    name: 'R-24 R-76: region=Utrecht and age>=18 pass the proxy check, but targeting users by platform location and age uses platform data',
    facts: withConsent(
      memberFacts({
        processing: { ...customAudience, platformTargetingCriteria: regionAndAge },
        context: approved,
      }),
      adsConsent,
    ),
    reasons: ['TTPA_DATA_NOT_FROM_SUBJECT'],
  },
  {
    name: 'R-76: user location and age targeting without the R-76 consent of the person reached is refused',
    facts: nonMemberFacts({
      processing: { ...platformAd, platformTargetingCriteria: regionAndAge },
      context: approved,
    }),
    reasons: ['TTPA_DATA_NOT_FROM_SUBJECT', 'TTPA_SEPARATE_CONSENT_REQUIRED'],
    specialCategory: false,
  },
  {
    name: 'R-76 R-08: a political ad by e-mail to members selected by postcode needs the R-76 consent',
    facts: memberFacts({
      processing: { ...politicalAdEmail, criteria: [postcode] },
      person: emailPermission,
    }),
    reasons: ['TTPA_SEPARATE_CONSENT_REQUIRED'],
  },
  {
    name: 'R-76 R-08: with the R-76 consent the postcode selection is allowed (own data, no proxy)',
    facts: withConsent(
      memberFacts({ processing: { ...politicalAdEmail, criteria: [postcode] }, person: emailPermission }),
      adsConsent,
    ),
    reasons: [],
    basis: '9(2)(d)',
    obligations: ['TTPA_LABEL_AND_NOTICE', 'TTPA_ART19_TRANSPARENCY'],
  },
  // --- pixels and conversion APIs for targeting ---
  {
    name: 'R-25: a conversion API feeding the platform is refused; a consent naming the platform does not lift it',
    facts: withConsent(
      nonMemberFacts({
        processing: { kind: 'TRACKING', channel: 'WEBSITE', recipient: platform(), consentPurposeId: ads },
        context: approved,
      }),
      adsConsent,
    ),
    reasons: ['TRACKING_NOT_ALLOWED'],
    obligationsExact: [],
  },
  {
    name: 'R-25: a consented custom audience built with a pixel is refused, consent or not',
    facts: withConsent(
      memberFacts({ processing: { ...customAudience, tracking: true }, context: approved }),
      adsConsent,
    ),
    reasons: ['TRACKING_NOT_ALLOWED'],
  },
  // --- classification decides whether the TTPA applies ---
  {
    name: 'R-72: a SERVICE message (branch convocation) gets no TTPA reasons and no TTPA obligations',
    facts: memberFacts({
      processing: { kind: 'MESSAGE', channel: 'EMAIL', adClass: 'SERVICE', criteria: [branch] },
    }),
    reasons: [],
    basis: '9(2)(d)',
    obligationsExact: ['TRANSPARENCY_NOTICE', 'SECURITY_MEASURES'],
  },
  {
    name: 'R-72: a message classified NOT_POLITICAL_AD gets no TTPA reasons and no TTPA obligations',
    facts: memberFacts({
      processing: { kind: 'MESSAGE', channel: 'EMAIL', adClass: 'NOT_POLITICAL_AD', criteria: [branch] },
      person: emailPermission,
    }),
    reasons: [],
    obligationsExact: ['TRANSPARENCY_NOTICE', 'SECURITY_MEASURES'],
  },
  {
    name: 'R-72 R-76: the same e-mail classified POLITICAL_AD is subject to the TTPA',
    facts: memberFacts({ processing: { ...politicalAdEmail, criteria: [branch] }, person: emailPermission }),
    reasons: ['TTPA_SEPARATE_CONSENT_REQUIRED'],
  },
  // --- label and transparency notice on every political ad, online or offline ---
  {
    name: 'R-74 R-75: a political ad by post carries TTPA_LABEL_AND_NOTICE, without the online-only art 18-19 duties',
    facts: memberFacts({
      processing: { kind: 'MESSAGE', channel: 'POST', adClass: 'POLITICAL_AD', directMarketing: true },
    }),
    reasons: [],
    basis: '9(2)(d)',
    obligationsExact: [
      'TRANSPARENCY_NOTICE',
      'OBJECTION_NOTICE',
      'TTPA_LABEL_AND_NOTICE',
      'SECURITY_MEASURES',
    ],
  },
  {
    name: 'R-74 R-75: a political flyer delivered door to door carries TTPA_LABEL_AND_NOTICE',
    facts: nonMemberFacts({
      processing: { kind: 'MESSAGE', channel: 'DOOR', adClass: 'POLITICAL_AD', directMarketing: true },
    }),
    reasons: [],
    obligations: ['TTPA_LABEL_AND_NOTICE'],
  },
  {
    name: 'R-74 R-75 R-80: an online political ad on a consented custom audience carries TTPA_LABEL_AND_NOTICE and art 19 transparency',
    facts: withConsent(memberFacts({ processing: customAudience, context: approved }), adsConsent),
    reasons: [],
    basis: '9(2)(a)',
    obligations: ['TTPA_LABEL_AND_NOTICE', 'TTPA_ART19_TRANSPARENCY'],
  },
];
