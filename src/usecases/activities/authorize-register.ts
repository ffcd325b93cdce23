/**
 * Who may read and change the register of processing activities and the register of destinations:
 * `accountability:manage` writes (FG, campaign lead); `audience:manage` or `accountability:manage` reads
 * (those who build audiences must pick an activity). Party-wide registers without personal data.
 * Refusals are audited.
 */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import type { Permission } from '../../domain/access/roles.js';
import { DomainError } from '../../domain/codes.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export interface RegisterActor {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  userId: string | null;
}

export function holdsAny(actor: Actor, permissions: readonly Permission[], now: Date): boolean {
  if (actor.kind === 'operator') return false;
  return permissions.some(
    (p) => (actor.kind !== 'token' || tokenScopeAllows(actor.scopes, p)) && can(actor.assignments, p, now),
  );
}

async function needAny(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  permissions: readonly Permission[],
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<RegisterActor> {
  if (actor.kind === 'operator' || !holdsAny(actor, permissions, d.now()))
    return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  return { ...auditActor(actor), userId: actor.userId };
}

export function registerWriter(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<RegisterActor> {
  return needAny(d, actor, ['accountability:manage'], action, object);
}

export function registerReader(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<RegisterActor> {
  return needAny(d, actor, ['audience:manage', 'accountability:manage'], action, object);
}

/** 400 VALIDATION_FAILED naming the field and the rule; thrown before anything is written. */
export function invalid(field: string, rule: string, problem: string): never {
  throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: [{ field, rule, problem }] });
}

export const isUniqueViolation = (e: unknown) =>
  e instanceof Error &&
  ((e as { code?: string }).code === '23505' || /unique|duplicate key/i.test(e.message));
