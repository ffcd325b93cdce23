import { describe, expect, it } from 'vitest';
import { type ActivityForClassification, classifySegment } from './classify.js';
import { type AudienceCriteria, type CriteriaCatalogue, EMPTY_CRITERIA } from './types.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TAG_POLITICAL = id(1);
const TAG_ORDINARY = id(2);
const TAG_LOW_A = id(3);
const TAG_LOW_B = id(4);
const TAG_LOW_C = id(5);
const PURPOSE_NEWS = id(10);
const PURPOSE_POLITICAL = id(11);
const PURPOSE_ADS = id(12);
const catalogue: CriteriaCatalogue = {
  branchIds: new Set([id(20)]),
  tags: new Map([
    [TAG_POLITICAL, { key: 'klimaatpetitie', dataClass: 'political', proxyRisk: 'high' }],
    [TAG_ORDINARY, { key: 'vrijwilliger', dataClass: 'ordinary', proxyRisk: 'none' }],
    [TAG_LOW_A, { key: 'krant', dataClass: 'ordinary', proxyRisk: 'low' }],
    [TAG_LOW_B, { key: 'huurder', dataClass: 'ordinary', proxyRisk: 'low' }],
    [TAG_LOW_C, { key: 'fietser', dataClass: 'ordinary', proxyRisk: 'low' }],
  ]),
  purposes: new Map([
    [PURPOSE_NEWS, { political: false, politicalAdvertising: false }],
    [PURPOSE_POLITICAL, { political: true, politicalAdvertising: false }],
    [PURPOSE_ADS, { political: true, politicalAdvertising: true }],
  ]),
};
const c = (x: Partial<AudienceCriteria>): AudienceCriteria => ({ ...EMPTY_CRITERIA, ...x });
const message: ActivityForClassification = {
  kind: 'MESSAGE',
  adClass: 'NOT_POLITICAL_AD',
  politicalData: true,
  memberCommunicationOverride: false,
};
const ad: ActivityForClassification = { ...message, adClass: 'POLITICAL_AD' };
const memberComm: ActivityForClassification = { ...message, adClass: 'MEMBER_COMMUNICATION_18_3' };

