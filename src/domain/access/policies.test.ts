/**
 * Access policies, table-driven. Each title names the LEGAL.md entry it proves:
 * R-61 (MFA, passwords, lockout, idle logout), R-63 (need-to-know scopes, 404 across scopes),
 * R-86 (briefing before contact data), R-89 (time-boxed campaign roles).
 * Times are fixed instants; Dutch local midnight is written with its UTC offset.
 */
import { describe, expect, it } from 'vitest';
import type { Code } from '../codes.js';
import {
  activeAssignments,
  afterFailedLogin,
  can,
  isLocked,
  loginAccess,
  type PersonAccess,
  passwordProblems,
  permissionsOf,
  personAccess,
  personListBlock,
  personListScope,
  requiresMfa,
  type ScopeFilter,
  sessionValid,
  validateAssignment,
} from './policies.js';
import { type Permission, ROLE_INFO, ROLES, type Role } from './roles.js';
import { type Assignment, type PersonScopeFacts, postcodeDigits } from './scope.js';

const NOW = new Date('2025-06-15T12:00:00+02:00');
const LAST_MONTH = new Date('2025-05-15T12:00:00+02:00');
const LAST_YEAR = new Date('2024-06-15T12:00:00+02:00');
/** End of the campaign: access ends at midnight, Dutch time. */
const CAMPAIGN_END = new Date('2025-10-01T00:00:00+02:00');

/**
 * Rows for it.each titled by their `title` field. `'%s'` prints the title in full; `'$title'` would quote
 * it and cut it at 40 characters.
 */
