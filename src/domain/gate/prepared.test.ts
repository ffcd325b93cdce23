/**
 * The prepared gate (C.0: one decision function): `prepareAssess(processing, context)` applied to a
 * person decides exactly as `assess` does on the whole document, also when it remembers decisions and
 * consent verdicts between persons (decision-key.ts). Checked on fast-check generated processings and
 * crowds of generated persons that share a processing, with times spread around the reference date, the
 * processing start and the lapse boundaries, ages around the voting age,
 * objections, restrictions, suppression and erasure (R-27, R-58…R-60), and sources.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, prepareAssess } from './assess.js';
import {
  consent,
  context,
  PARTY,
  PLATFORM,
  PURPOSES,
  person,
  platform,
  processing,
  processor,
} from './fixtures.js';
import { readsAge } from './ttpa.js';
import {
  AD_CLASSES,
  GATE_RELATIONS,
  type GateConsent,
  type GateContext,
  type PersonFacts,
  PROCESSING_CHANNELS,
  PROCESSING_KINDS,
  type ProcessingFacts,
} from './types.js';

const purposeIds = [...Object.values(PURPOSES).map((p) => p.id), 'p-unknown'];
const REF = Date.parse('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;
/** Instants from 30 months before to 2 days after the reference date, to the millisecond. */
const instant = fc.integer({ min: -30 * 31 * DAY, max: 2 * DAY }).map((d) => new Date(REF + d).toISOString());
const nullableInstant = fc.option(instant, { freq: 2 });

const consentArb: fc.Arbitrary<GateConsent> = fc
  .record({
    purposeId: fc.constantFrom(...purposeIds),
    explicit: fc.boolean(),
    textRecorded: fc.boolean(),
    channel: fc.constantFrom('PAPER', 'WEB_FORM', 'DOORSTEP', null),
    givenAt: nullableInstant,
    confirmedAt: nullableInstant,
    withdrawnAt: fc.option(instant, { freq: 3 }),
    defects: fc.subarray(['PRE_TICKED', 'BUNDLED_WITH_OTHER_PURPOSES', 'CONDITION_OF_SERVICE'] as const),
    purposesInAction: fc.integer({ min: 1, max: 2 }),
    age: fc.option(fc.integer({ min: 12, max: 20 })),
    guardian: fc.boolean(),
    names: fc.constantFrom([PARTY], [PARTY, PLATFORM], ['Iemand anders'], [PARTY, 'Mailverwerker B.V.']),
  })
  .map((r) =>
    consent(r.purposeId, {
      explicit: r.explicit,
      textRecorded: r.textRecorded,
      channel: r.channel as GateConsent['channel'],
      givenAt: r.givenAt,
      confirmedAt: r.confirmedAt,
      withdrawnAt: r.withdrawnAt,
      captureDefects: [...r.defects],
      purposesInAction: r.purposesInAction,
      ageAtConsent: r.age,
      guardianConfirmedAt: r.guardian ? '2025-01-01T00:00:00.000Z' : null,
      controllerNames: [...r.names],
    }),
  );

const personArb: fc.Arbitrary<PersonFacts> = fc
  .record({
    relation: fc.constantFrom(...GATE_RELATIONS),
    consents: fc.array(consentArb, { maxLength: 3 }),
    objection: fc.constantFrom(null, 'DM', 'PS-act', 'PS-all', 'PS-overridden', 'PS-other'),
    erased: fc.boolean(),
    restricted: fc.constantFrom(null, [], ['act-1'], ['act-2']),
    suppressed: fc.subarray([
      'CONSENT_WITHDRAWN',
      'ERASURE_REQUEST',
      'OBJECTION_21_1',
      'OBJECTION_DM',
    ] as const),
    sourceKind: fc.constantFrom(
      'DATA_SUBJECT',
      'MEMBER_ADMIN',
      'THIRD_PARTY_LIST',
      'SCRAPED',
      'PLATFORM_EXPORT',
    ),
    obtainedFromSubject: fc.boolean(),
    inferred: fc.boolean(),
    originDocumented: fc.constantFrom(undefined, true, false),
    art14: nullableInstant,
    birthDate: fc.option(
      fc.constantFrom('1980-05-05', '2008-02-29', '2008-03-01', '2008-03-02', '2009-03-01'),
    ),
    ageBand: fc.constantFrom(null, '16-17', '18-24', '75+'),
    minorSignal: fc.boolean(),
    permissions: fc.subarray(['EMAIL', 'SMS'] as const),
    publicTopic: fc.constantFrom(null, 'klimaat', 'wonen'),
    publicAct: fc.constantFrom('PUBLIC_STATEMENT_OWN_NAME', 'LIKE', 'CANDIDACY') as fc.Arbitrary<
      'PUBLIC_STATEMENT_OWN_NAME' | 'LIKE' | 'CANDIDACY'
    >,
  })
  .map((r) =>
    person({
      relation: r.relation,
      consents: r.consents,
      objections:
        r.objection === null
          ? []
          : [
              {
                kind: r.objection === 'DM' ? 'DIRECT_MARKETING' : 'PARTICULAR_SITUATION',
                activityId:
                  r.objection === 'PS-act' || r.objection === 'PS-overridden'
                    ? 'act-1'
                    : r.objection === 'PS-other'
                      ? 'act-2'
                      : null,
                overriddenByCompellingGrounds: r.objection === 'PS-overridden',
                at: '2026-01-01T00:00:00.000Z',
              },
            ],
      erased: r.erased,
      restrictedActivityIds: r.restricted === null ? null : [...r.restricted],
      suppressed: [...r.suppressed],
      source: {
        kind: r.sourceKind,
        obtainedFromSubject: r.obtainedFromSubject,
        inferred: r.inferred,
        ...(r.originDocumented === undefined ? {} : { originDocumented: r.originDocumented }),
      },
      art14InformedAt: r.art14,
      birthDate: r.birthDate,
      ageBand: r.ageBand,
      minorSignal: r.minorSignal,
      channelPermissionsByRelationship: [...r.permissions],
      publicEvidence:
        r.publicTopic === null
          ? []
          : [{ act: r.publicAct, audienceUnrestricted: true, topic: r.publicTopic }],
    }),
  );

