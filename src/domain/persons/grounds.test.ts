import { describe, expect, it } from 'vitest';
import { checkPublicEvidence, regularContactSufficient } from './evidence.js';
import {
  classifyDefinition,
  effectiveClass,
  proxyRiskFloor,
  reclassifyProblem,
} from './field-definitions.js';
import {
  checkBasisForJurisdiction,
  checkPoliticalWrite,
  DEFAULT_FORMER_MEMBER_RETENTION_MONTHS,
  deriveGrounds,
  type GroundFacts,
} from './grounds.js';
import type { ConsentGroundFact, Membership, PublicEvidence, RegularContactEvidence } from './types.js';

const NOW = new Date('2026-05-01T10:00:00Z');

const none: GroundFacts = {
  memberships: [],
  regularContactEvidence: [],
  publicEvidence: [],
  consents: [],
  formerMemberRetentionMonths: DEFAULT_FORMER_MEMBER_RETENTION_MONTHS,
};
const member = (p: Partial<Membership> = {}): Membership => ({
  id: 'm1',
  status: 'active',
  since: '2020-01-01',
  until: null,
  branchId: null,
  ...p,
});
const contact = (p: Partial<RegularContactEvidence> = {}): RegularContactEvidence => ({
  id: 'r1',
  kind: 'ACTIVE_VOLUNTEER',
  occurrences: ['2026-03-01', '2026-03-08'],
  description: 'Folderen in de wijk',
  recordedBy: 'u1',
  recordedAt: NOW,
  retractedAt: null,
  ...p,
});
const statement = (p: Partial<PublicEvidence> = {}): PublicEvidence => ({
  id: 'e1',
  url: 'https://krant.voorbeeld.invalid/ingezonden/123',
  capturedAt: new Date('2026-04-01T09:00:00Z'),
  quote: 'Ik steun de Partij voor de Polder.',
  activeAct: 'PUBLIC_STATEMENT_OWN_NAME',
  audienceUnrestricted: true,
  captureMethod: 'schermafdruk',
  reviewedBy: 'u1',
  reviewedAt: NOW,
  topic: 'steun voor de partij',
  ...p,
});
const consent = (p: Partial<ConsentGroundFact> = {}): ConsentGroundFact => ({
  consentId: 'c1',
  purposeId: 'p1',
  purposeName: 'Nieuwsbrief met standpunten',
  explicit: true,
  givenAt: new Date('2026-02-01T12:00:00Z'),
  status: 'valid',
  reasons: [],
  ...p,
});

