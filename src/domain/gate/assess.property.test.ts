/**
 * Properties of the legal gate over generated facts documents (fast-check): monotonicity — withdrawing a
 * consent, adding an objection or a restriction, marking erased, lowering an age or removing a processor
 * agreement never makes more processing allowed (reasons only grow; …R-60,
 * R-78); allowed ⇔ no reasons and no basis when refused (C.0); deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { consent, facts, PURPOSES, platform, processor, REFERENCE_DATE } from './fixtures.js';
import {
  AD_CLASSES,
  GATE_RELATIONS,
  type GateConsent,
  type GateCriterion,
  type GateFacts,
  PROCESSING_CHANNELS,
  PROCESSING_KINDS,
} from './types.js';

const purposeIds = Object.values(PURPOSES).map((p) => p.id);

const consentArb: fc.Arbitrary<GateConsent> = fc
  .record({
    purposeId: fc.constantFrom(...purposeIds),
    explicit: fc.boolean(),
    textRecorded: fc.boolean(),
    preTicked: fc.boolean(),
    bundled: fc.boolean(),
    age: fc.option(fc.integer({ min: 10, max: 80 })),
    withdrawn: fc.boolean(),
    givenAt: fc.constantFrom(
      '2023-01-01T10:00:00.000Z',
      '2025-06-01T10:00:00.000Z',
      '2026-02-20T10:00:00.000Z',
    ),
  })
  .map((r) =>
    consent(r.purposeId, {
      explicit: r.explicit,
      textRecorded: r.textRecorded,
      captureDefects: r.preTicked ? ['PRE_TICKED'] : [],
      purposesInAction: r.bundled ? 2 : 1,
      ageAtConsent: r.age,
      withdrawnAt: r.withdrawn ? '2026-02-25T10:00:00.000Z' : null,
      givenAt: r.givenAt,
    }),
  );

const criterionArb: fc.Arbitrary<GateCriterion> = fc.record({
  key: fc.constantFrom('branch', 'membership', `consent:${PURPOSES.politicalAds.id}`, 'tag:klimaat', 'score'),
  dataClass: fc.constantFrom('ordinary', 'political', 'special'),
  proxyRisk: fc.constantFrom('none', 'low', 'high'),
  inferred: fc.boolean(),
});

const factsArb: fc.Arbitrary<GateFacts> = fc
  .record({
    relation: fc.constantFrom(...GATE_RELATIONS),
    consents: fc.array(consentArb, { maxLength: 3 }),
    kind: fc.constantFrom(...PROCESSING_KINDS),
    channel: fc.constantFrom(...PROCESSING_CHANNELS),
    adClass: fc.constantFrom(...AD_CLASSES),
    consentPurposeId: fc.option(fc.constantFrom(...purposeIds)),
    recipient: fc.constantFrom(
      null,
      processor(),
      platform(),
      processor({ role: 'CONTROLLER', name: 'Zusterstichting' }),
    ),
    criteria: fc.array(criterionArb, { maxLength: 2 }),
    politicalData: fc.boolean(),
    directMarketing: fc.boolean(),
    birthDate: fc.option(fc.constantFrom('1980-05-05', '2008-06-01', '2009-06-01', '2012-01-01')),
    sourceKind: fc.constantFrom('DATA_SUBJECT', 'MEMBER_ADMIN', 'THIRD_PARTY_LIST', 'PUBLIC_SOURCE'),
    obtainedFromSubject: fc.boolean(),
    emailPermission: fc.boolean(),
    dpia: fc.constantFrom('NONE', 'APPROVED', 'HIGH_RESIDUAL_RISK', 'PRIOR_CONSULTATION_DONE'),
    override: fc.boolean(),
  })
  .map((r) =>
    facts({
      person: {
        relation: r.relation,
        consents: r.consents,
        birthDate: r.birthDate,
        source: { kind: r.sourceKind, obtainedFromSubject: r.obtainedFromSubject, inferred: false },
        channelPermissionsByRelationship: r.emailPermission ? ['EMAIL'] : [],
      },
      processing: {
        kind: r.kind,
        channel: r.channel,
        adClass: r.adClass,
        consentPurposeId: r.consentPurposeId,
        recipient: r.recipient,
        criteria: r.criteria,
        politicalData: r.politicalData,
        directMarketing: r.directMarketing,
      },
      context: { dpia: r.dpia, memberCommunicationOverride: r.override },
    }),
  );

type Mutation = (f: GateFacts) => GateFacts;
const person = (f: GateFacts, p: Partial<GateFacts['person']>): GateFacts => ({
  ...f,
  person: { ...f.person, ...p },
});

const MUTATIONS: [string, Mutation][] = [
  [
    'R-16: withdrawing every consent',
    (f) => person(f, { consents: f.person.consents.map((c) => ({ ...c, withdrawnAt: REFERENCE_DATE })) }),
  ],
  [
    'R-27: adding an objection to direct marketing',
    (f) =>
      person(f, {
        objections: [
          ...f.person.objections,
          {
            kind: 'DIRECT_MARKETING',
            activityId: null,
            overriddenByCompellingGrounds: false,
            at: REFERENCE_DATE,
          },
        ],
      }),
  ],
  [
    'R-60: adding an art 21(1) objection to the activity',
    (f) =>
      person(f, {
        objections: [
          ...f.person.objections,
          {
            kind: 'PARTICULAR_SITUATION',
            activityId: f.processing.activityId,
            overriddenByCompellingGrounds: false,
            at: REFERENCE_DATE,
          },
        ],
      }),
  ],
  ['R-59: adding a restriction', (f) => person(f, { restrictedActivityIds: [] })],
  ['R-58: marking erased', (f) => person(f, { erased: true })],
  ['R-78: lowering the age (a later birth date)', (f) => person(f, { birthDate: '2010-01-01' })],
  [
    'R-19: lowering the age at consent',
    (f) => person(f, { consents: f.person.consents.map((c) => ({ ...c, ageAtConsent: 12 })) }),
  ],
  [
    'R-35: removing the processor agreement',
    (f) =>
      f.processing.recipient === null
        ? f
        : {
            ...f,
            processing: {
              ...f.processing,
              recipient: { ...f.processing.recipient, processorAgreementComplete: false },
            },
          },
  ],
];

describe('assess properties', () => {
  it.each(MUTATIONS)('%s never makes more processing allowed; reasons only grow', (_name, mutate) => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const before = assess(f);
        const after = assess(mutate(f));
        if (!before.allowed) expect(after.allowed).toBe(false);
        for (const r of before.reasons) expect(after.reasons).toContain(r);
      }),
      { numRuns: 300 },
    );
  });

  it('C.0: allowed exactly when reasons is empty; no basis when refused or no special-category data', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const d = assess(f);
        expect(d.allowed).toBe(d.reasons.length === 0);
        if (!d.allowed || !d.specialCategory) expect(d.basis).toBeNull();
        if (d.allowed && d.specialCategory) expect(d.basis).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('C.0: deterministic — the same document gives the same decision', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        expect(assess(structuredClone(f))).toEqual(assess(f));
      }),
      { numRuns: 200 },
    );
  });
});
