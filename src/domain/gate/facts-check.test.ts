import { describe, expect, it } from 'vitest';
import { ageOn, FACTS_CHECKS, type FactsCheck, factsProblems } from './facts-check.js';
import type { GateConsent, GateFacts } from './types.js';

const consent = (c: Partial<GateConsent> = {}): GateConsent => ({
  purposeId: 'nieuwsbrief',
  explicit: true,
  textRecorded: true,
  channel: 'WEB_FORM',
  givenAt: '2026-01-10T10:00:00Z',
  controllerNames: ['Partij voor de Toekomst'],
  captureDefects: [],
  purposesInAction: 1,
  confirmedAt: '2026-01-10T10:05:00Z',
  ageAtConsent: 34,
  guardianConfirmedAt: null,
  withdrawnAt: null,
  ...c,
});

/** A consistent document: a member, a newsletter by e-mail; every row below changes one thing. */
const base = (): GateFacts => ({
  person: {
    relation: 'MEMBER',
    consents: [consent()],
    publicEvidence: [],
    objections: [],
    erased: false,
    restrictedActivityIds: null,
    suppressed: [],
    source: { kind: 'MEMBER_ADMIN', obtainedFromSubject: true, inferred: false },
    art14InformedAt: null,
    birthDate: '1991-06-15',
    ageBand: '25-34',
    minorSignal: false,
    channelPermissionsByRelationship: ['EMAIL'],
  },
  processing: {
    kind: 'MESSAGE',
    activityId: 'act-nieuwsbrief',
    purpose: 'Ledennieuwsbrief',
    consentPurposeId: 'nieuwsbrief',
    directMarketing: true,
    politicalData: true,
    channel: 'EMAIL',
    recipient: null,
    criteria: [],
    adClass: 'MEMBER_COMMUNICATION_18_3',
    adBriefMinAge: null,
    platformTargetingCriteria: [],
    startedAt: null,
    publishedTopic: null,
    firstContactOrDisclosure: false,
    tracking: false,
    ai: null,
    purposeCompatible: true,
  },
  context: {
    referenceDate: '2026-03-01T12:00:00Z',
    partyControllerName: 'Partij voor de Toekomst',
    jurisdiction: 'NL',
    votingAge: 18,
    consentPurposes: [
      {
        id: 'nieuwsbrief',
        name: 'Nieuwsbrief',
        political: true,
        politicalAdvertising: false,
        channels: ['EMAIL'],
        scopeUntil: null,
        refreshAfterMonths: null,
        recipients: [],
      },
    ],
    dpia: 'NONE',
    memberCommunicationOverride: false,
  },
});

type Row = [string, (f: GateFacts) => void, { path: string; check: FactsCheck }[]];

