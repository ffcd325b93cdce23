/**
 * Shared check for the website use cases: permission `websites:manage` (FG, campaign lead). API tokens
 * need a scope that opens it (none does yet); the local operator has no role here. Refusals are audited.
 */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export interface WebsiteManager {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  /** The user behind the actor, for `created_by` / `requested_by` / `acknowledged_by`. */
  userId: string | null;
}

export async function websiteManager(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<WebsiteManager> {
  if (actor.kind === 'operator') return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  const allowed =
    (actor.kind !== 'token' || tokenScopeAllows(actor.scopes, 'websites:manage')) &&
    can(actor.assignments, 'websites:manage', d.now());
  if (!allowed) return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  return { ...auditActor(actor), userId: actor.userId };
}