describe('deriveGrounds', () => {
  it('R-01: a new person with no records holds NONE (the default) and is a non-member', () => {
    expect(deriveGrounds(none, NOW)).toEqual({
      grounds: [],
      primary: 'NONE',
      relation: 'non_member',
      cautions: [],
    });
  });

  it.each([
    ['active since 2020', member(), 'MEMBER_9_2_D', 'member'],
    ['suspended, still a member', member({ status: 'suspended' }), 'MEMBER_9_2_D', 'member'],
    [
      'notice given, ends later this year',
      member({ status: 'ended', until: '2026-12-31' }),
      'MEMBER_9_2_D',
      'member',
    ],
    ['starts next month', member({ since: '2026-06-01' }), 'NONE', 'non_member'],
    [
      'ended last year',
      member({ status: 'ended', until: '2025-06-30' }),
      'FORMER_MEMBER_9_2_D',
      'former_member',
    ],
    [
      'ended yesterday',
      member({ status: 'ended', until: '2026-04-30' }),
      'FORMER_MEMBER_9_2_D',
      'former_member',
    ],
    [
      'end date passed, status not updated',
      member({ until: '2025-01-31' }),
      'FORMER_MEMBER_9_2_D',
      'former_member',
    ],
    ['ended 2 years + 1 day ago', member({ status: 'ended', until: '2024-04-30' }), 'NONE', 'former_member'],
    [
      'ended exactly 2 years ago today',
      member({ status: 'ended', until: '2024-05-01' }),
      'NONE',
      'former_member',
    ],
    [
      'ended 2 years − 1 day ago',
      member({ status: 'ended', until: '2024-05-02' }),
      'FORMER_MEMBER_9_2_D',
      'former_member',
    ],
    ['ended without end date', member({ status: 'ended', until: null }), 'NONE', 'former_member'],
  ])('R-04: membership %s → %s (%s)', (_why, m, primary, relation) => {
    const r = deriveGrounds({ ...none, memberships: [m] }, NOW);
    expect([r.primary, r.relation]).toEqual([primary, relation]);
  });

  it('R-04: MEMBER_9_2_D names the membership as evidence, with since', () => {
    expect(deriveGrounds({ ...none, memberships: [member()] }, NOW).grounds).toEqual([
      {
        ground: 'MEMBER_9_2_D',
        evidenceKind: 'membership',
        evidenceId: 'm1',
        since: new Date('2020-01-01T00:00:00Z'),
        until: null,
      },
    ]);
  });

  it('R-04 + R-50: FORMER_MEMBER_9_2_D runs from the end date until the retention period ends, with a caution', () => {
    const r = deriveGrounds(
      { ...none, memberships: [member({ status: 'ended', until: '2025-06-30' })] },
      NOW,
    );
    expect(r.grounds).toEqual([
      expect.objectContaining({ ground: 'FORMER_MEMBER_9_2_D', since: new Date('2025-06-30T00:00:00Z') }),
    ]);
    expect(r.grounds[0]!.until!.toISOString().slice(0, 10)).toBe('2027-06-30');
    expect(r.cautions).toEqual(['FORMER_MEMBER']);
  });

  it('R-50: the retention period for former members is a setting (12 months)', () => {
    const r = deriveGrounds(
      {
        ...none,
        memberships: [member({ status: 'ended', until: '2025-03-31' })],
        formerMemberRetentionMonths: 12,
      },
      NOW,
    );
    expect(r.primary).toBe('NONE');
    expect(r.cautions).toEqual(['FORMER_MEMBER_EXPIRED']);
  });

  it('R-04: an ended membership without end date gives no ground and says why', () => {
    expect(deriveGrounds({ ...none, memberships: [member({ status: 'ended' })] }, NOW).cautions).toEqual([
      'MEMBERSHIP_END_MISSING',
    ]);
  });

  it('R-04: a re-joined former member is a member again (the current membership wins)', () => {
    const r = deriveGrounds(
      {
        ...none,
        memberships: [
          member({ id: 'old', status: 'ended', until: '2023-01-01' }),
          member({ id: 'new', since: '2025-01-01' }),
        ],
      },
      NOW,
    );
    expect(r.grounds.map((g) => [g.ground, g.evidenceId])).toEqual([['MEMBER_9_2_D', 'new']]);
    expect(r.relation).toBe('member');
  });

  it('R-04: an active volunteer with two shifts is a regular contact, with the caution badge', () => {
    const r = deriveGrounds({ ...none, regularContactEvidence: [contact()] }, NOW);
    expect([r.primary, r.relation, r.cautions]).toEqual([
      'REGULAR_CONTACT_9_2_D',
      'regular_contact',
      ['REGULAR_CONTACT'],
    ]);
    expect(r.grounds[0]).toMatchObject({
      evidenceKind: 'regular_contact',
      evidenceId: 'r1',
      since: new Date('2026-03-08T00:00:00Z'),
    });
  });

  it('R-04: a contact whose only link is one petition signature holds no ground', () => {
    const r = deriveGrounds(
      {
        ...none,
        regularContactEvidence: [contact({ kind: 'PETITION_SIGNATURE', occurrences: ['2026-03-01'] })],
      },
      NOW,
    );
    expect([r.primary, r.relation]).toEqual(['NONE', 'non_member']);
  });

  it('R-04: retracted evidence no longer counts', () => {
    const r = deriveGrounds({ ...none, regularContactEvidence: [contact({ retractedAt: NOW })] }, NOW);
    expect(r.primary).toBe('NONE');
  });

  it.each([
    ['valid', true, 'EXPLICIT_CONSENT_9_2_A'],
    ['pending_confirmation', true, 'NONE'],
    ['invalid', true, 'NONE'],
    ['withdrawn', true, 'NONE'],
    ['lapsed', true, 'NONE'],
    ['valid', false, 'NONE'],
  ] as const)('R-06/R-17: a consent %s (explicit %s) → %s', (status, explicit, primary) => {
    expect(deriveGrounds({ ...none, consents: [consent({ status, explicit })] }, NOW).primary).toBe(primary);
  });

  it('R-07: reviewed public evidence of an own public statement → MANIFESTLY_PUBLIC_9_2_E', () => {
    expect(deriveGrounds({ ...none, publicEvidence: [statement()] }, NOW).grounds).toEqual([
      {
        ground: 'MANIFESTLY_PUBLIC_9_2_E',
        evidenceKind: 'public_evidence',
        evidenceId: 'e1',
        since: new Date('2026-04-01T09:00:00Z'),
        until: null,
      },
    ]);
  });

  it.each([
    ['not reviewed', { reviewedBy: null }],
    ['restricted audience', { audienceUnrestricted: false }],
    ['a like', { activeAct: 'LIKE' as never }],
    ['retracted', { retractedAt: NOW }],
  ])('R-07: public evidence %s gives no ground', (_why, p) => {
    expect(deriveGrounds({ ...none, publicEvidence: [statement(p)] }, NOW).primary).toBe('NONE');
  });

  it('Appendix C.0: grounds are reported in the order 9(2)(d), 9(2)(a), 9(2)(e); the first is primary', () => {
    const r = deriveGrounds(
      {
        ...none,
        memberships: [member()],
        regularContactEvidence: [contact()],
        publicEvidence: [statement()],
        consents: [consent()],
      },
      NOW,
    );
    expect(r.grounds.map((g) => g.ground)).toEqual([
      'MEMBER_9_2_D',
      'REGULAR_CONTACT_9_2_D',
      'EXPLICIT_CONSENT_9_2_A',
      'MANIFESTLY_PUBLIC_9_2_E',
    ]);
    expect(r.primary).toBe('MEMBER_9_2_D');
    const ae = deriveGrounds({ ...none, publicEvidence: [statement()], consents: [consent()] }, NOW);
    expect(ae.primary).toBe('EXPLICIT_CONSENT_9_2_A');
  });
});

