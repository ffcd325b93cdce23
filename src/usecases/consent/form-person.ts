/**
 * Find the person who signed up on a form by the e-mail blind index, or create them (provenance: the
 * person themselves through the party's own forms, dataset "Eigen formulieren"). The only place the
 * consent use cases create persons; it follows the register's person API.
 */
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';

export interface FormPersonInput {
  firstName: string;
  lastName: string | null;
  email: string;
  formId: string;
  datasetId: string;
  language: 'nl' | 'en';
}

export async function findOrCreateFormPerson(
  d: Pick<Deps, 'persons' | 'audit'>,
  tx: Queryable,
  p: FormPersonInput,
  now: Date,
): Promise<{ personId: string; created: boolean }> {
  const existing = await d.persons.findByEmail(tx, p.email);
  if (existing.length > 0) return { personId: existing[0]!, created: false };
  const [personId] = await d.persons.insertMany(
    tx,
    [
      {
        firstName: p.firstName,
        infix: null,
        lastName: p.lastName ?? '',
        email: p.email,
        phone: null,
        street: null,
        houseNumber: null,
        postcode: null,
        city: null,
        birthDate: null,
        ageBand: null,
        language: p.language,
        candidateIds: [],
        provenance: {
          datasetId: p.datasetId,
          sourceKind: 'DATA_SUBJECT',
          channel: 'web_form',
          collectedAt: now,
          collectedBy: `form:${p.formId}`,
        },
        obtainedFromSubject: true,
      },
    ],
    now,
  );
  await d.audit.append(
    tx,
    [
      {
        type: 'person.created',
        actorType: 'anonymous',
        actorId: null,
        personId: personId!,
        data: {
          source: 'web_form',
          sourceKind: 'DATA_SUBJECT',
          channel: 'web_form',
          datasetId: p.datasetId,
          collectedBy: `form:${p.formId}`,
        },
      },
    ],
    now,
  );
  return { personId: personId!, created: true };
}
