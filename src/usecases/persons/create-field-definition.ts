/**
 * Add a field, tag or note kind to the catalogue, classified: party-linked or opinion-linked
 * attributes are `high` proxies and political whatever was asked; membership keys are reserved.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import {
  classifyDefinition,
  type FieldDefinition,
  type NewDefinitionInput,
} from '../../domain/persons/field-definitions.js';
import type { Deps } from '../deps.js';
import { personWriter } from './person-write-access.js';

export async function createFieldDefinition(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
  input: NewDefinitionInput,
): Promise<FieldDefinition> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'field_definition.create');
  const c = classifyDefinition(input);
  if (c.problems.length) throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: c.problems });
  return d.db.transaction(async (tx) => {
    const def = await d.persons.definitions.insert(
      tx,
      { ...input, dataClass: c.dataClass, proxyRisk: c.proxyRisk, locked: false },
      w.userId,
      now,
    );
    if (!def) throw new DomainError('FIELD_KEY_TAKEN');
    await d.audit.append(
      tx,
      [
        {
          type: 'field_definition.created',
          actorType: w.actorType,
          actorId: w.actorId,
          objectType: 'field_definition',
          objectId: def.id,
          data: { key: def.key, kind: def.kind, dataClass: def.dataClass, proxyRisk: def.proxyRisk },
        },
      ],
      now,
    );
    return def;
  });
}