describe('R-04 regularContactSufficient', () => {
  it.each([
    ['ACTIVE_VOLUNTEER', ['2026-03-01', '2026-03-08'], '', []],
    ['RECURRING_DONOR', ['2026-01-01', '2026-02-01', '2026-03-01'], '', []],
    ['ACTIVE_VOLUNTEER', ['2026-03-01'], '', ['single_occurrence']],
    ['ACTIVE_VOLUNTEER', ['2026-03-01', '2026-03-01'], '', ['single_occurrence']],
    ['PETITION_SIGNATURE', ['2026-03-01'], '', ['single_occurrence']],
    ['EVENT_ATTENDANCE', ['2026-03-01'], '', ['single_occurrence']],
    ['EVENT_ATTENDANCE', ['2026-03-01', '2026-03-02'], '', ['not_spread']],
    ['EVENT_ATTENDANCE', ['2025-10-01', '2026-03-02'], '', []],
    ['PETITION_SIGNATURE', ['2025-06-01', '2026-02-01'], '', []],
    ['SUBSCRIBER', ['2026-01-01', '2026-04-01'], '', []],
    ['CORRESPONDENCE', ['2026-01-01', '2026-04-01'], 'brief', ['purpose_not_described']],
    ['CORRESPONDENCE', ['2026-01-01', '2026-04-01'], 'Briefwisseling over het verkiezingsprogramma', []],
    ['OTHER', ['2026-01-01', '2026-04-01'], '', ['purpose_not_described']],
    ['ACTIVE_VOLUNTEER', ['2026-03-01', '2026-06-01'], '', ['future_occurrence', 'single_occurrence']],
    ['ACTIVE_VOLUNTEER', ['2026-03-01', 'maart'], '', ['invalid_occurrence', 'single_occurrence']],
  ] as const)('%s %j (%s) → %j', (kind, occurrences, description, problems) => {
    const r = regularContactSufficient(
      { kind, occurrences: [...occurrences], description, retractedAt: null },
      NOW,
    );
    expect(r).toEqual({ sufficient: problems.length === 0, problems });
  });

  it('R-04: retracted evidence is insufficient', () => {
    expect(regularContactSufficient(contact({ retractedAt: NOW }), NOW).problems).toEqual(['retracted']);
  });
});

