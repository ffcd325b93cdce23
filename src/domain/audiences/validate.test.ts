import { describe, expect, it } from 'vitest';
import type { CriteriaCatalogue } from './types.js';
import { validateCriteria } from './validate.js';

const B = '00000000-0000-4000-8000-00000000000b';
const T1 = '00000000-0000-4000-8000-0000000000a1';
const T2 = '00000000-0000-4000-8000-0000000000a2';
const P = '00000000-0000-4000-8000-0000000000c1';
const catalogue: CriteriaCatalogue = {
  branchIds: new Set([B]),
  tags: new Map([
    [T1, { key: 'klimaat', dataClass: 'political', proxyRisk: 'high' }],
    [T2, { key: 'vrijwilliger', dataClass: 'ordinary', proxyRisk: 'none' }],
  ]),
  purposes: new Map([[P, { political: true, politicalAdvertising: false }]]),
};

describe('audience criteria validation (issue 4 bad input; R-03 an audience is a defined selection)', () => {
  const refused: [string, unknown, string, string][] = [
    [
      'unknown criterion',
      { branchIds: [B], religion: ['x'] },
      'AUDIENCE_UNKNOWN_CRITERION',
      'criteria.religion',
    ],
    [
      'unknown nested criterion',
      { membership: { statuses: ['active'], score: 1 } },
      'AUDIENCE_UNKNOWN_CRITERION',
      'criteria.membership.score',
    ],
    ['empty audience not meant', {}, 'AUDIENCE_CRITERIA_EMPTY', 'criteria'],
    [
      'membership without status',
      { membership: { statuses: [] } },
      'AUDIENCE_CRITERIA_EMPTY',
      'criteria.membership.statuses',
    ],
    [
      'postcode range from > to',
      { postcodeRanges: [{ from: 3000, to: 2000 }] },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.postcodeRanges.0',
    ],
    [
      'postcode not PC4',
      { postcodeRanges: [{ from: 999, to: 2000 }] },
      'VALIDATION_FAILED',
      'criteria.postcodeRanges.0.from',
    ],
    [
      'tag required and excluded',
      { tagIdsAll: [T1], tagIdsNone: [T1] },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.tagIdsNone',
    ],
    [
      'membership "none" with dates',
      { membership: { statuses: ['none'], sinceFrom: '2020-01-01' } },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.membership',
    ],
    [
      'active members with an end date',
      { membership: { statuses: ['active'], untilTo: '2020-01-01' } },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.membership',
    ],
    [
      'since range reversed',
      { membership: { statuses: ['active'], sinceFrom: '2024-01-01', sinceTo: '2023-01-01' } },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.membership.since',
    ],
    [
      'event range reversed',
      { events: { attendedFrom: '2025-02-01', attendedTo: '2025-01-01' } },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.events.attended',
    ],
    [
      'impossible date',
      { events: { attendedFrom: '2025-02-30' } },
      'VALIDATION_FAILED',
      'criteria.events.attendedFrom',
    ],
    [
      'everyone with criteria',
      { everyone: true, languages: ['nl'] },
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'criteria.everyone',
    ],
    ['unknown language', { languages: ['xx'] }, 'VALIDATION_FAILED', 'criteria.languages.0'],
    [
      'unknown branch id',
      { branchIds: ['00000000-0000-4000-8000-000000000999'] },
      'AUDIENCE_REFERENCE_UNKNOWN',
      'criteria.branchIds.0',
    ],
    [
      'unknown consent purpose',
      { consentPurposeIds: [T1] },
      'AUDIENCE_REFERENCE_UNKNOWN',
      'criteria.consentPurposeIds.0',
    ],
    ['not an id', { tagIdsAll: ['klimaat'] }, 'VALIDATION_FAILED', 'criteria.tagIdsAll.0'],
    ['not an object', [1], 'VALIDATION_FAILED', 'criteria'],
  ];
  it.each(refused)('refuses %s, naming the field', (_name, raw, code, field) => {
    const r = validateCriteria(raw, catalogue);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.field])).toContainEqual([code, field]);
  });

  it('reports every problem, not the first one found (Appendix C.0 style)', () => {
    const r = validateCriteria(
      { foo: 1, postcodeRanges: [{ from: 3000, to: 2000 }], tagIdsAll: [T1], tagIdsNone: [T1] },
      catalogue,
    );
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([
      'AUDIENCE_UNKNOWN_CRITERION',
      'AUDIENCE_CRITERIA_CONTRADICTORY',
      'AUDIENCE_CRITERIA_CONTRADICTORY',
    ]);
  });

  const accepted: [string, unknown][] = [
    ['everyone, deliberately', { everyone: true }],
    ['all members', { membership: { statuses: ['active'] } }],
    [
      'former members who left in 2024',
      { membership: { statuses: ['ended'], untilFrom: '2024-01-01', untilTo: '2024-12-31' } },
    ],
    ['non-members with a consent', { membership: { statuses: ['none'] }, consentPurposeIds: [P] }],
    [
      'branch, area, tags, language',
      {
        branchIds: [B],
        postcodeRanges: [{ from: 1000, to: 1099 }],
        tagIdsAll: [T2],
        tagIdsNone: [T1],
        languages: ['nl', 'en'],
      },
    ],
    ['event attendance open-ended', { events: {} }],
  ];
  it.each(accepted)('accepts %s', (_name, raw) => {
    const r = validateCriteria(raw, catalogue);
    expect(r.ok ? 'ok' : r.problems).toBe('ok');
  });

  it('normalises: duplicates removed, missing lists empty', () => {
    const r = validateCriteria({ languages: ['nl', 'nl'], branchIds: [B, B.toUpperCase()] }, catalogue);
    expect(r.ok && r.criteria).toMatchObject({
      languages: ['nl'],
      branchIds: [B],
      tagIdsAll: [],
      membership: null,
      everyone: false,
    });
  });
});
