/**
 * Record evidence of regular, purpose-related contact. Evidence that would not make the contact
 * regular — one petition signature, one event registration, two contacts on the same day — is refused
 * with REGULAR_CONTACT_EVIDENCE_INSUFFICIENT, naming the problems, and the refusal is audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { regularContactSufficient } from '../../domain/persons/evidence.js';
import type { RegularContactKind } from '../../domain/persons/types.js';
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

export interface RegularContactInput {
  kind: RegularContactKind;
  occurrences: string[];
  description: string;
}

export async function addRegularContactEvidence(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  input: RegularContactInput,
): Promise<{ id: string }> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.add_regular_contact');
  const occurrences = input.occurrences.map((o, i) => {
    const r = parseDate(o);
    if (!r.ok) invalidField(`occurrences.${i}`, r.rule, r.problem);
    return r.value;
  });
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | { id: string }> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    const check = regularContactSufficient({ ...input, occurrences, retractedAt: null }, now);
    if (!check.sufficient) {
      return {
        refused: 'REGULAR_CONTACT_EVIDENCE_INSUFFICIENT',
        details: { problems: check.problems },
        audit: true,
      };
    }
    const id = await d.persons.evidence.insertRegularContact(
      tx,
      {
        personId,
        kind: input.kind,
        occurrences: [...new Set(occurrences)].sort(),
        description: input.description,
        recordedBy: w.userId,
      },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'person.evidence_added',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          objectType: 'regular_contact_evidence',
          objectId: id,
        },
      ],
      now,
    );
    return { id };
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.add_regular_contact', personId });
  return outcome;
}
