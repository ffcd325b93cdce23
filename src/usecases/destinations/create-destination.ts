/** Register a destination (recipient) with its role and agreements. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import {
  type DestinationRow,
  destinationsRepo,
  type NewDestination,
} from '../../storage/destinations-repo.js';
import { isUniqueViolation, registerWriter } from '../activities/authorize-register.js';
import type { Deps } from '../deps.js';

export function normaliseDestination(d: NewDestination): NewDestination {
  return { ...d, name: d.name.trim(), notes: d.notes.trim() };
}

/** What the destination's record says, for the audit trail (no personal data). */
export function destinationAuditData(row: DestinationRow): Record<string, unknown> {
  return {
    role: row.role,
    platform: row.platform,
    vetted: row.vetted,
    processorAgreementComplete: row.processorAgreementComplete,
    art26Arrangement: row.art26Arrangement,
    outsideEea: row.outsideEea,
    transferMechanism: row.transferMechanism,
  };
}

export async function createDestination(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: NewDestination,
): Promise<DestinationRow> {
  const who = await registerWriter(d, actor, 'destination.create');
  const now = d.now();
  try {
    return await d.db.transaction(async (tx) => {
      const row = await destinationsRepo.insert(tx, normaliseDestination(input), who.userId, now);
      await d.audit.append(
        tx,
        [
          {
            type: 'destination.created',
            actorType: who.actorType,
            actorId: who.actorId,
            objectType: 'destination',
            objectId: row.id,
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
