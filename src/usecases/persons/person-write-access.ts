/**
 * Shared steps of the register's writes: who may write persons, whether a given person is in the
 * writer's scope (out of scope is 404, like a missing id), and the audited refusal that reports every
 * applicable reason (Appendix C.0) — committed on its own, so it survives the refusal that follows.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can, personAccess } from '../../domain/access/policies.js';
import { type Code, DomainError } from '../../domain/codes.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export interface Writer {
  actor: Actor;
  userId: string;
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  assignments: Extract<Actor, { kind: 'user' }>['assignments'];
}

/** A signed-in user with person:write (tokens and the operator do not write the register). */
export async function personWriter(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  now: Date,
  action: string,
): Promise<Writer> {
  if (actor.kind !== 'user' || !can(actor.assignments, 'person:write', now)) {
    return refuse(d, actor, 'FORBIDDEN', { action });
  }
  return { actor, userId: actor.userId, assignments: actor.assignments, ...auditActor(actor) };
}

/** A refusal decided inside a transaction, raised (and audited) after it rolled back. */
export interface Refusal {
  refused: Code;
  reasons?: Code[];
  details?: Record<string, unknown>;
  /** Audit the refusal (legal and access refusals); plain input errors are not audited. */
  audit: boolean;
}

export const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && 'refused' in x && typeof (x as Refusal).refused === 'string';

/**
 * Lock the person and check the writer's scope: NOT_FOUND out of scope or missing (identical answers),
 * FORBIDDEN when visible but not writable. Returns a refusal or null.
 */
export async function writablePerson(
  d: Pick<Deps, 'persons'>,
  tx: Queryable,
  w: Writer,
  personId: string,
  now: Date,
): Promise<Refusal | null> {
  const facts = await d.persons.scopeFacts(tx, personId, { lock: true });
  if (!facts) return { refused: 'NOT_FOUND', audit: false };
  const access = personAccess(w.assignments, facts, 'person:write', now);
  if (!access.allowed) return { refused: access.code, audit: true };
  return null;
}

/**
 * Raise a refusal: audited ones write one `access.refused` entry (code, every reason, action, object),
 * then the error carries `details.reasons` (Appendix C.0).
 */
export async function raise(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  w: Writer | Actor,
  r: Refusal,
  what: { action: string; personId?: string | null; objectType?: string; objectId?: string },
): Promise<never> {
  const reasons = r.reasons ?? [r.refused];
  const actor = 'actor' in w ? w.actor : w;
  if (r.audit) {
    await d.db.transaction((tx) =>
      d.audit.append(
        tx,
        [
          {
            type: 'access.refused',
            ...auditActor(actor),
            personId: what.personId ?? null,
            objectType: what.objectType ?? null,
            objectId: what.objectId ?? null,
            data: { code: r.refused, action: what.action, ...(reasons.length > 1 ? { reasons } : {}) },
          },
        ],
        d.now(),
      ),
    );
  }
  if (r.refused === 'NOT_FOUND' || r.refused === 'FORBIDDEN') throw new DomainError(r.refused);
  throw new DomainError(r.refused, { ...r.details, reasons });
}

/** 400 VALIDATION_FAILED naming one field and its rule. */
export function invalidField(field: string, rule: string, problem: string): never {
  throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: [{ field, rule, problem }] });
}