const rows: Row[] = [
  [
    'R-09: a member whose data were scraped',
    (f) => {
      f.person.source = { kind: 'SCRAPED', obtainedFromSubject: false, inferred: false };
    },
    [{ path: 'person.source.kind', check: 'MEMBER_FROM_SCRAPED_SOURCE' }],
  ],
  [
    'R-09: a former member whose data were scraped',
    (f) => {
      f.person.relation = 'FORMER_MEMBER';
      f.person.source = { kind: 'SCRAPED', obtainedFromSubject: false, inferred: false };
    },
    [{ path: 'person.source.kind', check: 'MEMBER_FROM_SCRAPED_SOURCE' }],
  ],
  [
    'R-55: data from the subject, yet not obtained from the subject',
    (f) => {
      f.person.source = { kind: 'DATA_SUBJECT', obtainedFromSubject: false, inferred: false };
    },
    [{ path: 'person.source.obtainedFromSubject', check: 'SOURCE_KIND_VS_OBTAINED_FROM_SUBJECT' }],
  ],
  [
    'R-10: a bought list, yet obtained from the subject',
    (f) => {
      f.person.relation = 'NONE';
      f.person.source = { kind: 'THIRD_PARTY_LIST', obtainedFromSubject: true, inferred: false };
    },
    [{ path: 'person.source.obtainedFromSubject', check: 'SOURCE_KIND_VS_OBTAINED_FROM_SUBJECT' }],
  ],
  [
    'R-18: a consent for a purpose the context does not define',
    (f) => {
      f.person.consents.push(consent({ purposeId: 'onbekend' }));
    },
    [{ path: 'person.consents.1.purposeId', check: 'CONSENT_PURPOSE_UNKNOWN' }],
  ],
  [
    'R-06: a processing relying on a purpose the context does not define',
    (f) => {
      f.processing.consentPurposeId = 'onbekend';
    },
    [{ path: 'processing.consentPurposeId', check: 'PROCESSING_PURPOSE_UNKNOWN' }],
  ],
  [
    'two consent purposes with the same id',
    (f) => {
      f.context.consentPurposes.push({ ...f.context.consentPurposes[0]!, name: 'Dubbel' });
    },
    [{ path: 'context.consentPurposes.1.id', check: 'CONSENT_PURPOSE_DUPLICATE' }],
  ],
  [
    'R-16: a consent withdrawn before it was given',
    (f) => {
      f.person.consents[0]!.withdrawnAt = '2026-01-09T10:00:00Z';
    },
    [{ path: 'person.consents.0.withdrawnAt', check: 'WITHDRAWN_BEFORE_GIVEN' }],
  ],
  [
    'R-17: a double opt-in confirmed before the consent was given',
    (f) => {
      f.person.consents[0]!.confirmedAt = '2026-01-10T09:59:00Z';
    },
    [{ path: 'person.consents.0.confirmedAt', check: 'CONFIRMED_BEFORE_GIVEN' }],
  ],
  [
    'R-06: a consent given after the reference date',
    (f) => {
      f.person.consents[0]!.givenAt = '2026-03-02';
      f.person.consents[0]!.confirmedAt = null;
    },
    [{ path: 'person.consents.0.givenAt', check: 'AFTER_REFERENCE_DATE' }],
  ],
  [
    'R-06: a processing that started after the reference date',
    (f) => {
      f.processing.startedAt = '2026-04-01';
    },
    [{ path: 'processing.startedAt', check: 'AFTER_REFERENCE_DATE' }],
  ],
  [
    'R-27: an objection recorded after the reference date',
    (f) => {
      f.person.objections.push({
        kind: 'DIRECT_MARKETING',
        activityId: null,
        overriddenByCompellingGrounds: false,
        at: '2026-03-01T12:00:01Z',
      });
    },
    [{ path: 'person.objections.0.at', check: 'AFTER_REFERENCE_DATE' }],
  ],
  [
    'R-19: born after the reference date',
    (f) => {
      f.person.birthDate = '2026-05-01';
      f.person.ageBand = null;
      f.person.consents = [];
    },
    [{ path: 'person.birthDate', check: 'BORN_AFTER_REFERENCE_DATE' }],
  ],
  [
    'R-19: a consent given before the person was born',
    (f) => {
      f.person.birthDate = '2026-01-20';
      f.person.ageBand = null;
    },
    [{ path: 'person.consents.0.givenAt', check: 'CONSENT_BEFORE_BIRTH' }],
  ],
  [
    'R-19: a negative age at consent',
    (f) => {
      f.person.birthDate = null;
      f.person.consents[0]!.ageAtConsent = -1;
    },
    [{ path: 'person.consents.0.ageAtConsent', check: 'AGE_NEGATIVE' }],
  ],
  [
    'R-19: an age at consent that the birth date rules out',
    (f) => {
      f.person.consents[0]!.ageAtConsent = 17;
    },
    [{ path: 'person.consents.0.ageAtConsent', check: 'AGE_AT_CONSENT_VS_BIRTH_DATE' }],
  ],
  [
    'R-78: an age band that the birth date rules out',
    (f) => {
      f.person.ageBand = '16-17';
    },
    [{ path: 'person.ageBand', check: 'AGE_BAND_VS_BIRTH_DATE' }],
  ],
  [
    'R-27: a direct-marketing objection overridden by compelling grounds (art 21(3))',
    (f) => {
      f.person.objections.push({
        kind: 'DIRECT_MARKETING',
        activityId: null,
        overriddenByCompellingGrounds: true,
        at: '2026-02-01',
      });
    },
    [{ path: 'person.objections.0.overriddenByCompellingGrounds', check: 'DM_OBJECTION_OVERRIDDEN' }],
  ],
  [
    'R-58: erased without the suppression entry erasure leaves',
    (f) => {
      f.person.erased = true;
    },
    [{ path: 'person.suppressed', check: 'ERASED_WITHOUT_SUPPRESSION' }],
  ],
  [
    'R-22: a custom audience without a recipient',
    (f) => {
      f.processing.kind = 'CUSTOM_AUDIENCE';
      f.processing.channel = 'ONLINE_AD';
    },
    [{ path: 'processing.recipient', check: 'RECIPIENT_REQUIRED' }],
  ],
  [
    'R-23: a lookalike without a recipient',
    (f) => {
      f.processing.kind = 'LOOKALIKE';
    },
    [{ path: 'processing.recipient', check: 'RECIPIENT_REQUIRED' }],
  ],
  [
    'R-67: kind TRACKING without tracking',
    (f) => {
      f.processing.kind = 'TRACKING';
      f.processing.channel = 'WEBSITE';
    },
    [{ path: 'processing.tracking', check: 'TRACKING_KIND_WITHOUT_TRACKING' }],
  ],
  [
    'R-82: kind AI_INTERACTION without AI facts',
    (f) => {
      f.processing.kind = 'AI_INTERACTION';
    },
    [{ path: 'processing.ai', check: 'AI_KIND_WITHOUT_INTERACTION' }],
  ],
  [
    'R-70: a message without a channel',
    (f) => {
      f.processing.channel = 'NONE';
    },
    [{ path: 'processing.channel', check: 'MESSAGE_WITHOUT_CHANNEL' }],
  ],
  [
    'every problem is reported, not the first one found',
    (f) => {
      f.person.source = { kind: 'SCRAPED', obtainedFromSubject: true, inferred: false };
      f.person.consents[0]!.withdrawnAt = '2025-01-01';
      f.processing.consentPurposeId = 'onbekend';
    },
    [
      { path: 'person.source.kind', check: 'MEMBER_FROM_SCRAPED_SOURCE' },
      { path: 'person.source.obtainedFromSubject', check: 'SOURCE_KIND_VS_OBTAINED_FROM_SUBJECT' },
      { path: 'processing.consentPurposeId', check: 'PROCESSING_PURPOSE_UNKNOWN' },
      { path: 'person.consents.0.withdrawnAt', check: 'WITHDRAWN_BEFORE_GIVEN' },
    ],
  ],
];

