/**
 * Fixture builders for gate facts documents (tests only; fictional data). A member inside the party
 * with an ordinary newsletter by post is allowed under 9(2)(d); builders change one thing at a time.
 */
import type {
  GateConsent,
  GateConsentPurpose,
  GateContext,
  GateFacts,
  GateRecipient,
  PersonFacts,
  ProcessingFacts,
} from './types.js';

export const REFERENCE_DATE = '2026-03-01T12:00:00.000Z';
export const PARTY = 'Partij Voorbeeld';
export const PLATFORM = 'Voorbeeldplatform B.V.';

export const PURPOSES = {
  newsletter: {
    id: 'p-newsletter',
    name: 'Nieuwsbrief',
    political: false,
    politicalAdvertising: false,
    channels: ['EMAIL'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  },
  supporter: {
    id: 'p-supporter',
    name: 'Sympathisant',
    political: true,
    politicalAdvertising: false,
    channels: ['EMAIL', 'SMS'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  },
  politicalAds: {
    id: 'p-political-ads',
    name: 'Politieke advertenties',
    political: true,
    politicalAdvertising: true,
    channels: ['EMAIL'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [PLATFORM],
  },
  profiling: {
    id: 'p-profiling',
    name: 'Berichten op maat',
    political: true,
    politicalAdvertising: false,
    channels: [],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  },
} satisfies Record<string, GateConsentPurpose>;

/** A valid explicit consent, given well before the reference date (override any field). */
export function consent(purposeId: string, over: Partial<GateConsent> = {}): GateConsent {
  return {
    purposeId,
    explicit: true,
    textRecorded: true,
    channel: 'PAPER',
    givenAt: '2025-06-01T10:00:00.000Z',
    controllerNames: purposeId === PURPOSES.politicalAds.id ? [PARTY, PLATFORM] : [PARTY],
    captureDefects: [],
    purposesInAction: 1,
    confirmedAt: null,
    ageAtConsent: 30,
    guardianConfirmedAt: null,
    withdrawnAt: null,
    ...over,
  };
}

export function person(over: Partial<PersonFacts> = {}): PersonFacts {
  return {
    relation: 'MEMBER',
    consents: [],
    publicEvidence: [],
    objections: [],
    erased: false,
    restrictedActivityIds: null,
    suppressed: [],
    source: { kind: 'MEMBER_ADMIN', obtainedFromSubject: true, inferred: false },
    art14InformedAt: null,
    birthDate: '1980-05-05',
    ageBand: null,
    minorSignal: false,
    channelPermissionsByRelationship: [],
    ...over,
  };
}

/** An ordinary message by post inside the party (no recipient, no criteria). */
export function processing(over: Partial<ProcessingFacts> = {}): ProcessingFacts {
  return {
    kind: 'MESSAGE',
    activityId: 'act-1',
    purpose: 'Ledenblad',
    consentPurposeId: null,
    directMarketing: false,
    politicalData: false,
    channel: 'POST',
    recipient: null,
    criteria: [],
    adClass: 'NOT_POLITICAL_AD',
    adBriefMinAge: null,
    platformTargetingCriteria: [],
    startedAt: null,
    publishedTopic: null,
    firstContactOrDisclosure: false,
    tracking: false,
    ai: null,
    purposeCompatible: true,
    ...over,
  };
}

export function context(over: Partial<GateContext> = {}): GateContext {
  return {
    referenceDate: REFERENCE_DATE,
    partyControllerName: PARTY,
    jurisdiction: 'NL',
    votingAge: 18,
    consentPurposes: Object.values(PURPOSES),
    dpia: 'NONE',
    memberCommunicationOverride: false,
    ...over,
  };
}

/** A registered, vetted processor with a complete agreement inside the EEA. */
export function processor(over: Partial<GateRecipient> = {}): GateRecipient {
  return {
    name: 'Mailverwerker B.V.',
    role: 'PROCESSOR',
    registered: true,
    vetted: true,
    processorAgreementComplete: true,
    art26Arrangement: false,
    platform: false,
    outsideEea: false,
    transferMechanism: false,
    ...over,
  };
}

/** A registered, vetted ad platform as joint controller with an art 26 arrangement. */
export function platform(over: Partial<GateRecipient> = {}): GateRecipient {
  return processor({
    name: PLATFORM,
    role: 'JOINT_CONTROLLER',
    art26Arrangement: true,
    platform: true,
    ...over,
  });
}

export interface FactsOverrides {
  person?: Partial<PersonFacts>;
  processing?: Partial<ProcessingFacts>;
  context?: Partial<GateContext>;
}

export function facts(o: FactsOverrides = {}): GateFacts {
  return { person: person(o.person), processing: processing(o.processing), context: context(o.context) };
}

/** A member, processed inside the party: 9(2)(d). */
export function memberFacts(o: FactsOverrides = {}): GateFacts {
  return facts({ ...o, person: { relation: 'MEMBER', ...o.person } });
}

/** Someone with no relation to the party, from their own sign-up (no consent yet). */
export function nonMemberFacts(o: FactsOverrides = {}): GateFacts {
  return facts({
    ...o,
    person: {
      relation: 'NONE',
      source: { kind: 'DATA_SUBJECT', obtainedFromSubject: true, inferred: false },
      ...o.person,
    },
  });
}

/** The same facts with extra consents added to the person. */
export function withConsent(f: GateFacts, ...consents: GateConsent[]): GateFacts {
  return { ...f, person: { ...f.person, consents: [...f.person.consents, ...consents] } };
}
