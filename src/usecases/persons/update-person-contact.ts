/**
 * Correct a person's contact data (R-43 accuracy, art 16): validate the whole record again, keep the
 * blind indexes and the branch in step with it, and audit which fields changed (names of fields only).
 */
import type { Actor } from '../../domain/access/actor.js';
import type { PersonContact } from '../../domain/persons/types.js';
import {
  type ContactInput,
  contactValidationError,
  validateContact,
} from '../../domain/persons/validate-contact.js';
import type { Deps } from '../deps.js';
import { isRefusal, personWriter, type Refusal, raise, writablePerson } from './person-write-access.js';

const CONTACT_FIELDS: (keyof PersonContact)[] = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'birthDate',
  'ageBand',
  'language',
];

export async function updatePersonContact(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'>,
  actor: Actor,
  personId: string,
  input: ContactInput,
): Promise<{ changed: string[] }> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.update_contact');
  const checked = validateContact(input, now);
  if (!checked.value) throw contactValidationError(checked.errors);
  const contact = checked.value;
  const outcome = await d.db.transaction(async (tx): Promise<Refusal | { changed: string[] }> => {
    const denied = await writablePerson(d, tx, w, personId, now);
    if (denied) return denied;
    const old = (await d.persons.findById(tx, personId))!;
    for (const [field, value] of [
      ['email', contact.email],
      ['phone', contact.phone],
    ] as const) {
      if (!value) continue;
      const others = (
        field === 'email' ? await d.persons.findByEmail(tx, value) : await d.persons.findByPhone(tx, value)
      ).filter((id) => id !== personId);
      if (others.length > 0) return { refused: 'PERSON_DUPLICATE', details: { field }, audit: false };
    }
    const changed = CONTACT_FIELDS.filter((f) => (old[f] ?? null) !== (contact[f] ?? null));
    if (changed.length === 0) return { changed };
    await d.persons.updateContact(tx, personId, contact, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'person.contact_updated',
          actorType: w.actorType,
          actorId: w.actorId,
          personId,
          data: { fields: changed },
        },
      ],
      now,
    );
    return { changed };
  });
  if (isRefusal(outcome)) return raise(d, w, outcome, { action: 'person.update_contact', personId });
  return outcome;
}
