/** Set a field on a person (one value per field; a new value replaces the old). Political fields are guarded. */
import type { Actor } from '../../domain/access/actor.js';
import type { Deps } from '../deps.js';
import type { GroundDeps } from './person-grounds.js';
import { personWriter } from './person-write-access.js';
import { type AttributeInput, writeAttribute } from './write-attribute.js';

export async function setAttribute(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'> & GroundDeps,
  actor: Actor,
  personId: string,
  input: AttributeInput,
) {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.set_attribute');
  return writeAttribute(d, w, personId, 'field', input, now);
}
