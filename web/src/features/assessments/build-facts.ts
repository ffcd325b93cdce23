/**
 * The questionnaire's answers as a facts document (docs/assessments.md): the common questions without
 * writing JSON. Pure; the reference date is an argument. The document can be opened in the JSON tab to
 * refine any fact.
 */
import type { GateConsent, GateFacts, GateRecipient } from '../../../../src/domain/gate/types.js';

export const WHO = ['member', 'former_member', 'regular_contact', 'consent', 'none'] as const;
export type Who = (typeof WHO)[number];
export const AGES = ['adult', '16-17', '<16'] as const;
export type Age = (typeof AGES)[number];
export const WHAT = [
  'message',
  'export',
  'custom_audience',
  'lookalike',
  'political_ad',
  'tracking',
] as const;
export type What = (typeof WHAT)[number];
export const MESSAGE_CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const TO_WHOM = ['inside', 'processor', 'platform'] as const;
export type ToWhom = (typeof TO_WHOM)[number];

export interface Answers {
  who: Who;
  age: Age;
  what: What;
  channel: MessageChannel;
  toWhom: ToWhom;
  adConsent: boolean;
  art26: boolean;
  dpia: boolean;
}

export const DEFAULT_ANSWERS: Answers = {
  who: 'member',
  age: 'adult',
  what: 'message',
  channel: 'EMAIL',
  toWhom: 'inside',
  adConsent: false,
  art26: false,
  dpia: false,
};

const PARTY = 'Onze partij';
const PLATFORM = 'Advertentieplatform';
const CAMPAIGN = 'campagne';
const ADS = 'politieke-advertenties';

/** Data leave the party for these, so "inside" is not an option. */
export function needsRecipient(what: What): boolean {
  return what === 'export' || what === 'custom_audience' || what === 'lookalike' || what === 'political_ad';
}

function recipientFor(to: ToWhom, art26: boolean): GateRecipient | null {
  if (to === 'inside') return null;
  if (to === 'processor') {
    return {
      name: 'Verwerker',
      role: 'PROCESSOR',
      registered: true,
      vetted: true,
      processorAgreementComplete: true,
      art26Arrangement: false,
      platform: false,
      outsideEea: false,
      transferMechanism: false,
    };
  }
  return {
    name: PLATFORM,
    role: 'JOINT_CONTROLLER',
    registered: true,
    vetted: true,
    processorAgreementComplete: false,
    art26Arrangement: art26,
    platform: true,
    outsideEea: false,
    transferMechanism: false,
  };
}

function consent(purposeId: string, givenAt: string, names: string[], age: number | null): GateConsent {
  return {
    purposeId,
    explicit: true,
    textRecorded: true,
    channel: 'WEB_FORM',
    givenAt,
    controllerNames: names,
    captureDefects: [],
    purposesInAction: 1,
    confirmedAt: givenAt,
    ageAtConsent: age,
    guardianConfirmedAt: null,
    withdrawnAt: null,
  };
}

export function buildFacts(a: Answers, referenceDate: Date): GateFacts {
  const ref = referenceDate.toISOString();
  const given = new Date(referenceDate.getTime() - 30 * 24 * 3600_000).toISOString();
  const toWhom: ToWhom = needsRecipient(a.what) && a.toWhom === 'inside' ? 'processor' : a.toWhom;
  const recipient = recipientFor(toWhom, a.art26);
  const names = recipient ? [PARTY, recipient.name] : [PARTY];
  const ageAt = a.age === 'adult' ? null : a.age === '16-17' ? 16 : 15;
  const consents: GateConsent[] = [];
  if (a.who === 'consent') consents.push(consent(CAMPAIGN, given, names, ageAt));
  if (a.adConsent) consents.push(consent(ADS, given, names, ageAt));
  const relation =
    a.who === 'member'
      ? 'MEMBER'
      : a.who === 'former_member'
        ? 'FORMER_MEMBER'
        : a.who === 'regular_contact'
          ? 'REGULAR_CONTACT'
          : 'NONE';
  const ad = a.what === 'custom_audience' || a.what === 'lookalike' || a.what === 'political_ad';
  const kind = {
    message: 'MESSAGE',
    export: 'EXPORT',
    custom_audience: 'CUSTOM_AUDIENCE',
    lookalike: 'LOOKALIKE',
    political_ad: 'MESSAGE',
    tracking: 'TRACKING',
  } as const;
  const channel =
    a.what === 'message' ? a.channel : ad ? 'ONLINE_AD' : a.what === 'tracking' ? 'WEBSITE' : 'NONE';
  const consentPurposeId = ad && a.adConsent ? ADS : a.who === 'consent' ? CAMPAIGN : null;
  const criterion =
    relation === 'NONE'
      ? {
          key: `consent:${CAMPAIGN}`,
          dataClass: 'political' as const,
          proxyRisk: 'none' as const,
          inferred: false,
        }
      : { key: 'membership', dataClass: 'political' as const, proxyRisk: 'none' as const, inferred: false };
  return {
    person: {
      relation,
      consents,
      publicEvidence: [],
      objections: [],
      erased: false,
      restrictedActivityIds: null,
      suppressed: [],
      source:
        relation === 'MEMBER' || relation === 'FORMER_MEMBER'
          ? { kind: 'MEMBER_ADMIN', obtainedFromSubject: true, inferred: false }
          : { kind: 'DATA_SUBJECT', obtainedFromSubject: true, inferred: false },
      art14InformedAt: null,
      birthDate: null,
      ageBand: a.age === 'adult' ? null : a.age,
      minorSignal: a.age !== 'adult',
      channelPermissionsByRelationship: relation === 'NONE' ? [] : ['EMAIL', 'POST'],
    },
    processing: {
      kind: kind[a.what],
      activityId: null,
      purpose: a.what,
      consentPurposeId,
      directMarketing: a.what !== 'tracking' && a.what !== 'export',
      politicalData: true,
      channel,
      recipient,
      criteria: [criterion],
      adClass: ad
        ? 'POLITICAL_AD'
        : a.what === 'message' && relation !== 'NONE'
          ? 'MEMBER_COMMUNICATION_18_3'
          : 'NOT_POLITICAL_AD',
      adBriefMinAge: ad ? 18 : null,
      platformTargetingCriteria: a.what === 'lookalike' ? ['lookalike'] : [],
      startedAt: null,
      publishedTopic: null,
      firstContactOrDisclosure: false,
      tracking: a.what === 'tracking',
      ai: null,
      purposeCompatible: true,
    },
    context: {
      referenceDate: ref,
      partyControllerName: PARTY,
      jurisdiction: 'NL',
      votingAge: 18,
      consentPurposes: [
        {
          id: CAMPAIGN,
          name: 'Campagneberichten',
          political: true,
          politicalAdvertising: false,
          channels: ['EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST'],
          scopeUntil: null,
          refreshAfterMonths: null,
          recipients: recipient ? [recipient.name] : [],
        },
        {
          id: ADS,
          name: 'Politieke advertenties',
          political: true,
          politicalAdvertising: true,
          channels: [],
          scopeUntil: null,
          refreshAfterMonths: null,
          recipients: recipient ? [recipient.name] : [],
        },
      ],
      dpia: a.dpia ? 'APPROVED' : 'NONE',
      memberCommunicationOverride: false,
    },
  };
}
