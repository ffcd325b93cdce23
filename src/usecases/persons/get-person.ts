/**
 * Read one person, within scope (R-63: out of scope is 404), and record the read with its purpose in the
 * audit trail in the same transaction.
 */
import type { Actor } from '../../domain/access/actor.js';
import { personAccess } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import type { PersonRecord } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { personReader } from './authorize-person-read.js';

export async function getPerson(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  purpose: string,
): Promise<PersonRecord> {
  const now = d.now();
  const reader = await personReader(d, actor, now, 'person.read');
  const outcome = await d.db.transaction(async (tx) => {
    const person = await d.persons.findById(tx, id);
    if (!person) return { refused: 'NOT_FOUND' as const, exists: false };
    const access = personAccess(
      reader.assignments,
      { branchId: person.branchId, postcode: person.postcode, candidateIds: person.candidateIds },
      'person:read',
      now,
    );
    if (!access.allowed) return { refused: access.code, exists: true };
    await d.audit.append(
      tx,
      [{ type: 'person.read', actorType: reader.actorType, actorId: reader.actorId, personId: id, purpose }],
      now,
    );
    return { person };
  });
  if ('person' in outcome && outcome.person) return outcome.person;
  // A refused read of an existing person is audited (same answer as a missing one, R-63).
  if ('exists' in outcome && outcome.exists && outcome.refused) {
    return refuse(d, actor, outcome.refused, { action: 'person.read', personId: id });
  }
  throw new DomainError('NOT_FOUND');
}
