/** Who is acting: a logged-in user, an API token of a user, or the local operator (CLI on the machine). */
import type { Permission } from './roles.js';
import type { Assignment } from './scope.js';

export type Actor =
  | { kind: 'user'; userId: string; username: string; assignments: Assignment[] }
  | {
      kind: 'token';
      userId: string;
      username: string;
      tokenId: string;
      assignments: Assignment[];
      scopes: string[];
    }
  | { kind: 'operator' };

/** What each API-token scope opens; a token never exceeds its user's own permissions. */
export const TOKEN_SCOPES: Record<string, readonly Permission[]> = {
  'persons:read': ['person:read'],
  'audit:read': ['audit:read'],
};

export function tokenScopeAllows(scopes: readonly string[], permission: Permission): boolean {
  return scopes.some((s) => TOKEN_SCOPES[s]?.includes(permission));
}
