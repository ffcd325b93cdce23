/**
 * Shared checks of the audience use cases: permission `audience:manage` (admin, campaign lead, team
 * member, candidate), the actor's scope as person search computes it, and visibility of an audience:
 * it belongs to the scope of whoever created it; a candidate's audience exists only for that candidate (and
 * for party-wide roles). Out of scope is 404 (never reveal existence); refusals are audited.
 */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can, personListBlock, personListScope, type ScopeFilter } from '../../domain/access/policies.js';
import { type Permission, ROLE_INFO } from '../../domain/access/roles.js';
import type { Assignment } from '../../domain/access/scope.js';
import { DomainError } from '../../domain/codes.js';
import { type AudienceRow, audiencesRepo } from '../../storage/audiences-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import type { SubjectScope } from '../gate/subjects.js';
import { auditActor, refuse } from '../refuse.js';

export interface AudienceActor {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  userId: string | null;
  assignments: Assignment[];
  /** The persons this actor may select from (the assignments that hold `audience:manage`). */
  scope: SubjectScope;
}

/** Who may freeze a snapshot: audience managers, and the senders and approvers that use one. */
export const SNAPSHOT_PERMISSIONS: readonly Permission[] = [
  'audience:manage',
  'outreach:send',
  'export:approve',
];

/** The check without auditing (for callers inside their own transaction): the refusal code, or the actor. */
export function audienceActorOf(
  actor: Actor,
  now: Date,
  permissions: readonly Permission[] = ['audience:manage'],
): AudienceActor | { refused: 'FORBIDDEN' | 'BRIEFING_NOT_ACKNOWLEDGED' } {
  if (actor.kind === 'operator') return { refused: 'FORBIDDEN' };
  const held = permissions.filter(
    (p) => (actor.kind !== 'token' || tokenScopeAllows(actor.scopes, p)) && can(actor.assignments, p, now),
  );
  if (held.length === 0) return { refused: 'FORBIDDEN' };
  const managing = actor.assignments.filter((a) =>
    held.some((p) => ROLE_INFO[a.role].permissions.includes(p)),
  );
  const block = personListBlock(managing, now);
  if (block) return { refused: block };
  return {
    ...auditActor(actor),
    userId: actor.userId,
    assignments: actor.assignments,
    scope: personListScope(managing, now),
  };
}

export async function audienceManager(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
  permissions: readonly Permission[] = ['audience:manage'],
): Promise<AudienceActor> {
  const who = audienceActorOf(actor, d.now(), permissions);
  if ('refused' in who) return refuse(d, actor, who.refused, { action, ...object });
  return who;
}

const sameAlternative = (a: ScopeFilter, b: ScopeFilter) =>
  a.branchId === b.branchId &&
  a.candidateId === b.candidateId &&
  (a.area === null
    ? b.area === null
    : b.area !== null && a.area.from === b.area.from && a.area.to === b.area.to);

/** The scope stored with a new audience: null for the whole party. */
export function ownerScopeOf(who: AudienceActor): ScopeFilter[] | null {
  return who.scope.all ? null : who.scope.alternatives;
}

/** The persons an audience selects from: its owner's scope. */
export function audienceScope(a: Pick<AudienceRow, 'ownerScope'>): SubjectScope {
  return a.ownerScope === null ? { all: true } : { all: false, alternatives: a.ownerScope };
}

/** Party-wide actors see every audience; others those whose owner scope lies within theirs. */
export function audienceVisible(who: AudienceActor, a: Pick<AudienceRow, 'ownerScope'>): boolean {
  if (who.scope.all) return true;
  if (a.ownerScope === null || a.ownerScope.length === 0) return false;
  const mine = who.scope.alternatives;
  return a.ownerScope.every((alt) => mine.some((m) => sameAlternative(m, alt)));
}

/**
 * The audience when it exists and is visible to the actor; otherwise 404 (audited when it exists, R-63).
 * Read before the use case's transaction (a refusal commits its own audit entry).
 */
export async function visibleAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  who: AudienceActor,
  id: string,
  action: string,
  tx?: Queryable,
): Promise<AudienceRow> {
  const a = await audiencesRepo.get(tx ?? d.db, id);
  if (a && tx && !(audienceVisible(who, a) && a.archivedAt === null)) throw new DomainError('NOT_FOUND');
  if (a && audienceVisible(who, a) && a.archivedAt === null) return a;
  if (a) return refuse(d, actor, 'NOT_FOUND', { action, objectType: 'audience', objectId: id });
  throw new DomainError('NOT_FOUND');
}