describe('R-07 checkPublicEvidence', () => {
  const ok = {
    url: 'https://krant.voorbeeld.invalid/artikel',
    quote: 'Ik stem op de Partij voor de Polder',
    capturedAt: new Date('2026-04-01T00:00:00Z'),
    activeAct: 'PUBLIC_STATEMENT_OWN_NAME',
    audienceUnrestricted: true,
    reviewedBy: 'u1',
  };
  it.each([
    'PUBLIC_STATEMENT_OWN_NAME',
    'CANDIDACY',
    'PUBLIC_OFFICE',
    'PUBLISHED_ARTICLE',
    'OTHER_DOCUMENTED',
  ])('R-07: %s with a snapshot, unlimited audience and a reviewer qualifies', (activeAct) => {
    expect(checkPublicEvidence({ ...ok, activeAct }, NOW)).toEqual({ code: null, problems: [] });
  });
  it.each(['LIKE', 'FOLLOW', 'SHARE', 'GROUP_MEMBERSHIP', 'SITE_VISIT', 'SCRAPED'])(
    'R-07 (CJEU C-252/21): activeAct %s → NOT_MANIFESTLY_PUBLIC',
    (activeAct) => {
      expect(checkPublicEvidence({ ...ok, activeAct }, NOW)).toEqual({
        code: 'NOT_MANIFESTLY_PUBLIC',
        problems: [`activeAct:${activeAct}`],
      });
    },
  );
  it.each([
    ['audienceUnrestricted=false', { audienceUnrestricted: false }, ['audience_restricted']],
    ['no url', { url: null }, ['url']],
    ['not a web address', { url: 'ftp://x.nl/a' }, ['url']],
    ['no quote', { quote: '  ' }, ['quote']],
    ['no capture time', { capturedAt: null }, ['capturedAt']],
    ['captured in the future', { capturedAt: new Date('2026-06-01T00:00:00Z') }, ['capturedAt_future']],
    ['no reviewer', { reviewedBy: null }, ['reviewer']],
    [
      'a like, friends only',
      { activeAct: 'LIKE', audienceUnrestricted: false },
      ['activeAct:LIKE', 'audience_restricted'],
    ],
  ])('R-07: %s → NOT_MANIFESTLY_PUBLIC naming every problem', (_why, p, problems) => {
    expect(checkPublicEvidence({ ...ok, ...p }, NOW)).toEqual({ code: 'NOT_MANIFESTLY_PUBLIC', problems });
  });
});

describe('R-01 checkPoliticalWrite', () => {
  const held = (facts: Partial<GroundFacts>) => deriveGrounds({ ...none, ...facts }, NOW);
  it.each([
    ['NONE, political tag', held({}), 'political', null, ['NO_EXPLICIT_CONSENT']],
    ['NONE, ordinary tag', held({}), 'ordinary', null, []],
    ['member, political', held({ memberships: [member()] }), 'political', null, []],
    ['regular contact, political', held({ regularContactEvidence: [contact()] }), 'political', null, []],
    ['explicit consent, political', held({ consents: [consent()] }), 'political', null, []],
    [
      'withdrawn consent only, political',
      held({ consents: [consent({ status: 'withdrawn' })] }),
      'political',
      null,
      ['NO_EXPLICIT_CONSENT'],
    ],
    [
      'former member past retention, political',
      held({ memberships: [member({ status: 'ended', until: '2020-01-01' })] }),
      'political',
      null,
      ['NO_EXPLICIT_CONSENT'],
    ],
    [
      '9(2)(e) only, not linked to the statement',
      held({ publicEvidence: [statement()] }),
      'political',
      null,
      ['PUBLIC_EVIDENCE_REQUIRED'],
    ],
    ['9(2)(e) only, linked to the statement', held({ publicEvidence: [statement()] }), 'political', 'e1', []],
    [
      '9(2)(e) only, linked to another id',
      held({ publicEvidence: [statement()] }),
      'political',
      'e2',
      ['PUBLIC_EVIDENCE_REQUIRED'],
    ],
  ] as const)('R-01: %s → %j', (_why, h, dataClass, linked, reasons) => {
    expect(checkPoliticalWrite(h, dataClass, linked)).toEqual(reasons);
  });
});

