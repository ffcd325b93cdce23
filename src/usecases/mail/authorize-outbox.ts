/**
 * Shared check for the outbox use cases: permission `mail:read` (admins only; the outbox holds
 * recipients and confirmation links). API tokens have no scope that opens it, the local operator has no
 * role here. Refusals are audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export async function outboxReader(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<{ actorType: 'user' | 'token' | 'operator'; actorId: string | null }> {
  if (actor.kind !== 'user' || !can(actor.assignments, 'mail:read', d.now())) {
    return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  }
  return auditActor(actor);
}
