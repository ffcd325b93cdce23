/**
 * Access policies as pure functions of the actor's assignments, the resource and the time.
 * Outside an actor's scope a resource does not exist for them (the server answers 404).
 * Sources: R-61 (MFA), R-63 (need-to-know scopes), R-86 (briefing first), R-89 (time-boxed access).
 */
import { addMonthsNl } from '../calendar.js';
import type { Code } from '../codes.js';
import { type Permission, ROLE_INFO, type Role } from './roles.js';
import { type Assignment, type PersonScopeFacts, postcodeDigits } from './scope.js';

/** Campaign roles last at most this many calendar months (R-89, Appendix A). */
export const MAX_CAMPAIGN_ROLE_MONTHS = 12;

/** Assignments in force at `now`: started and not expired. */
export function activeAssignments(assignments: readonly Assignment[], now: Date): Assignment[] {
  return assignments.filter(
    (a) =>
      a.validFrom.getTime() <= now.getTime() &&
      (a.validUntil === null || now.getTime() < a.validUntil.getTime()),
  );
}

/**
 * Whether a login may proceed at all: a user whose every assignment has expired gets ACCESS_EXPIRED
 * a user with no assignment at all cannot log in either.
 */
export function loginAccess(
  assignments: readonly Assignment[],
  now: Date,
): { ok: true } | { ok: false; code: Code } {
  if (assignments.length === 0) return { ok: false, code: 'FORBIDDEN' };
  if (activeAssignments(assignments, now).length > 0) return { ok: true };
  const upcoming = assignments.some(
    (a) =>
      a.validFrom.getTime() > now.getTime() &&
      (a.validUntil === null || a.validUntil.getTime() > now.getTime()),
  );
  return { ok: false, code: upcoming ? 'ACCESS_NOT_YET_VALID' : 'ACCESS_EXPIRED' };
}

/**
 * a second factor is required for every account that can read personal data (the issue names
 * admin and FG; LEGAL.md R-61 extends it to every role with contact access, which is every role here).
 */
export function requiresMfa(roles: readonly Role[]): boolean {
  return roles.some((r) => ROLE_INFO[r].permissions.includes('person:read') || r === 'admin' || r === 'fg');
}

export function permissionsOf(assignments: readonly Assignment[], now: Date): Set<Permission> {
  const out = new Set<Permission>();
  for (const a of activeAssignments(assignments, now)) {
    for (const p of ROLE_INFO[a.role].permissions) out.add(p);
  }
  return out;
}

export function can(assignments: readonly Assignment[], permission: Permission, now: Date): boolean {
  return permissionsOf(assignments, now).has(permission);
}

function assignmentCovers(a: Assignment, person: PersonScopeFacts): boolean {
  const kinds = ROLE_INFO[a.role].scopeKinds;
  if (kinds === 'party') return true;
  // Every scope the assignment names must hold (branch AND area AND candidate, where set).
  let named = false;
  if (a.branchId !== null) {
    named = true;
    if (person.branchId !== a.branchId) return false;
  }
  if (a.area !== null) {
    named = true;
    const digits = postcodeDigits(person.postcode);
    if (digits === null || digits < a.area.from || digits > a.area.to) return false;
  }
  if (a.candidateId !== null) {
    named = true;
    if (!person.candidateIds.includes(a.candidateId)) return false;
  }
  return named;
}

export type PersonAccess =
  | { allowed: true }
  | { allowed: false; code: 'NOT_FOUND' | 'BRIEFING_NOT_ACKNOWLEDGED' | 'FORBIDDEN' };

/**
 * May this actor read (or write, or record an offline consent for) this person? Out of scope → NOT_FOUND
 * (never reveal existence, R-63); visible to the actor but not writable (recordable) by a role whose
 * scope covers them → FORBIDDEN; in scope but the campaign briefing is not acknowledged →
 * BRIEFING_NOT_ACKNOWLEDGED.
 */
export function personAccess(
  assignments: readonly Assignment[],
  person: PersonScopeFacts,
  permission: Extract<Permission, 'person:read' | 'person:write' | 'consent:record'>,
  now: Date,
): PersonAccess {
  const covering = activeAssignments(assignments, now).filter(
    (a) => ROLE_INFO[a.role].permissions.includes(permission) && assignmentCovers(a, person),
  );
  if (covering.length === 0) {
    if (permission !== 'person:read' && personAccess(assignments, person, 'person:read', now).allowed) {
      return { allowed: false, code: 'FORBIDDEN' };
    }
    return { allowed: false, code: 'NOT_FOUND' };
  }
  const briefed = covering.some((a) => !ROLE_INFO[a.role].needsBriefing || a.briefingAcknowledgedAt !== null);
  if (!briefed) return { allowed: false, code: 'BRIEFING_NOT_ACKNOWLEDGED' };
  return { allowed: true };
}