describe('R-12 checkBasisForJurisdiction', () => {
  it.each([
    ['MEMBER_9_2_D', null],
    ['EXPLICIT_CONSENT_9_2_A', null],
    ['MANIFESTLY_PUBLIC_9_2_E', null],
    ['SUBSTANTIAL_PUBLIC_INTEREST_9_2_G', 'BASIS_NOT_AVAILABLE_IN_JURISDICTION'],
    ['LEGITIMATE_INTERESTS', 'BASIS_NOT_AVAILABLE_IN_JURISDICTION'],
  ])('R-12: NL, %s → %s', (basis, code) => {
    expect(checkBasisForJurisdiction('NL', basis)).toBe(code);
  });
});

describe('R-02/R-08 classification of fields, tags and notes', () => {
  it.each([
    ['nieuwsbrief', 'ordinary', 'none', 'ordinary', 'none'],
    ['vrijwilliger', 'ordinary', 'none', 'political', 'high'],
    ['standpunt-wonen', 'political', 'none', 'political', 'high'],
    ['petitie-klimaat', 'ordinary', 'none', 'political', 'high'],
    ['leeftijdsgroep', 'ordinary', 'none', 'ordinary', 'none'],
    ['gemeente', 'ordinary', 'low', 'ordinary', 'low'],
    ['krant-abonnement', 'ordinary', 'low', 'ordinary', 'low'],
    ['interesse-sport', 'ordinary', 'high', 'political', 'high'],
  ] as const)('R-08: %s (asked %s/%s) → %s/%s', (key, dataClass, proxyRisk, cls, risk) => {
    const r = classifyDefinition({ key, labelNl: key, labelEn: key, kind: 'tag', dataClass, proxyRisk });
    expect([r.dataClass, r.proxyRisk, r.problems]).toEqual([cls, risk, []]);
  });

  it('R-02: membership keys are reserved; keys have a fixed format', () => {
    const c = (key: string) =>
      classifyDefinition({
        key,
        labelNl: 'x',
        labelEn: 'y',
        kind: 'field',
        dataClass: 'ordinary',
        proxyRisk: 'none',
      }).problems.map((p) => p.rule);
    expect(c('lidmaatschap.status')).toEqual(['key.reserved']);
    expect(c('Hoofdletters')).toEqual(['key.format']);
    expect(c('a')).toEqual(['key.format']);
  });

  it('R-02: membership definitions are locked political and cannot be reclassified', () => {
    const def = { locked: true, dataClass: 'political', proxyRisk: 'high' } as const;
    expect(effectiveClass({ ...def, dataClass: 'ordinary' as const })).toBe('political');
    expect(reclassifyProblem(def, { dataClass: 'ordinary', proxyRisk: 'none' }, 0)).toEqual({
      code: 'CLASSIFICATION_LOCKED',
      reason: 'membership',
    });
    expect(reclassifyProblem(def, { dataClass: 'political', proxyRisk: 'high' }, 0)).toBeNull();
  });

  it('R-01: a definition in use cannot be reclassified; an unused one can', () => {
    const def = { locked: false, dataClass: 'ordinary', proxyRisk: 'none' } as const;
    expect(reclassifyProblem(def, { dataClass: 'political', proxyRisk: 'none' }, 3)?.reason).toBe('in_use');
    expect(reclassifyProblem(def, { dataClass: 'political', proxyRisk: 'none' }, 0)).toBeNull();
  });

  it('R-08: generic demographics are none, party-linked words high', () => {
    expect(proxyRiskFloor('postcode', [])).toBe('none');
    expect(proxyRiskFloor('x', ['Bezocht partijcongres'])).toBe('high');
    expect(proxyRiskFloor('solidariteit', [])).toBe('none');
  });
});
