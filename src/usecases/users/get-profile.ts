/** The signed-in user's profile with the permissions and app areas the policy opens (sent to the UI). */
import { activeAssignments, permissionsOf } from '../../domain/access/policies.js';
import { AREAS } from '../../domain/access/roles.js';
import type { SignedIn } from '../auth/resolve-session.js';

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  locale: 'nl' | 'en';
  roles: {
    role: string;
    branchId: string | null;
    branchName: string | null;
    candidateId: string | null;
    area: { from: number; to: number } | null;
    validUntil: string | null;
  }[];
  permissions: string[];
  areas: string[];
}

export function getProfile(s: SignedIn, now: Date): Profile {
  const perms = permissionsOf(s.assignments, now);
  return {
    id: s.user.id,
    username: s.user.username,
    displayName: s.user.displayName,
    locale: s.user.locale,
    roles: activeAssignments(s.assignments, now).map((a) => {
      const rec = s.assignments.find((x) => x === a)!;
      return {
        role: a.role,
        branchId: a.branchId,
        branchName: rec.branchName,
        candidateId: a.candidateId,
        area: a.area,
        validUntil: a.validUntil?.toISOString() ?? null,
      };
    }),
    permissions: [...perms].sort(),
    areas: AREAS.filter((a) => a.permission === null || perms.has(a.permission)).map((a) => a.id),
  };
}
