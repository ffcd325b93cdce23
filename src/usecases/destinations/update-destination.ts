/** Change a registered destination: role, vetting, agreements, transfers; every change audited. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import {
  type DestinationRow,
  destinationsRepo,
  type NewDestination,
} from '../../storage/destinations-repo.js';
import { isUniqueViolation, registerWriter } from '../activities/authorize-register.js';
import type { Deps } from '../deps.js';
import { destinationAuditData, normaliseDestination } from './create-destination.js';

export async function updateDestination(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: NewDestination,
): Promise<DestinationRow> {
  const object = { objectType: 'destination', objectId: id };
  const who = await registerWriter(d, actor, 'destination.update', object);
  const now = d.now();
  try {
    return await d.db.transaction(async (tx) => {
      const row = await destinationsRepo.update(tx, id, normaliseDestination(input), now);
      if (!row) throw new DomainError('NOT_FOUND');
      await d.audit.append(
        tx,
        [
          {
            type: 'destination.updated',
            actorType: who.actorType,
            actorId: who.actorId,
            ...object,
            data: destinationAuditData(row),
          },
        ],
        now,
      );
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('DESTINATION_NAME_TAKEN', { field: 'name' });
    throw e;
  }
}
