/**
 * Who may import (C3): a signed-in user with `person:write` (the secretariat), or the local operator
 * (the CLI on the machine that holds the data directory and its master key: `kieskluis import persons`).
 * API tokens open no import scope. Refusals are audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export interface Importer {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  /** The user behind the actor, for `created_by`; null for the operator. */
  userId: string | null;
}

export async function importer(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<Importer> {
  if (actor.kind === 'operator') return { ...auditActor(actor), userId: null };
  if (actor.kind !== 'user' || !can(actor.assignments, 'person:write', d.now())) {
    return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  }
  return { ...auditActor(actor), userId: actor.userId };
}
