import { describe, expect, it } from 'vitest';
import type { GateConsent, GateConsentPurpose } from '../gate/types.js';
import { type MatchContext, type MatchSubject, matchesCriteria } from './match.js';
import { type AudienceCriteria, EMPTY_CRITERIA } from './types.js';

const PURPOSE = '00000000-0000-4000-8000-0000000000c1';
const TAG = '00000000-0000-4000-8000-0000000000a1';
const BRANCH = '00000000-0000-4000-8000-0000000000b1';
const purpose: GateConsentPurpose = {
  id: PURPOSE,
  name: 'Nieuwsbrief',
  political: true,
  politicalAdvertising: false,
  channels: ['EMAIL'],
  scopeUntil: null,
  refreshAfterMonths: null,
  recipients: [],
};
const ctx: MatchContext = {
  now: new Date('2026-03-01T12:00:00Z'),
  partyControllerName: 'Partij Test',
  consentPurposes: [purpose],
};
const consent = (x: Partial<GateConsent> = {}): GateConsent => ({
  purposeId: PURPOSE,
  explicit: true,
  textRecorded: true,
  channel: 'PAPER',
  givenAt: '2026-01-10T10:00:00Z',
  controllerNames: ['Partij Test'],
  captureDefects: [],
  purposesInAction: 1,
  confirmedAt: null,
  ageAtConsent: 30,
  guardianConfirmedAt: null,
  withdrawnAt: null,
  ...x,
});
const subject = (x: Partial<MatchSubject> = {}): MatchSubject => ({
  branchId: BRANCH,
  postcodeArea: 1012,
  language: 'nl',
  membership: { status: 'active', since: '2020-05-01', until: null },
  tagIds: [TAG],
  eventDates: ['2025-09-14'],
  facts: { consents: [consent()] },
  ...x,
});
const c = (x: Partial<AudienceCriteria>): AudienceCriteria => ({ ...EMPTY_CRITERIA, ...x });

describe('matching a person against audience criteria (C5; R-06, R-16, R-20 for consents)', () => {
  const table: [string, AudienceCriteria, MatchSubject, boolean][] = [
    ['everyone matches', c({ everyone: true }), subject(), true],
    ['branch in list', c({ branchIds: [BRANCH] }), subject(), true],
    ['branch not in list', c({ branchIds: [TAG] }), subject(), false],
    [
      'no branch never matches a branch criterion',
      c({ branchIds: [BRANCH] }),
      subject({ branchId: null }),
      false,
    ],
    [
      'postcode within an inclusive range (upper bound)',
      c({ postcodeRanges: [{ from: 1000, to: 1012 }] }),
      subject(),
      true,
    ],
    ['postcode outside', c({ postcodeRanges: [{ from: 1013, to: 1099 }] }), subject(), false],
    [
      'unknown postcode',
      c({ postcodeRanges: [{ from: 1000, to: 9999 }] }),
      subject({ postcodeArea: null }),
      false,
    ],
    ['language', c({ languages: ['en'] }), subject(), false],
    ['required tag held', c({ tagIdsAll: [TAG] }), subject(), true],
    ['excluded tag held', c({ tagIdsNone: [TAG] }), subject(), false],
    ['R-02: active members', c({ membership: { statuses: ['active'] } }), subject(), true],
    [
      'R-02: non-members: a member does not match',
      c({ membership: { statuses: ['none'] } }),
      subject(),
      false,
    ],
    [
      'R-02: non-members: no membership matches',
      c({ membership: { statuses: ['none'] } }),
      subject({ membership: null }),
      true,
    ],
    [
      'member since within range',
      c({ membership: { statuses: ['active'], sinceFrom: '2020-01-01', sinceTo: '2020-12-31' } }),
      subject(),
      true,
    ],
    [
      'member since outside range',
      c({ membership: { statuses: ['active'], sinceFrom: '2021-01-01' } }),
      subject(),
      false,
    ],
    [
      'ended within until range',
      c({ membership: { statuses: ['ended'], untilFrom: '2024-01-01', untilTo: '2024-12-31' } }),
      subject({ membership: { status: 'ended', since: '2019-01-01', until: '2024-06-30' } }),
      true,
    ],
    [
      'until criterion and no end date',
      c({ membership: { statuses: ['suspended'], untilTo: '2024-12-31' } }),
      subject({ membership: { status: 'suspended', since: '2019-01-01', until: null } }),
      false,
    ],
    [
      'attended an event in range',
      c({ events: { attendedFrom: '2025-09-01', attendedTo: '2025-09-30' } }),
      subject(),
      true,
    ],
    ['no event in range', c({ events: { attendedFrom: '2025-10-01' } }), subject(), false],
    ['any event', c({ events: {} }), subject({ eventDates: [] }), false],
    ['R-06: a valid consent', c({ consentPurposeIds: [PURPOSE] }), subject(), true],
    [
      'R-16: a withdrawn consent does not count',
      c({ consentPurposeIds: [PURPOSE] }),
      subject({ facts: { consents: [consent({ withdrawnAt: '2026-02-01T00:00:00Z' })] } }),
      false,
    ],
    [
      'R-20: a lapsed consent does not count',
      c({ consentPurposeIds: [PURPOSE] }),
      subject({ facts: { consents: [consent({ givenAt: '2023-01-01T00:00:00Z' })] } }),
      false,
    ],
    [
      'R-13: a pre-ticked consent does not count',
      c({ consentPurposeIds: [PURPOSE] }),
      subject({ facts: { consents: [consent({ captureDefects: ['PRE_TICKED'] })] } }),
      false,
    ],
    [
      'R-17: an unconfirmed web sign-up does not count yet',
      c({ consentPurposeIds: [PURPOSE] }),
      subject({ facts: { consents: [consent({ channel: 'WEB_FORM' })] } }),
      false,
    ],
    [
      'one valid among several records is enough',
      c({ consentPurposeIds: [PURPOSE] }),
      subject({ facts: { consents: [consent({ withdrawnAt: '2026-02-01T00:00:00Z' }), consent()] } }),
      true,
    ],
    [
      'all criteria together',
      c({
        branchIds: [BRANCH],
        tagIdsAll: [TAG],
        membership: { statuses: ['active'] },
        consentPurposeIds: [PURPOSE],
        events: {},
        languages: ['nl'],
      }),
      subject(),
      true,
    ],
  ];
  it.each(table)('%s', (_name, criteria, s, expected) => {
    expect(matchesCriteria(criteria, s, ctx)).toBe(expected);
  });
});