// Unusual or unlawful facts are for the gate to decide, not contradictions.
const notContradictions: [string, (f: GateFacts) => void][] = [
  ['the consistent base document', () => {}],
  [
    'R-35: a processor with an art 26 arrangement but no art 28 agreement',
    (f) => {
      f.processing.kind = 'EXPORT';
      f.processing.recipient = {
        name: 'Drukkerij Voorbeeld',
        role: 'PROCESSOR',
        registered: true,
        vetted: true,
        processorAgreementComplete: false,
        art26Arrangement: true,
        platform: false,
        outsideEea: false,
        transferMechanism: false,
      };
    },
  ],
  [
    'R-13: a pre-ticked, bundled consent',
    (f) => {
      f.person.consents[0]!.captureDefects = ['PRE_TICKED'];
      f.person.consents[0]!.purposesInAction = 3;
    },
  ],
  [
    'R-19: an age at consent counted from the birth year (one year younger)',
    (f) => {
      f.person.consents[0]!.ageAtConsent = 33;
    },
  ],
  [
    'R-58: an erased person matching the suppression list',
    (f) => {
      f.person.erased = true;
      f.person.suppressed = ['ERASURE_REQUEST'];
    },
  ],
  [
    'R-27: a direct-marketing objection tied to the campaign it came from',
    (f) => {
      f.person.objections.push({
        kind: 'DIRECT_MARKETING',
        activityId: 'act-nieuwsbrief',
        overriddenByCompellingGrounds: false,
        at: '2026-02-01',
      });
    },
  ],
  [
    'a withdrawal at the reference instant itself',
    (f) => {
      f.person.consents[0]!.withdrawnAt = '2026-03-01T12:00:00Z';
    },
  ],
];

describe('facts document contradictions (ASSESSMENT_FACTS_CONTRADICTORY)', () => {
  it.each(rows)('%s', (_name, change, expected) => {
    const f = base();
    change(f);
    const found = factsProblems(f);
    expect(found.map(({ path, check }) => ({ path, check }))).toEqual(expected);
    for (const p of found) {
      expect(p.nl).toBe(FACTS_CHECKS[p.check].nl);
      expect(p.en).toBe(FACTS_CHECKS[p.check].en);
    }
  });

  it.each(notContradictions)('not a contradiction: %s', (_name, change) => {
    const f = base();
    change(f);
    expect(factsProblems(f)).toEqual([]);
  });

  it('every check has a row that proves it', () => {
    const proven = new Set(rows.flatMap(([, , e]) => e.map((x) => x.check)));
    expect([...proven].sort()).toEqual(Object.keys(FACTS_CHECKS).sort());
  });

  it.each([
    ['1991-06-15', '2026-06-14T21:59:00Z', 34],
    ['1991-06-15', '2026-06-14T22:00:00Z', 35], // midnight in Amsterdam (UTC+2)
    ['2008-02-29', '2026-02-28T12:00:00Z', 17],
    ['2008-02-29', '2026-03-01T12:00:00Z', 18],
  ])('R-19: age from %s at %s is %i (Dutch calendar)', (birth, at, age) => {
    expect(ageOn(birth, Date.parse(at))).toBe(age);
  });
});
