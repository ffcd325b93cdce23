/** The catalogue of fields, tags and note kinds with their classification (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import type { FieldDefinition } from '../../domain/persons/field-definitions.js';
import type { Deps } from '../deps.js';
import { personReader } from './authorize-person-read.js';

export async function listFieldDefinitions(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
): Promise<FieldDefinition[]> {
  await personReader(d, actor, d.now(), 'field_definition.list');
  return d.persons.definitions.list(d.db);
}
