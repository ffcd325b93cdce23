/**
 * A keyset page of persons within the actor's scope. Every person shown is a read of personal data and
 * gets its own audit entry (actor, person, purpose), written in the same transaction.
 */
import type { Actor } from '../../domain/access/actor.js';
import { personListBlock, personListScope } from '../../domain/access/policies.js';
import type { PersonRecord } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { personReader } from './authorize-person-read.js';

export async function listPersons(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
  input: { after: string | null; limit: number; purpose: string },
): Promise<{ items: PersonRecord[]; next: string | null }> {
  const now = d.now();
  const reader = await personReader(d, actor, now, 'person.list');
  const block = personListBlock(reader.assignments, now);
  if (block) return refuse(d, actor, block, { action: 'person.list' });
  const scope = personListScope(reader.assignments, now);
  return d.db.transaction(async (tx) => {
    const items = await d.persons.list(tx, scope.all ? null : scope.alternatives, input.after, input.limit);
    await d.audit.append(
      tx,
      items.map((p) => ({
        type: 'person.read' as const,
        actorType: reader.actorType,
        actorId: reader.actorId,
        personId: p.id,
        purpose: input.purpose,
        data: { view: 'list' },
      })),
      now,
    );
    return { items, next: items.length === input.limit ? items[items.length - 1]!.id : null };
  });
}
