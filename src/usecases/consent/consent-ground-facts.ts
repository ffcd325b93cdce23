/**
 * The consents of some persons, each assessed by the consent rules, for the register's ground derivation
 * and the person page. Owned by the consent capability. Call inside the caller's transaction.
 */
import type { ConsentGroundFact } from '../../domain/persons/types.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';

export async function consentGroundFacts(
  _d: Pick<Deps, 'keyring'>,
  _tx: Queryable,
  personIds: readonly string[],
  _now: Date,
): Promise<Map<string, ConsentGroundFact[]>> {
  // Placeholder until the consent records exist: nobody has a consent yet.
  return new Map(personIds.map((id) => [id, []]));
}
