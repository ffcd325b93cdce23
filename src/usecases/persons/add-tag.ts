/** Tag a person (adding a tag twice is a no-op). Political tags are guarded (R-01: NO_EXPLICIT_CONSENT without a ground). */
import type { Actor } from '../../domain/access/actor.js';
import type { Deps } from '../deps.js';
import type { GroundDeps } from './person-grounds.js';
import { personWriter } from './person-write-access.js';
import { writeAttribute } from './write-attribute.js';

export async function addTag(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'> & GroundDeps,
  actor: Actor,
  personId: string,
  input: { key: string; publicEvidenceId: string | null },
) {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.add_tag');
  return writeAttribute(d, w, personId, 'tag', { ...input, value: null }, now);
}