function titled<T extends { title: string }>(rows: readonly T[]): [string, T][] {
  return rows.map((row) => [row.title, row]);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (base: Date, deltaMs: number): Date => new Date(base.getTime() + deltaMs);

/** An assignment with its scope, active since last month, until the campaign ends, briefed. */
function asg(role: Role, over: Partial<Omit<Assignment, 'role'>> = {}): Assignment {
  const staff = ROLE_INFO[role].staff;
  return {
    role,
    branchId: null,
    candidateId: null,
    area: null,
    validFrom: LAST_MONTH,
    validUntil: staff ? null : CAMPAIGN_END,
    briefingAcknowledgedAt: ROLE_INFO[role].needsBriefing ? LAST_MONTH : null,
    ...over,
  };
}

const admin = asg('admin');
const fg = asg('fg');
const leadAmsterdam = asg('campaign_lead', { branchId: 'br-amsterdam' });
const teamAmsterdam = asg('team_member', { branchId: 'br-amsterdam' });
const candidateThorbecke = asg('candidate', { candidateId: 'cand-thorbecke' });
const volunteer1000 = asg('volunteer', { area: { from: 1000, to: 1099 } });
const volunteer1000InAmsterdam = asg('volunteer', {
  area: { from: 1000, to: 1099 },
  branchId: 'br-amsterdam',
});

/** Fictional people (historical names only in their ids), described by the facts access looks at. */
function person(over: Partial<PersonScopeFacts> = {}): PersonScopeFacts {
  return { branchId: 'br-amsterdam', postcode: '1012 AB', candidateIds: [], ...over };
}
const inAmsterdam1012 = person();
const inHaarlem2011 = person({ branchId: 'br-haarlem', postcode: '2011 AB' });
const inUtrecht3511 = person({
  branchId: 'br-utrecht',
  postcode: '3511 AA',
  candidateIds: ['cand-thorbecke'],
});
const withoutBranchOrPostcode = person({ branchId: null, postcode: null });

const ALLOWED: PersonAccess = { allowed: true };
const NOT_FOUND: PersonAccess = { allowed: false, code: 'NOT_FOUND' };
const NOT_BRIEFED: PersonAccess = { allowed: false, code: 'BRIEFING_NOT_ACKNOWLEDGED' };

interface AccessCase {
  title: string;
  assignments: Assignment[];
  person: PersonScopeFacts;
  permission?: 'person:read' | 'person:write' | 'consent:record';
  now?: Date;
  expected: PersonAccess;
}

describe('personAccess', () => {
  const partyWide: AccessCase[] = [
    {
      title: 'R-63: admin (party-wide) sees a person in any branch',
      assignments: [admin],
      person: inHaarlem2011,
      expected: ALLOWED,
    },
    {
      title: 'R-63: admin sees a person without branch or postcode',
      assignments: [admin],
      person: withoutBranchOrPostcode,
      expected: ALLOWED,
    },
    {
      title: 'R-63: FG (party-wide) sees a person in any branch',
      assignments: [fg],
      person: inUtrecht3511,
      expected: ALLOWED,
    },
    {
      title: 'R-63: admin may write a person',
      assignments: [admin],
      person: inHaarlem2011,
      permission: 'person:write',
      expected: ALLOWED,
    },
    {
      title: 'R-63: FG may read but not write a person → FORBIDDEN for writing',
      assignments: [fg],
      person: inHaarlem2011,
      permission: 'person:write',
      expected: { allowed: false, code: 'FORBIDDEN' },
    },
    {
      title: 'R-63: staff roles need no campaign briefing (R-86 applies to campaign roles)',
      assignments: [asg('admin', { briefingAcknowledgedAt: null })],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
    {
      title: 'R-63: no assignment at all → NOT_FOUND',
      assignments: [],
      person: inAmsterdam1012,
      expected: NOT_FOUND,
    },
  ];

  const branch: AccessCase[] = [
    {
      title: 'R-63: campaign lead of branch Amsterdam sees a person in Amsterdam',
      assignments: [leadAmsterdam],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
    {
      title: 'R-63: campaign lead of branch Amsterdam cannot see a person in Haarlem → NOT_FOUND',
      assignments: [leadAmsterdam],
      person: inHaarlem2011,
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: campaign lead of a branch cannot see a person without a branch → NOT_FOUND',
      assignments: [leadAmsterdam],
      person: withoutBranchOrPostcode,
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: team member of branch Amsterdam sees a person in Amsterdam',
      assignments: [teamAmsterdam],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
    {
      title: 'R-63: team member of branch Amsterdam cannot see a person in Utrecht → NOT_FOUND',
      assignments: [teamAmsterdam],
      person: inUtrecht3511,
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: campaign lead in scope may not write a person → FORBIDDEN',
      assignments: [leadAmsterdam],
      person: inAmsterdam1012,
      permission: 'person:write',
      expected: { allowed: false, code: 'FORBIDDEN' },
    },
  ];

  const area: AccessCase[] = [
    {
      title: 'R-63: volunteer for area 1000-1099 sees a person in 1012 AB',
      assignments: [volunteer1000],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
    ...(
      [
        ['1000 AA', ALLOWED, 'lower bound'],
        ['1099 ZZ', ALLOWED, 'upper bound'],
        ['1012ab', ALLOWED, 'lower case, no space'],
        ['  1012 AB ', ALLOWED, 'surrounding spaces'],
        ['1100 AA', NOT_FOUND, 'just above the range'],
        ['0999 AA', NOT_FOUND, 'leading zero (no such postcode)'],
        ['2011 AB', NOT_FOUND, 'another city'],
        ['1O12 AB', NOT_FOUND, 'malformed: letter O for zero'],
        ['10123 AB', NOT_FOUND, 'malformed: five digits'],
        ['1012 ABC', NOT_FOUND, 'malformed: three letters'],
        ['AB 1012', NOT_FOUND, 'malformed: letters first'],
        ['1012-AB', NOT_FOUND, 'malformed: hyphen'],
        ['', NOT_FOUND, 'empty'],
        [null, NOT_FOUND, 'absent'],
      ] as const
    ).map(
      ([postcode, expected, why]): AccessCase => ({
        title: `R-63: volunteer for area 1000-1099, person with postcode ${JSON.stringify(postcode)} (${why}) → ${
          expected.allowed ? 'allowed' : 'NOT_FOUND'
        }`,
        assignments: [volunteer1000],
        person: person({ postcode }),
        expected,
      }),
    ),
    {
      title: 'R-63: volunteer for area 1000-1099 cannot see a person in 2000 → NOT_FOUND',
      assignments: [volunteer1000],
      person: person({ postcode: '2000 AA' }),
      expected: NOT_FOUND,
    },
    {
      title:
        'R-63: volunteer for area 1000-1099 within branch Amsterdam needs both: right postcode, other branch → NOT_FOUND',
      assignments: [volunteer1000InAmsterdam],
      person: person({ branchId: 'br-haarlem', postcode: '1012 AB' }),
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: volunteer for area 1000-1099 within branch Amsterdam sees a person matching both',
      assignments: [volunteer1000InAmsterdam],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
  ];

  const candidate: AccessCase[] = [
    {
      title: 'R-63: candidate sees a person linked to that candidate, in any branch',
      assignments: [candidateThorbecke],
      person: inUtrecht3511,
      expected: ALLOWED,
    },
    {
      title: 'R-63: candidate cannot see a person of the own branch not linked to them → NOT_FOUND',
      assignments: [candidateThorbecke],
      person: inAmsterdam1012,
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: candidate cannot see a person linked to another candidate → NOT_FOUND',
      assignments: [candidateThorbecke],
      person: person({ candidateIds: ['cand-aletta-jacobs'] }),
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: two assignments widen the scope: candidate plus volunteer sees both kinds of person',
      assignments: [candidateThorbecke, volunteer1000],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
  ];

  const briefing: AccessCase[] = (
    ['campaign_lead', 'team_member', 'candidate', 'volunteer'] as const
  ).flatMap((role): AccessCase[] => {
    const scoped = {
      campaign_lead: leadAmsterdam,
      team_member: teamAmsterdam,
      candidate: candidateThorbecke,
      volunteer: volunteer1000,
    }[role];
    const unbriefed = { ...scoped, briefingAcknowledgedAt: null };
    const inScope = role === 'candidate' ? inUtrecht3511 : inAmsterdam1012;
    return [
      {
        title: `R-86: ${role} who has not acknowledged the briefing, person in scope → BRIEFING_NOT_ACKNOWLEDGED`,
        assignments: [unbriefed],
        person: inScope,
        expected: NOT_BRIEFED,
      },
      {
        title: `R-86/R-63: ${role} who has not acknowledged the briefing, person out of scope → NOT_FOUND (existence not revealed)`,
        assignments: [unbriefed],
        person: inHaarlem2011,
        expected: NOT_FOUND,
      },
    ];
  });
  briefing.push({
    title:
      'R-86: an acknowledged assignment that covers the person is enough, an unbriefed other one does not block',
    assignments: [{ ...candidateThorbecke, briefingAcknowledgedAt: null }, volunteer1000],
    person: person({ postcode: '1012 AB', candidateIds: ['cand-thorbecke'] }),
    expected: ALLOWED,
  });

  const expiry: AccessCase[] = [
    {
      title: 'R-89: volunteer valid until midnight, at 23:59:59 → allowed',
      assignments: [volunteer1000],
      person: inAmsterdam1012,
      now: new Date('2025-09-30T23:59:59+02:00'),
      expected: ALLOWED,
    },
    {
      title: 'R-89: volunteer valid until midnight, at 00:00:00 → NOT_FOUND',
      assignments: [volunteer1000],
      person: inAmsterdam1012,
      now: new Date('2025-10-01T00:00:00+02:00'),
      expected: NOT_FOUND,
    },
    {
      title: 'R-89: volunteer valid until midnight, at 00:00:01 → NOT_FOUND',
      assignments: [volunteer1000],
      person: inAmsterdam1012,
      now: new Date('2025-10-01T00:00:01+02:00'),
      expected: NOT_FOUND,
    },
    {
      title: 'R-89: candidate whose role ended yesterday → NOT_FOUND',
      assignments: [asg('candidate', { candidateId: 'cand-thorbecke', validUntil: at(NOW, -24 * HOUR) })],
      person: inUtrecht3511,
      expected: NOT_FOUND,
    },
    {
      title: 'R-89: assignment that starts tomorrow gives no access yet → NOT_FOUND',
      assignments: [asg('campaign_lead', { branchId: 'br-amsterdam', validFrom: at(NOW, 24 * HOUR) })],
      person: inAmsterdam1012,
      expected: NOT_FOUND,
    },
    {
      title: 'R-89: assignment valid from exactly now → allowed',
      assignments: [asg('campaign_lead', { branchId: 'br-amsterdam', validFrom: NOW })],
      person: inAmsterdam1012,
      expected: ALLOWED,
    },
    {
      title: 'R-89: an expired admin assignment no longer widens a volunteer to the whole party → NOT_FOUND',
      assignments: [asg('admin', { validUntil: at(NOW, -1) }), volunteer1000],
      person: inHaarlem2011,
      expected: NOT_FOUND,
    },
  ];

  const FORBIDDEN: PersonAccess = { allowed: false, code: 'FORBIDDEN' };
  const consentRecord: AccessCase[] = [
    {
      title: 'R-63: a volunteer records an offline consent for a person in their area',
      assignments: [volunteer1000],
      person: inAmsterdam1012,
      permission: 'consent:record',
      expected: ALLOWED,
    },
    {
      title: 'R-63: a volunteer records no consent outside their area → NOT_FOUND',
      assignments: [volunteer1000],
      person: inHaarlem2011,
      permission: 'consent:record',
      expected: NOT_FOUND,
    },
    {
      title: 'R-86: a volunteer records no consent before the briefing → BRIEFING_NOT_ACKNOWLEDGED',
      assignments: [asg('volunteer', { area: { from: 1000, to: 1099 }, briefingAcknowledgedAt: null })],
      person: inAmsterdam1012,
      permission: 'consent:record',
      expected: NOT_BRIEFED,
    },
    {
      title: 'R-63: a team member records a consent in their branch, not in another → NOT_FOUND',
      assignments: [teamAmsterdam],
      person: inHaarlem2011,
      permission: 'consent:record',
      expected: NOT_FOUND,
    },
    {
      title: 'R-63: a candidate sees their persons but records no consent for them → FORBIDDEN',
      assignments: [candidateThorbecke],
      person: inUtrecht3511,
      permission: 'consent:record',
      expected: FORBIDDEN,
    },
    {
      title:
        'R-63: a candidate who volunteers elsewhere records no consent for their own persons → FORBIDDEN',
      assignments: [candidateThorbecke, volunteer1000],
      person: inUtrecht3511,
      permission: 'consent:record',
      expected: FORBIDDEN,
    },
    {
      title: 'R-63: the FG reads everyone but records no consent → FORBIDDEN',
      assignments: [fg],
      person: inHaarlem2011,
      permission: 'consent:record',
      expected: FORBIDDEN,
    },
  ];

  it.each(titled([...partyWide, ...branch, ...area, ...candidate, ...briefing, ...expiry, ...consentRecord]))(
    '%s',
    (_title, { assignments, person: p, permission, now, expected }) => {
      expect(personAccess(assignments, p, permission ?? 'person:read', now ?? NOW)).toEqual(expected);
    },
  );
});

/** Whether a person matches a list filter, the way a repository must translate it to SQL. */
function matches(filter: ScopeFilter, p: PersonScopeFacts): boolean {
  if (filter.branchId !== null && p.branchId !== filter.branchId) return false;
  if (filter.area !== null) {
    const d = postcodeDigits(p.postcode);
    if (d === null || d < filter.area.from || d > filter.area.to) return false;
  }
  if (filter.candidateId !== null && !p.candidateIds.includes(filter.candidateId)) return false;
  return true;
}

describe('personListScope', () => {
  it.each(
    titled([
      { title: 'R-63: admin lists the whole party', assignments: [admin], expected: { all: true } },
      { title: 'R-63: FG lists the whole party', assignments: [fg], expected: { all: true } },
      {
        title: 'R-63: campaign lead lists one branch',
        assignments: [leadAmsterdam],
        expected: { all: false, alternatives: [{ branchId: 'br-amsterdam', area: null, candidateId: null }] },
      },
      {
        title: 'R-63: volunteer lists one postcode area (within a branch when given)',
        assignments: [volunteer1000InAmsterdam],
        expected: {
          all: false,
          alternatives: [{ branchId: 'br-amsterdam', area: { from: 1000, to: 1099 }, candidateId: null }],
        },
      },
      {
        title: 'R-63: candidate plus volunteer list two alternatives',
        assignments: [candidateThorbecke, volunteer1000],
        expected: {
          all: false,
          alternatives: [
            { branchId: null, area: null, candidateId: 'cand-thorbecke' },
            { branchId: null, area: { from: 1000, to: 1099 }, candidateId: null },
          ],
        },
      },
      {
        title: 'R-86: candidate without acknowledged briefing lists nobody',
        assignments: [{ ...candidateThorbecke, briefingAcknowledgedAt: null }],
        expected: { all: false, alternatives: [] },
      },
      {
        title: 'R-89: expired volunteer lists nobody',
        assignments: [asg('volunteer', { area: { from: 1000, to: 1099 }, validUntil: at(NOW, -1) })],
        expected: { all: false, alternatives: [] },
      },
      {
        title: 'R-89: an expired admin assignment does not make the list party-wide',
        assignments: [asg('admin', { validUntil: at(NOW, -1) }), leadAmsterdam],
        expected: { all: false, alternatives: [{ branchId: 'br-amsterdam', area: null, candidateId: null }] },
      },
      {
        title: 'R-63: a campaign-role assignment without any scope lists nobody (never party-wide)',
        assignments: [asg('volunteer')],
        expected: { all: false, alternatives: [] },
      },
      {
        title: 'R-63: no assignment lists nobody',
        assignments: [],
        expected: { all: false, alternatives: [] },
      },
    ]),
  )('%s', (_title, { assignments, expected }) => {
    expect(personListScope(assignments, NOW)).toEqual(expected);
  });

  const people: PersonScopeFacts[] = [
    inAmsterdam1012,
    inHaarlem2011,
    inUtrecht3511,
    withoutBranchOrPostcode,
    person({ postcode: '1O12 AB' }),
    person({ branchId: 'br-haarlem', postcode: '1050 XX', candidateIds: ['cand-thorbecke'] }),
  ];
  const sets: [string, Assignment[]][] = [
    ['admin', [admin]],
    ['campaign lead Amsterdam', [leadAmsterdam]],
    ['volunteer 1000-1099 in Amsterdam', [volunteer1000InAmsterdam]],
    ['candidate + volunteer', [candidateThorbecke, volunteer1000]],
    ['unbriefed candidate', [{ ...candidateThorbecke, briefingAcknowledgedAt: null }]],
    ['expired team member', [asg('team_member', { branchId: 'br-amsterdam', validUntil: at(NOW, -1) })]],
  ];
  it.each(sets)(
    'R-63: the list filter and personAccess agree on every person, for %s',
    (_name, assignments) => {
      const scope = personListScope(assignments, NOW);
      for (const p of people) {
        const listed = scope.all || scope.alternatives.some((f) => matches(f, p));
        expect({ person: p, listed }).toEqual({
          person: p,
          listed: personAccess(assignments, p, 'person:read', NOW).allowed,
        });
      }
    },
  );
});

describe('loginAccess and activeAssignments', () => {
  const volunteerUntilMidnight = asg('volunteer', { area: { from: 1000, to: 1099 } });
  it.each(
    titled([
      {
        title: 'R-89: volunteer at 23:59:59 before validUntil midnight → may log in',
        assignments: [volunteerUntilMidnight],
        now: new Date('2025-09-30T23:59:59+02:00'),
        expected: { ok: true },
      },
      {
        title: 'R-89: volunteer at 00:00:00, validUntil midnight → ACCESS_EXPIRED',
        assignments: [volunteerUntilMidnight],
        now: new Date('2025-10-01T00:00:00+02:00'),
        expected: { ok: false, code: 'ACCESS_EXPIRED' },
      },
      {
        title: 'R-89: volunteer at 00:00:01 after validUntil midnight → ACCESS_EXPIRED',
        assignments: [volunteerUntilMidnight],
        now: new Date('2025-10-01T00:00:01+02:00'),
        expected: { ok: false, code: 'ACCESS_EXPIRED' },
      },
      {
        title: 'R-89: one expired and one active assignment → may log in',
        assignments: [
          asg('candidate', { candidateId: 'c', validUntil: LAST_MONTH, validFrom: LAST_YEAR }),
          volunteerUntilMidnight,
        ],
        now: NOW,
        expected: { ok: true },
      },
      {
        title: 'R-89: staff role without validUntil never expires',
        assignments: [admin],
        now: new Date('2035-01-01T00:00:00+01:00'),
        expected: { ok: true },
      },
      {
        title: 'R-89: assignment not started yet → no login (ACCESS_NOT_YET_VALID)',
        assignments: [asg('volunteer', { area: { from: 1000, to: 1099 }, validFrom: at(NOW, HOUR) })],
        now: NOW,
        expected: { ok: false, code: 'ACCESS_NOT_YET_VALID' },
      },
      {
        title: 'R-63: user without any assignment → FORBIDDEN',
        assignments: [],
        now: NOW,
        expected: { ok: false, code: 'FORBIDDEN' },
      },
    ]),
  )('%s', (_title, { assignments, now, expected }) => {
    expect(loginAccess(assignments, now)).toEqual(expected);
  });

  it.each(
    titled([
      { title: 'R-89: validFrom is inclusive', validFrom: NOW, validUntil: CAMPAIGN_END, active: true },
      { title: 'R-89: validUntil is exclusive', validFrom: LAST_MONTH, validUntil: NOW, active: false },
      {
        title: 'R-89: one millisecond before validUntil is still active',
        validFrom: LAST_MONTH,
        validUntil: at(NOW, 1),
        active: true,
      },
      {
        title: 'R-89: one millisecond before validFrom is not active yet',
        validFrom: at(NOW, 1),
        validUntil: CAMPAIGN_END,
        active: false,
      },
    ]),
  )('%s', (_title, { validFrom, validUntil, active }) => {
    const a = asg('volunteer', { area: { from: 1000, to: 1099 }, validFrom, validUntil });
    expect(activeAssignments([a], NOW)).toEqual(active ? [a] : []);
  });
});

describe('permissions', () => {
  it.each(
    titled<{ title: string; assignments: Assignment[]; permission: Permission; expected: boolean }>([
      { title: 'R-63: admin manages users', assignments: [admin], permission: 'user:manage', expected: true },
      {
        title: 'R-63: admin cannot verify the audit chain (that is the FG)',
        assignments: [admin],
        permission: 'audit:verify',
        expected: false,
      },
      {
        title: 'R-63: FG verifies the audit chain',
        assignments: [fg],
        permission: 'audit:verify',
        expected: true,
      },
      {
        title: 'R-63: FG cannot manage users',
        assignments: [fg],
        permission: 'user:manage',
        expected: false,
      },
      {
        title: 'R-63: campaign lead manages consent',
        assignments: [leadAmsterdam],
        permission: 'consent:manage',
        expected: true,
      },
      {
        title: 'R-63: a volunteer records offline consent (within their scope)',
        assignments: [volunteer1000],
        permission: 'consent:record',
        expected: true,
      },
      {
        title: 'R-63: a team member records offline consent',
        assignments: [teamAmsterdam],
        permission: 'consent:record',
        expected: true,
      },
      {
        title: 'R-63: a volunteer does not manage the consent catalogue',
        assignments: [volunteer1000],
        permission: 'consent:manage',
        expected: false,
      },
      {
        title: 'R-63: a candidate records no offline consent',
        assignments: [candidateThorbecke],
        permission: 'consent:record',
        expected: false,
      },
      {
        title: 'R-63: the FG records no offline consent',
        assignments: [fg],
        permission: 'consent:record',
        expected: false,
      },
      {
        title: 'R-63: team member builds audiences',
        assignments: [teamAmsterdam],
        permission: 'audience:manage',
        expected: true,
      },
      {
        title: 'R-63: volunteer cannot build audiences',
        assignments: [volunteer1000],
        permission: 'audience:manage',
        expected: false,
      },
      {
        title: 'R-63: candidate cannot write persons',
        assignments: [candidateThorbecke],
        permission: 'person:write',
        expected: false,
      },
      {
        title: 'R-89: an expired admin manages nothing',
        assignments: [asg('admin', { validUntil: at(NOW, -1) })],
        permission: 'user:manage',
        expected: false,
      },
      {
        title: 'R-63: permissions of two assignments add up',
        assignments: [volunteer1000, fg],
        permission: 'audit:read',
        expected: true,
      },
    ]),
  )('%s', (_title, { assignments, permission, expected }) => {
    expect(can(assignments, permission, NOW)).toBe(expected);
    expect(permissionsOf(assignments, NOW).has(permission)).toBe(expected);
  });

  it.each(ROLES)('R-63: role %s has a Dutch and an English name', (role) => {
    expect(ROLE_INFO[role].nl.trim()).not.toBe('');
    expect(ROLE_INFO[role].en.trim()).not.toBe('');
  });

  it.each(ROLES.map((role): [Role, boolean] => [role, ROLE_INFO[role].staff]))(
    'R-86/R-89: role %s (staff: %s): campaign roles need the briefing, staff roles do not',
    (role, staff) => {
      expect(ROLE_INFO[role].needsBriefing).toBe(!staff);
    },
  );
});

describe('requiresMfa', () => {
  it.each(ROLES)('R-61: role %s can read contact data, so a second factor is required', (role) => {
    expect(ROLE_INFO[role].permissions).toContain('person:read');
    expect(requiresMfa([role])).toBe(true);
  });
  it.each(
    titled<{ title: string; roles: Role[]; expected: boolean }>([
      {
        title: 'R-61: volunteer plus candidate → MFA required',
        roles: ['volunteer', 'candidate'],
        expected: true,
      },
      { title: 'R-61: admin → MFA required', roles: ['admin'], expected: true },
      { title: 'R-61: no roles (no contact access) → no MFA demanded', roles: [], expected: false },
    ]),
  )('%s', (_title, { roles, expected }) => {
    expect(requiresMfa(roles)).toBe(expected);
  });
});

describe('validateAssignment', () => {
  const start = new Date('2025-01-15T00:00:00+01:00');
  const calendarYearLater = new Date('2026-01-15T00:00:00+01:00'); // 365 days: 2025 is not a leap year
  const monthsLater = (m: number): Date => {
    const d = new Date(start);
    d.setUTCMonth(d.getUTCMonth() + m);
    return d;
  };
  const base = { validFrom: start, briefingAcknowledgedAt: null };
  const cases: { title: string; a: Assignment; expected: Code[] }[] = [
    {
      title: 'R-63: volunteer with a postcode area and an end date is valid',
      a: asg('volunteer', { ...base, area: { from: 1000, to: 1099 }, validUntil: monthsLater(3) }),
      expected: [],
    },
    {
      title: 'R-63: volunteer without an area → ASSIGNMENT_SCOPE_INVALID',
      a: asg('volunteer', { ...base, validUntil: monthsLater(3) }),
      expected: ['ASSIGNMENT_SCOPE_INVALID'],
    },
    {
      title: 'R-63: volunteer with only a branch (a volunteer is scoped by area) → ASSIGNMENT_SCOPE_INVALID',
      a: asg('volunteer', { ...base, branchId: 'br-amsterdam', validUntil: monthsLater(3) }),
      expected: ['ASSIGNMENT_SCOPE_INVALID'],
    },
    {
      title: 'R-63: candidate without a candidate id → ASSIGNMENT_SCOPE_INVALID',
      a: asg('candidate', { ...base, branchId: 'br-amsterdam', validUntil: monthsLater(3) }),
      expected: ['ASSIGNMENT_SCOPE_INVALID'],
    },
    {
      title: 'R-63: campaign lead without a branch → ASSIGNMENT_SCOPE_INVALID',
      a: asg('campaign_lead', { ...base, validUntil: monthsLater(3) }),
      expected: ['ASSIGNMENT_SCOPE_INVALID'],
    },
    {
      title: 'R-63: team member with a branch is valid',
      a: asg('team_member', { ...base, branchId: 'br-amsterdam', validUntil: monthsLater(3) }),
      expected: [],
    },
    ...(
      [
        [{ from: 1099, to: 1000 }, 'from after to'],
        [{ from: 999, to: 1099 }, 'below 1000'],
        [{ from: 9000, to: 10000 }, 'above 9999'],
      ] as const
    ).map(([area, why]) => ({
      title: `R-63: volunteer area ${area.from}-${area.to} (${why}) → ASSIGNMENT_SCOPE_INVALID`,
      a: asg('volunteer', { ...base, area, validUntil: monthsLater(3) }),
      expected: ['ASSIGNMENT_SCOPE_INVALID'] as Code[],
    })),
    {
      title: 'R-63: volunteer area 1000-9999 (the whole country, but well-formed) is a valid scope',
      a: asg('volunteer', { ...base, area: { from: 1000, to: 9999 }, validUntil: monthsLater(3) }),
      expected: [],
    },
    {
      title: 'R-89: volunteer without validUntil → ASSIGNMENT_NEEDS_VALID_UNTIL',
      a: asg('volunteer', { ...base, area: { from: 1000, to: 1099 }, validUntil: null }),
      expected: ['ASSIGNMENT_NEEDS_VALID_UNTIL'],
    },
    {
      title: 'R-63/R-89: volunteer without area and without validUntil → both codes',
      a: asg('volunteer', { ...base, validUntil: null }),
      expected: ['ASSIGNMENT_SCOPE_INVALID', 'ASSIGNMENT_NEEDS_VALID_UNTIL'],
    },
    {
      title: 'R-89: candidate for exactly 12 months is valid',
      a: asg('candidate', { ...base, candidateId: 'cand-thorbecke', validUntil: calendarYearLater }),
      expected: [],
    },
    {
      title: 'R-89: candidate for 13 months → ASSIGNMENT_TOO_LONG',
      a: asg('candidate', { ...base, candidateId: 'cand-thorbecke', validUntil: monthsLater(13) }),
      expected: ['ASSIGNMENT_TOO_LONG'],
    },
    {
      title: 'R-89: team member for two years → ASSIGNMENT_TOO_LONG',
      a: asg('team_member', { ...base, branchId: 'br-amsterdam', validUntil: monthsLater(24) }),
      expected: ['ASSIGNMENT_TOO_LONG'],
    },
    {
      title: 'R-89: the 12 months count from validFrom when it lies in the future',
      a: asg('volunteer', {
        ...base,
        area: { from: 1000, to: 1099 },
        validFrom: monthsLater(2),
        validUntil: monthsLater(14),
      }),
      expected: [],
    },
    {
      title: 'R-89: admin (staff) needs neither scope nor validUntil',
      a: asg('admin', { ...base, validUntil: null }),
      expected: [],
    },
    {
      title: 'R-89: FG (staff) needs neither scope nor validUntil',
      a: asg('fg', { ...base, validUntil: null }),
      expected: [],
    },
  ];

  it.each(titled(cases))('%s', (_title, { a, expected }) => {
    expect(validateAssignment(a, start)).toEqual(expected);
  });

  it('R-89: candidate for 12 months across 29 February (2027-03-01 → 2028-03-01, 366 days) is valid', () => {
    const validFrom = new Date('2027-03-01T00:00:00+01:00');
    const a = asg('candidate', {
      ...base,
      candidateId: 'cand-thorbecke',
      validFrom,
      validUntil: new Date('2028-03-01T00:00:00+01:00'),
    });
    expect(validateAssignment(a, validFrom)).toEqual([]);
  });

  // The limit is 12 calendar months, not a fixed number of days (a year without 29 February).
  it('R-89: candidate for 12 months and 1 day (2025-01-15 → 2026-01-16, no leap day) → ASSIGNMENT_TOO_LONG', () => {
    const a = asg('candidate', {
      ...base,
      candidateId: 'cand-thorbecke',
      validUntil: new Date('2026-01-16T00:00:00+01:00'),
    });
    expect(validateAssignment(a, start)).toEqual(['ASSIGNMENT_TOO_LONG']);
  });
});

describe('passwordProblems', () => {
  it.each(
    titled<{ title: string; password: string; expected: Code[] }>([
      { title: 'R-61: empty password → WEAK_PASSWORD', password: '', expected: ['WEAK_PASSWORD'] },
      { title: 'R-61: 11 characters → WEAK_PASSWORD', password: 'abcdefghijk', expected: ['WEAK_PASSWORD'] },
      { title: 'R-61: 12 characters → accepted', password: 'abcdefghijkl', expected: [] },
      {
        title: 'R-61: a long passphrase without digits or symbols → accepted',
        password: 'correct horse battery staple',
        expected: [],
      },
      {
        title: 'R-61: characters are counted, not UTF-16 units: 6 emoji (12 units) → WEAK_PASSWORD',
        password: '🔒'.repeat(6),
        expected: ['WEAK_PASSWORD'],
      },
      { title: 'R-61: 12 emoji → accepted', password: '🔒'.repeat(12), expected: [] },
      {
        title: 'R-61: 11 accented letters → WEAK_PASSWORD',
        password: 'ëëëëëëëëëëë',
        expected: ['WEAK_PASSWORD'],
      },
    ]),
  )('%s', (_title, { password, expected }) => {
    expect(passwordProblems(password)).toEqual(expected);
  });
});

describe('login lockout', () => {
  it('R-61: five failures in a row lock the account for 15 minutes; the lock then lapses', () => {
    const steps: { failedAttempts: number; lockedUntil: Date | null }[] = [];
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 5; i++) {
      state = afterFailedLogin(state.failedAttempts, NOW, 5, 15);
      steps.push(state);
    }
    expect(steps).toEqual([
      { failedAttempts: 1, lockedUntil: null },
      { failedAttempts: 2, lockedUntil: null },
      { failedAttempts: 3, lockedUntil: null },
      { failedAttempts: 4, lockedUntil: null },
      { failedAttempts: 0, lockedUntil: at(NOW, 15 * MINUTE) },
    ]);
  });

  it.each(
    titled([
      {
        title: 'R-61: fourth failure of five → counted, not locked',
        before: 3,
        max: 5,
        expected: { failedAttempts: 4, lockedUntil: null },
      },
      {
        title: 'R-61: fifth failure of five → locked for lockMinutes, counter reset',
        before: 4,
        max: 5,
        expected: { failedAttempts: 0, lockedUntil: at(NOW, 15 * MINUTE) },
      },
      {
        title: 'R-61: maxAttempts 1 → the first failure locks',
        before: 0,
        max: 1,
        expected: { failedAttempts: 0, lockedUntil: at(NOW, 15 * MINUTE) },
      },
      {
        title: 'R-61: a counter already past the limit still locks',
        before: 9,
        max: 5,
        expected: { failedAttempts: 0, lockedUntil: at(NOW, 15 * MINUTE) },
      },
    ]),
  )('%s', (_title, { before, max, expected }) => {
    expect(afterFailedLogin(before, NOW, max, 15)).toEqual(expected);
  });

  const lockedUntil = at(NOW, 15 * MINUTE);
  it.each(
    titled([
      { title: 'R-61: never locked → not locked', lockedUntil: null, now: NOW, expected: false },
      { title: 'R-61: right after locking → LOGIN_LOCKED', lockedUntil, now: NOW, expected: true },
      {
        title: 'R-61: one second before the lock ends → still locked',
        lockedUntil,
        now: at(lockedUntil, -1000),
        expected: true,
      },
      {
        title: 'R-61: at the moment the lock ends → unlocked',
        lockedUntil,
        now: lockedUntil,
        expected: false,
      },
      { title: 'R-61: a lock in the past → unlocked', lockedUntil: LAST_MONTH, now: NOW, expected: false },
    ]),
  )('%s', (_title, { lockedUntil: until, now, expected }) => {
    expect(isLocked(until, now)).toBe(expected);
  });
});

describe('sessionValid', () => {
  const idle = 30;
  const maxHours = 12;
  it.each(
    titled([
      { title: 'R-61: fresh session → valid', createdAt: NOW, lastSeenAt: NOW, expected: true },
      {
        title: 'R-61: idle 29 min 59 s → valid',
        createdAt: at(NOW, -HOUR),
        lastSeenAt: at(NOW, -(30 * MINUTE - 1000)),
        expected: true,
      },
      {
        title: 'R-61: idle exactly 30 min → idle logout',
        createdAt: at(NOW, -HOUR),
        lastSeenAt: at(NOW, -30 * MINUTE),
        expected: false,
      },
      {
        title: 'R-61: idle 2 hours → idle logout',
        createdAt: at(NOW, -3 * HOUR),
        lastSeenAt: at(NOW, -2 * HOUR),
        expected: false,
      },
      {
        title: 'R-61: active, 11 h 59 min old → valid',
        createdAt: at(NOW, -(12 * HOUR - MINUTE)),
        lastSeenAt: at(NOW, -MINUTE),
        expected: true,
      },
      {
        title: 'R-61: active, exactly 12 h old → absolute limit reached',
        createdAt: at(NOW, -12 * HOUR),
        lastSeenAt: at(NOW, -MINUTE),
        expected: false,
      },
      {
        title: 'R-61: active, 3 days old → absolute limit reached',
        createdAt: at(NOW, -72 * HOUR),
        lastSeenAt: NOW,
        expected: false,
      },
    ]),
  )('%s', (_title, { createdAt, lastSeenAt, expected }) => {
    expect(sessionValid({ createdAt, lastSeenAt }, NOW, idle, maxHours)).toBe(expected);
  });
});

describe('postcodeDigits', () => {
  it.each<[string | null, number | null]>([
    ['1012 AB', 1012],
    ['1012AB', 1012],
    ['1012 ab', 1012],
    ['  9999 ZZ  ', 9999],
    ['1000', 1000],
    ['0123 AB', null],
    ['123 AB', null],
    ['10123 AB', null],
    ['1O12 AB', null],
    ['1012 ABC', null],
    ['1012 A', null],
    ['1012-AB', null],
    ['AB 1012', null],
    ['１０１２ AB', null],
    ['', null],
    ['   ', null],
    [null, null],
  ])('R-63: postcode %j → digits %j (area scopes compare these)', (postcode, expected) => {
    expect(postcodeDigits(postcode)).toBe(expected);
  });
});

describe('personListBlock', () => {
  const t0 = new Date('2026-11-23T12:00:00+01:00');
  const base = {
    branchId: 'br-1',
    candidateId: null,
    area: null,
    validFrom: new Date('2026-11-01T00:00:00+01:00'),
    validUntil: new Date('2027-03-18T00:00:00+01:00'),
  } as const;
  it.each([
    [
      'R-86: a team member without the acknowledged briefing → BRIEFING_NOT_ACKNOWLEDGED',
      [{ ...base, role: 'team_member', briefingAcknowledgedAt: null }],
      'BRIEFING_NOT_ACKNOWLEDGED',
    ],
    [
      'R-86: a briefed team member → no block',
      [{ ...base, role: 'team_member', briefingAcknowledgedAt: t0 }],
      null,
    ],
    [
      'R-86: staff need no campaign briefing → no block',
      [{ ...base, branchId: null, validUntil: null, role: 'fg', briefingAcknowledgedAt: null }],
      null,
    ],
    [
      'R-89: only an expired assignment → no briefing block (login refuses it)',
      [
        {
          ...base,
          validUntil: new Date('2026-11-02T00:00:00+01:00'),
          role: 'team_member',
          briefingAcknowledgedAt: null,
        },
      ],
      null,
    ],
  ] as const)('%s', (_title, assignments, expected) => {
    expect(personListBlock(assignments as never, t0)).toBe(expected);
  });
});