describe('segment classification (R-08, R-24, R-77, R-79)', () => {
  const table: [string, AudienceCriteria, ActivityForClassification, string, string[]][] = [
    [
      'R-08: branch + postcode + language alone is ordinary (generic attributes are not proxies)',
      c({ branchIds: [id(20)], postcodeRanges: [{ from: 1000, to: 1099 }], languages: ['nl'] }),
      message,
      'ordinary',
      [],
    ],
    [
      'R-02/R-08: membership makes it political',
      c({ membership: { statuses: ['active'] } }),
      message,
      'political',
      ['membership'],
    ],
    [
      'R-08: a political tag makes it political',
      c({ tagIdsAll: [TAG_POLITICAL] }),
      message,
      'political',
      ['high_proxy_tag'],
    ],
    [
      'R-08: excluding a political tag still uses it',
      c({ tagIdsNone: [TAG_POLITICAL] }),
      message,
      'political',
      ['high_proxy_tag'],
    ],
    ['R-08: an ordinary tag stays ordinary', c({ tagIdsAll: [TAG_ORDINARY] }), message, 'ordinary', []],
    [
      'R-08: party event attended is a high proxy',
      c({ events: {} }),
      message,
      'political',
      ['event_attendance'],
    ],
    [
      'R-08: a consent purpose revealing political opinion',
      c({ consentPurposeIds: [PURPOSE_POLITICAL] }),
      message,
      'political',
      ['political_consent'],
    ],
    [
      'R-08: a non-political consent purpose is ordinary',
      c({ consentPurposeIds: [PURPOSE_NEWS] }),
      message,
      'ordinary',
      [],
    ],
    [
      'R-08: two low proxies stay ordinary',
      c({ tagIdsAll: [TAG_LOW_A, TAG_LOW_B] }),
      message,
      'ordinary',
      [],
    ],
    [
      'R-08: three low proxies make it political',
      c({ tagIdsAll: [TAG_LOW_A, TAG_LOW_B], tagIdsNone: [TAG_LOW_C] }),
      message,
      'political',
      ['low_proxies', 'low_proxies', 'low_proxies'],
    ],
  ];
  it.each(table)('%s', (_name, criteria, activity, dataClass, why) => {
    const r = classifySegment(criteria, catalogue, activity);
    expect(r.dataClass).toBe(dataClass);
    expect(r.why.map((w) => w.why)).toEqual(why);
  });

  it('R-08: the low-proxy threshold is configurable but never below 2', () => {
    const two = c({ tagIdsAll: [TAG_LOW_A, TAG_LOW_B] });
    expect(classifySegment(two, catalogue, message, { lowProxyThreshold: 2 }).dataClass).toBe('political');
    expect(
      classifySegment(c({ tagIdsAll: [TAG_LOW_A] }), catalogue, message, { lowProxyThreshold: 1 }).dataClass,
    ).toBe('ordinary');
  });

  it('R-08: the gate criteria carry class and proxy risk per criterion', () => {
    const r = classifySegment(
      c({ branchIds: [id(20)], tagIdsAll: [TAG_POLITICAL], membership: { statuses: ['active'] } }),
      catalogue,
      message,
    );
    expect(r.criteria).toEqual([
      { key: 'branch', dataClass: 'ordinary', proxyRisk: 'none', inferred: false },
      { key: 'membership:active', dataClass: 'political', proxyRisk: 'high', inferred: false },
      { key: 'tag:klimaatpetitie', dataClass: 'political', proxyRisk: 'high', inferred: false },
    ]);
  });

  it('R-08: a political segment for an activity not registered as political is flagged SPECIAL_CATEGORY_INFERENCE', () => {
    const r = classifySegment(c({ tagIdsAll: [TAG_POLITICAL] }), catalogue, {
      ...message,
      politicalData: false,
    });
    expect(r.flags).toEqual(['SPECIAL_CATEGORY_INFERENCE']);
  });

  const adTable: [string, AudienceCriteria, string[]][] = [
    [
      'R-77: members of a branch for a political ad are refused',
      c({ membership: { statuses: ['active'] }, branchIds: [id(20)] }),
      ['TTPA_SPECIAL_CATEGORY_PROFILING'],
    ],
    [
      'R-24: a political tag for a political ad is refused',
      c({ tagIdsAll: [TAG_POLITICAL] }),
      ['TTPA_SPECIAL_CATEGORY_PROFILING'],
    ],
    ['R-77: a consented list used as provided may be attached', c({ consentPurposeIds: [PURPOSE_ADS] }), []],
    [
      'R-24: region alone passes the profiling check (the gate still needs each R-76 consent)',
      c({ postcodeRanges: [{ from: 3500, to: 3599 }] }),
      [],
    ],
    [
      'R-77: a consented list plus a behavioural criterion is refused',
      c({ consentPurposeIds: [PURPOSE_ADS], events: {} }),
      ['TTPA_SPECIAL_CATEGORY_PROFILING'],
    ],
  ];
  it.each(adTable)('%s', (_name, criteria, refusals) => {
    expect(classifySegment(criteria, catalogue, ad).refusals).toEqual(refusals);
  });

  const r79: [string, AudienceCriteria, boolean, string][] = [
    [
      'R-79: all members is a member communication',
      c({ membership: { statuses: ['active'] } }),
      false,
      'MEMBER_COMMUNICATION_18_3',
    ],
    [
      'R-79: all former members is a member communication',
      c({ membership: { statuses: ['ended'] } }),
      false,
      'MEMBER_COMMUNICATION_18_3',
    ],
    [
      'R-79: all subscribers of one list is a member communication',
      c({ consentPurposeIds: [PURPOSE_NEWS] }),
      false,
      'MEMBER_COMMUNICATION_18_3',
    ],
    [
      'R-79: members of one branch are singled out: POLITICAL_AD',
      c({ membership: { statuses: ['active'] }, branchIds: [id(20)] }),
      false,
      'POLITICAL_AD',
    ],
    [
      'R-79: members who attended an event are singled out: POLITICAL_AD',
      c({ membership: { statuses: ['active'] }, events: {} }),
      false,
      'POLITICAL_AD',
    ],
    [
      'R-79: all members within a branch-scoped owner are singled out',
      c({ membership: { statuses: ['active'] } }),
      true,
      'POLITICAL_AD',
    ],
  ];
  it.each(r79)('%s', (_name, criteria, narrow, adClass) => {
    const r = classifySegment(criteria, catalogue, memberComm, { ownerScopeNarrow: narrow });
    expect(r.adClass).toBe(adClass);
    expect(r.flags.includes('AUDIENCE_SINGLES_OUT')).toBe(adClass === 'POLITICAL_AD');
  });

  it('R-79: an FG override keeps the member-communication class', () => {
    const r = classifySegment(c({ membership: { statuses: ['active'] }, branchIds: [id(20)] }), catalogue, {
      ...memberComm,
      memberCommunicationOverride: true,
    });
    expect(r.adClass).toBe('MEMBER_COMMUNICATION_18_3');
    expect(r.flags).toEqual([]);
  });
});
