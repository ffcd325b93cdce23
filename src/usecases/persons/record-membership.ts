/**
 * Record a membership: political data, every fact encrypted; one current membership at a
 * time. The member ground follows from it; nothing is typed in as a ground.
 */
import type { Actor } from '../../domain/access/actor.js';
import { membershipCurrent } from '../../domain/persons/grounds.js';
import { dutchDate, parseDate } from '../../domain/persons/validate-contact.js';
import type { Deps } from '../deps.js';
import {
  invalidField,
  isRefusal,
  personWriter,
  type Refusal,
  raise,
  writablePerson,
} from './person-write-access.js';

export interface RecordMembershipInput {
  status: 'active' | 'suspended';
  since: string;
  until: string | null;
  branchId: string | null;
}

export async function recordMembership(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  input: RecordMembershipInput,
): Promise<{ id: string }> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.record_membership');
  const since = parseDate(input.since);
  if (!since.ok) invalidField('since', since.rule, since.problem);
  let until: string | null = null;
  if (input.until !== null) {
    const u = parseDate(input.until);
    if (!u.ok) invalidField('until', u.rule, u.problem);
    until = u.value;
    if (until < since.value)
      invalidField('until', 'until.before_since', 'the end date is on or after the start date');
  }
  if (since.value > dutchDate(now))
    invalidField('since', 'since.future', 'a membership is recorded once it started');
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | { id: string }> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    if (input.branchId !== null) {
      const { rows } = await tx.query('SELECT 1 FROM branches WHERE id = $1', [input.branchId]);
      if (rows.length === 0) invalidField('branchId', 'branchId.unknown', 'no such branch');
    }
    const today = dutchDate(now);
    const existing = await d.persons.memberships.forPerson(tx, personId);
    if (existing.some((m) => membershipCurrent(m, today))) {
      return { refused: 'MEMBERSHIP_ACTIVE_EXISTS', audit: false };
    }
    const [id] = await d.persons.memberships.insertMany(
      tx,
      [
        {
          personId,
          status: input.status,
          since: since.value,
          until,
          branchId: input.branchId,
          provenance: {
            datasetId: null,
            sourceKind: 'MEMBER_ADMIN',
            channel: 'staff_entry',
            collectedAt: now,
            collectedBy: w.userId,
          },
        },
      ],
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'person.membership_recorded',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          objectType: 'membership',
          objectId: id!,
        },
      ],
      now,
    );
    return { id: id! };
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.record_membership', personId });
  return outcome;
}
