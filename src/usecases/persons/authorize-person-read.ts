/** Shared check for person reads by a user or an API token: permission, token scope, briefing. */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';

export function personReader(actor: Actor, now: Date) {
  if (actor.kind === 'operator') throw new DomainError('FORBIDDEN');
  if (actor.kind === 'token' && !tokenScopeAllows(actor.scopes, 'person:read'))
    throw new DomainError('FORBIDDEN');
  if (!can(actor.assignments, 'person:read', now)) throw new DomainError('FORBIDDEN');
  return {
    assignments: actor.assignments,
    actorType: actor.kind,
    actorId: actor.kind === 'token' ? `${actor.userId}/token:${actor.tokenId}` : actor.userId,
  } as const;
}
