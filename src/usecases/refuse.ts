/**
 * Every refusal writes an audit entry (LEGAL.md Appendix C.0): the code, the actor and the object. It is
 * committed on its own, so it survives the refusal that follows; then the refusal is thrown.
 */
import type { Actor } from '../domain/access/actor.js';
import { type Code, DomainError } from '../domain/codes.js';
import type { Deps } from './deps.js';

export function auditActor(actor: Actor): {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
} {
  if (actor.kind === 'operator') return { actorType: 'operator', actorId: null };
  if (actor.kind === 'token')
    return { actorType: 'token', actorId: `${actor.userId}/token:${actor.tokenId}` };
  return { actorType: 'user', actorId: actor.userId };
}

export async function refuse(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  code: Code,
  what: { action: string; personId?: string | null; objectType?: string; objectId?: string },
): Promise<never> {
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
          data: { code, action: what.action },
        },
      ],
      d.now(),
    ),
  );
  throw new DomainError(code);
}
