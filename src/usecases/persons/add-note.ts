/** Add a note of a classified kind to a person; political notes are guarded; a BSN in the text is masked. */
import type { Actor } from '../../domain/access/actor.js';
import type { Deps } from '../deps.js';
import type { GroundDeps } from './person-grounds.js';
import { personWriter } from './person-write-access.js';
import { type AttributeInput, writeAttribute } from './write-attribute.js';

export async function addNote(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'> & GroundDeps,
  actor: Actor,
  personId: string,
  input: AttributeInput,
) {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.add_note');
  return writeAttribute(d, w, personId, 'note', input, now);
}
