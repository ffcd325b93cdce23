/**
 * Shared checks of the consent use cases: permission `consent:manage` for the catalogue, forms and staff
 * withdrawals; `consent:record` within scope for offline capture (staff and volunteers, issue 3 C2);
 * `person:read` within scope for reading a person's consents (R-63: out of scope is 404). Refusals are
 * audited.
 */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can, personAccess } from '../../domain/access/policies.js';
import type { Permission } from '../../domain/access/roles.js';
import type { Assignment } from '../../domain/access/scope.js';
import { DomainError } from '../../domain/codes.js';
import type { Queryable } from '../../storage/db.js';
import type { PersonRecord } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export interface ConsentActor {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  /** The user behind the actor, for `created_by` / `captured_by`. */
  userId: string | null;
  assignments: Assignment[];
}

async function withPermission(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  permission: Permission,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<ConsentActor> {
  if (actor.kind === 'operator' || !holds(actor, permission, d.now()))
    return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  return { ...auditActor(actor), userId: actor.userId, assignments: actor.assignments };
}

function holds(actor: Actor, permission: Permission, now: Date): boolean {
  return (
    actor.kind !== 'operator' &&
    (actor.kind !== 'token' || tokenScopeAllows(actor.scopes, permission)) &&
    can(actor.assignments, permission, now)
  );
}

/** Manage purposes, texts, forms and staff withdrawals (offline capture: `consentRecorder`). */
export function consentManager(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<ConsentActor> {
  return withPermission(d, actor, 'consent:manage', action, object);
}

/**
 * Record an offline consent (staff and volunteers): `consent:record`; the person must be in the scope of a
 * role that holds it (`personInScope(…, 'consent:record')`). `manages` says whether the actor also holds
 * `consent:manage` (they may then act on records others captured, e.g. attach a scan).
 */
export async function consentRecorder(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<ConsentActor & { manages: boolean }> {
  const who = await withPermission(d, actor, 'consent:record', action, object);
  return { ...who, manages: holds(actor, 'consent:manage', d.now()) };
}

/** Read a person's consents (receipts, the person page). */
export function consentReader(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
): Promise<ConsentActor> {
  return withPermission(d, actor, 'person:read', action);
}

/**
 * The person, when the actor's scope covers them (for `permission`: reading, or recording an offline
 * consent); otherwise the refusal code to report after the transaction (NOT_FOUND for a person out of
 * scope or missing: never reveal existence).
 */
export async function personInScope(
  d: Pick<Deps, 'persons'>,
  tx: Queryable,
  who: ConsentActor,
  personId: string,
  now: Date,
  permission: 'person:read' | 'consent:record' = 'person:read',
): Promise<
  | { person: PersonRecord }
  | { refused: 'NOT_FOUND' | 'BRIEFING_NOT_ACKNOWLEDGED' | 'FORBIDDEN'; exists: boolean }
> {
  const person = await d.persons.findById(tx, personId);
  if (!person) return { refused: 'NOT_FOUND', exists: false };
  const access = personAccess(
    who.assignments,
    { branchId: person.branchId, postcode: person.postcode, candidateIds: person.candidateIds },
    permission,
    now,
  );
  return access.allowed ? { person } : { refused: access.code, exists: true };
}

/** Report a scope refusal: audited when the person exists (same answer as a missing one, R-63). */
export async function refuseOutOfScope(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  outcome: { refused: 'NOT_FOUND' | 'BRIEFING_NOT_ACKNOWLEDGED' | 'FORBIDDEN'; exists: boolean },
  action: string,
  personId: string,
): Promise<never> {
  if (outcome.exists) return refuse(d, actor, outcome.refused, { action, personId });
  throw new DomainError('NOT_FOUND');
}

/** 400 VALIDATION_FAILED naming the field and the rule; thrown before anything is written. */
export function invalid(field: string, rule: string, problem: string): never {
  throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: [{ field, rule, problem }] });
}
