/**
 * End a membership with its end date: from then on the person is a former member, and the
 * former-member ground runs until the retention period after that date ends.
 */
import type { Actor } from '../../domain/access/actor.js';
import { parseDate } from '../../domain/persons/validate-contact.js';
import type { Deps } from '../deps.js';
import {
  invalidField,
  isRefusal,
  personWriter,
  type Refusal,
  raise,
  writablePerson,
} from './person-write-access.js';

export async function endMembership(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  membershipId: string,
  input: { until: string },
): Promise<void> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.end_membership');
  const until = parseDate(input.until);
  if (!until.ok) invalidField('until', until.rule, until.problem);
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | null> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    const m = (await d.persons.memberships.forPerson(tx, personId)).find((x) => x.id === membershipId);
    if (!m) return { refused: 'NOT_FOUND', audit: false };
    if (m.status === 'ended') return { refused: 'MEMBERSHIP_ALREADY_ENDED', audit: false };
    if (until.value < m.since)
      invalidField('until', 'until.before_since', 'the end date is on or after the start date');
    await d.persons.memberships.end(tx, membershipId, until.value, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'person.membership_ended',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          objectType: 'membership',
          objectId: membershipId,
        },
      ],
      now,
    );
    return null;
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.end_membership', personId });
}