const setupArb: fc.Arbitrary<{ processing: ProcessingFacts; context: GateContext }> = fc
  .record({
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
    criteria: fc.array(
      fc.record({
        key: fc.constantFrom('branch', 'membership', `consent:${PURPOSES.politicalAds.id}`, 'score'),
        dataClass: fc.constantFrom('ordinary', 'political', 'special'),
        proxyRisk: fc.constantFrom('none', 'low', 'high'),
        inferred: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    politicalData: fc.boolean(),
    directMarketing: fc.boolean(),
    startedAt: nullableInstant,
    publishedTopic: fc.constantFrom(null, 'klimaat'),
    activityId: fc.constantFrom('act-1', null),
    dpia: fc.constantFrom('NONE', 'APPROVED', 'HIGH_RESIDUAL_RISK'),
    override: fc.boolean(),
    refreshAfterMonths: fc.constantFrom(null, 6),
    scopeUntil: fc.constantFrom(null, '2026-02-28', '2026-03-01'),
    votingAge: fc.constantFrom(18, 16),
  })
  .map((r) => ({
    processing: processing({
      kind: r.kind,
      channel: r.channel,
      adClass: r.adClass,
      consentPurposeId: r.consentPurposeId,
      recipient: r.recipient,
      criteria: r.criteria,
      politicalData: r.politicalData,
      directMarketing: r.directMarketing,
      startedAt: r.startedAt,
      publishedTopic: r.publishedTopic,
      activityId: r.activityId,
    }),
    context: context({
      dpia: r.dpia,
      memberCommunicationOverride: r.override,
      votingAge: r.votingAge,
      consentPurposes: Object.values(PURPOSES).map((p, i) =>
        i === 1 ? { ...p, refreshAfterMonths: r.refreshAfterMonths, scopeUntil: r.scopeUntil } : p,
      ),
    }),
  }));

/**
 * Crowds whose persons share a few base profiles and differ only in times and ages: their decision and
 * consent keys collide often, so a key that forgot a distinction the rules make would show here.
 */
const crowdArb: fc.Arbitrary<PersonFacts[]> = fc
  .tuple(
    fc.array(personArb, { minLength: 1, maxLength: 3 }),
    fc.array(
      fc.record({
        base: fc.nat(),
        relation: fc.constantFrom(...GATE_RELATIONS),
        givenAt: nullableInstant,
        confirmedAt: nullableInstant,
        withdrawnAt: fc.option(instant, { freq: 2 }),
        art14: nullableInstant,
        birthDate: fc.option(
          fc
            .integer({ min: -20 * 366, max: 0 })
            .map((d) => new Date(REF - 16 * 365.25 * DAY + d * DAY).toISOString().slice(0, 10)),
        ),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  )
  .map(([bases, variants]) =>
    variants.map((v) => {
      const b = bases[v.base % bases.length]!;
      return {
        ...b,
        relation: v.relation,
        art14InformedAt: v.art14,
        birthDate: v.birthDate,
        consents: b.consents.map((c) => ({
          ...c,
          givenAt: v.givenAt,
          confirmedAt: v.confirmedAt,
          withdrawnAt: v.withdrawnAt,
        })),
      };
    }),
  );

describe('prepareAssess (C.0: the same decision function as assess)', () => {
  it('C.0: memoised, prepared and direct decisions are equal for every person of a crowd', () => {
    fc.assert(
      fc.property(setupArb, fc.array(personArb, { minLength: 1, maxLength: 40 }), (setup, crowd) => {
        const memo = prepareAssess(setup.processing, setup.context);
        const plain = prepareAssess(setup.processing, setup.context, { memo: false });
        // every person twice (the second time from the memo), in two orders
        for (const p of [...crowd, ...[...crowd].reverse()]) {
          const direct = assess({ person: p, processing: setup.processing, context: setup.context });
          expect(memo(p)).toEqual(direct);
          expect(plain(p)).toEqual(direct);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('C.0: persons who differ only in times and ages are decided as assess decides them (R-06, R-16, R-17, R-20, R-55, R-78)', () => {
    fc.assert(
      fc.property(setupArb, crowdArb, (setup, crowd) => {
        const memo = prepareAssess(setup.processing, setup.context);
        for (const p of crowd) {
          expect(memo(p)).toEqual(
            assess({ person: p, processing: setup.processing, context: setup.context }),
          );
        }
      }),
      { numRuns: 600 },
    );
  });

  it('C.0: a remembered decision cannot be changed by a caller', () => {
    const gate = prepareAssess(processing(), context());
    const d = gate(person());
    expect(Object.isFrozen(d) && Object.isFrozen(d.reasons)).toBe(true);
    expect(gate(person())).toBe(d);
  });

  it('R-78: when readsAge is false the age facts change no decision (the birth date need not be read)', () => {
    fc.assert(
      fc.property(setupArb, personArb, (setup, p) => {
        fc.pre(!readsAge(setup.processing));
        const f = { person: p, processing: setup.processing, context: setup.context };
        const ageless = { ...p, birthDate: null, ageBand: null, minorSignal: false };
        expect(assess({ ...f, person: ageless })).toEqual(assess(f));
      }),
      { numRuns: 400 },
    );
  });
});