/**
 * The scope as a filter a repository can turn into SQL: null = whole party; otherwise a list of
 * alternatives, each a conjunction of conditions. Only briefed, active assignments count.
 */
export interface ScopeFilter {
  branchId: string | null;
  area: { from: number; to: number } | null;
  candidateId: string | null;
}

export function personListScope(
  assignments: readonly Assignment[],
  now: Date,
): { all: true } | { all: false; alternatives: ScopeFilter[] } {
  const usable = activeAssignments(assignments, now).filter(
    (a) =>
      ROLE_INFO[a.role].permissions.includes('person:read') &&
      (!ROLE_INFO[a.role].needsBriefing || a.briefingAcknowledgedAt !== null),
  );
  if (usable.some((a) => ROLE_INFO[a.role].scopeKinds === 'party')) return { all: true };
  const alternatives = usable
    .filter((a) => a.branchId !== null || a.area !== null || a.candidateId !== null)
    .map((a) => ({ branchId: a.branchId, area: a.area, candidateId: a.candidateId }));
  return { all: false, alternatives };
}

/**
 * Why a person list would be empty for reasons the user can fix: every active assignment that could read
 * persons waits for the campaign briefing. Null when the list may be shown.
 */
export function personListBlock(
  assignments: readonly Assignment[],
  now: Date,
): 'BRIEFING_NOT_ACKNOWLEDGED' | null {
  const readers = activeAssignments(assignments, now).filter((a) =>
    ROLE_INFO[a.role].permissions.includes('person:read'),
  );
  if (readers.length === 0) return null;
  const briefed = readers.some((a) => !ROLE_INFO[a.role].needsBriefing || a.briefingAcknowledgedAt !== null);
  return briefed ? null : 'BRIEFING_NOT_ACKNOWLEDGED';
}

/**
 * Validate an assignment before it is stored (R-63 scope required, R-89 time box for campaign roles).
 * Returns the refusal codes; empty when valid.
 */
export function validateAssignment(a: Assignment, now: Date): Code[] {
  const info = ROLE_INFO[a.role];
  const codes: Code[] = [];
  if (info.scopeKinds !== 'party') {
    const hasScope =
      (info.scopeKinds.includes('branch') && a.branchId !== null) ||
      (info.scopeKinds.includes('candidate') && a.candidateId !== null) ||
      (info.scopeKinds.includes('area') && a.area !== null);
    if (!hasScope) codes.push('ASSIGNMENT_SCOPE_INVALID');
    if (a.area !== null && (a.area.from > a.area.to || a.area.from < 1000 || a.area.to > 9999)) {
      if (!codes.includes('ASSIGNMENT_SCOPE_INVALID')) codes.push('ASSIGNMENT_SCOPE_INVALID');
    }
  }
  if (
    a.validUntil !== null &&
    (a.validUntil.getTime() <= a.validFrom.getTime() || a.validUntil.getTime() <= now.getTime())
  ) {
    codes.push('ASSIGNMENT_PERIOD_INVALID');
  } else if (!info.staff) {
    const start = a.validFrom.getTime() > now.getTime() ? a.validFrom : now;
    if (a.validUntil === null) codes.push('ASSIGNMENT_NEEDS_VALID_UNTIL');
    else if (a.validUntil.getTime() > addMonthsNl(start, MAX_CAMPAIGN_ROLE_MONTHS).getTime()) {
      codes.push('ASSIGNMENT_TOO_LONG');
    }
  }
  return codes;
}

/** Password rule: long enough; length beats composition rules (NIST SP 800-63B). */
export function passwordProblems(password: string): Code[] {
  return [...password].length >= 12 ? [] : ['WEAK_PASSWORD'];
}

/** Login throttling: lock after `maxAttempts` consecutive failures for `lockMinutes`. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && now.getTime() < lockedUntil.getTime();
}

export function afterFailedLogin(
  failedAttempts: number,
  now: Date,
  maxAttempts: number,
  lockMinutes: number,
): { failedAttempts: number; lockedUntil: Date | null } {
  const n = failedAttempts + 1;
  if (n >= maxAttempts)
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) };
  return { failedAttempts: n, lockedUntil: null };
}

/** Sessions (R-61 idle logout): valid until idle timeout or absolute lifetime, whichever comes first. */
export function sessionValid(
  s: { createdAt: Date; lastSeenAt: Date },
  now: Date,
  idleMinutes: number,
  maxHours: number,
): boolean {
  return (
    now.getTime() - s.lastSeenAt.getTime() < idleMinutes * 60_000 &&
    now.getTime() - s.createdAt.getTime() < maxHours * 3_600_000
  );
}
