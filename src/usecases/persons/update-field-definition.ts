/**
 * Change a definition's labels or classification. Membership definitions are locked political;
 * a definition with values in use keeps its classification (the values carry it); the proxy floor of
 * R-08 applies as on creation.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import {
  classifyDefinition,
  type FieldDefinition,
  reclassifyProblem,
} from '../../domain/persons/field-definitions.js';
import type { DataClass, ProxyRisk } from '../../domain/persons/types.js';
import type { Deps } from '../deps.js';
import { personWriter, raise } from './person-write-access.js';

export async function updateFieldDefinition(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: { labelNl: string; labelEn: string; dataClass: DataClass; proxyRisk: ProxyRisk },
): Promise<FieldDefinition> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'field_definition.update');
  const outcome = await d.db.transaction(async (tx) => {
    const def = await d.persons.definitions.findById(tx, id);
    if (!def) throw new DomainError('NOT_FOUND');
    const next = def.locked
      ? { dataClass: input.dataClass, proxyRisk: input.proxyRisk }
      : classifyDefinition({ ...def, ...input });
    const problem = reclassifyProblem(def, next, await d.persons.definitions.valuesInUse(tx, id));
    if (problem) return { problem };
    const updated = await d.persons.definitions.update(tx, id, { ...input, ...next }, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'field_definition.updated',
          actorType: w.actorType,
          actorId: w.actorId,
          objectType: 'field_definition',
          objectId: id,
          data: { dataClass: updated.dataClass, proxyRisk: updated.proxyRisk },
        },
      ],
      now,
    );
    return { updated };
  });
  if ('problem' in outcome && outcome.problem) {
    return raise(
      d,
      w,
      { refused: outcome.problem.code, details: { reason: outcome.problem.reason }, audit: true },
      {
        action: 'field_definition.update',
        objectType: 'field_definition',
        objectId: id,
      },
    );
  }
  return (outcome as { updated: FieldDefinition }).updated;
}
