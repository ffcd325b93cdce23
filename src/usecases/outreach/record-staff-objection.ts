/**
 * Staff record an objection to direct marketing that reached the party another way (a call, a letter,
 * an e-mail, at the door): art 21(2), absolute, effective at once. Needs `person:write` and the
 * person in the writer's scope (404 otherwise). Repeating it changes nothing.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { Deps } from '../deps.js';
import { isRefusal, personWriter, raise, writablePerson } from '../persons/person-write-access.js';
import { recordDirectMarketingObjection } from './record-objection.js';

export const STAFF_OBJECTION_CHANNELS = ['STAFF', 'EMAIL', 'PHONE', 'PAPER'] as const;
export type StaffObjectionChannel = (typeof STAFF_OBJECTION_CHANNELS)[number];

export async function recordStaffObjection(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'suppression'>,
  actor: Actor,
  personId: string,
  input: { channel: StaffObjectionChannel },
): Promise<{ objectionId: string; created: boolean }> {
  const now = d.now();
  const action = 'outreach.objection_record';
  const w = await personWriter(d, actor, now, action);
  const result = await d.db.transaction(async (tx) => {
    const refusal = await writablePerson(d, tx, w, personId, now);
    if (refusal) return refusal;
    const person = await d.persons.findById(tx, personId);
    if (!person) throw new DomainError('NOT_FOUND');
    return recordDirectMarketingObjection(
      d,
      tx,
      person,
      { channel: input.channel, actorType: w.actorType, actorId: w.actorId, campaignId: null },
      now,
    );
  });
  if (isRefusal(result))
    return raise(d, w, result, { action, personId, objectType: 'person', objectId: personId });
  return result;
}
