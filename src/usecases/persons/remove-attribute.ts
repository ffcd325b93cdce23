/** Remove a field value, tag or note from a person: the value is cleared, the removal kept (who, when) and audited. */
import type { Actor } from '../../domain/access/actor.js';
import type { Deps } from '../deps.js';
import { isRefusal, personWriter, type Refusal, raise, writablePerson } from './person-write-access.js';

export async function removeAttribute(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  attributeId: string,
): Promise<void> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.remove_attribute');
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | null> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    const a = await d.persons.attributes.find(tx, attributeId);
    if (!a || a.personId !== personId || a.removedAt) return { refused: 'NOT_FOUND', audit: false };
    await d.persons.attributes.remove(tx, [attributeId], w.userId, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'person.attribute_removed',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          objectType: 'person_attribute',
          objectId: attributeId,
          data: { dataClass: a.dataClass },
        },
      ],
      now,
    );
    return null;
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.remove_attribute', personId });
}
