/**
 * A client asking to set an art 9 ground directly is always refused, and the refusal audited: grounds are
 * derived from records; 9(2)(g) does not exist for parties in the Netherlands.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { Code } from '../../domain/codes.js';
import { checkBasisForJurisdiction } from '../../domain/persons/grounds.js';
import type { Deps } from '../deps.js';
import { personWriter, raise } from './person-write-access.js';

export async function requestGround(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  personId: string,
  basis: string,
): Promise<never> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.set_ground');
  const jurisdiction = checkBasisForJurisdiction('NL', basis);
  const reasons: Code[] = jurisdiction ? [jurisdiction, 'GROUND_IS_DERIVED'] : ['GROUND_IS_DERIVED'];
  return raise(
    d,
    w,
    { refused: reasons[0]!, reasons, audit: true, details: { basis: basis.slice(0, 60) } },
    {
      action: 'person.set_ground',
      personId,
    },
  );
}
