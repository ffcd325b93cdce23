/** Shared check for person reads by a user or an API token: permission and token scope. */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export async function personReader(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  now: Date,
  action: string,
) {
  if (actor.kind === 'operator') return refuse(d, actor, 'FORBIDDEN', { action });
  const allowed =
    (actor.kind !== 'token' || tokenScopeAllows(actor.scopes, 'person:read')) &&
    can(actor.assignments, 'person:read', now);
  if (!allowed) return refuse(d, actor, 'FORBIDDEN', { action });
  return { assignments: actor.assignments, ...auditActor(actor) } as const;
}
