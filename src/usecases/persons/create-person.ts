/**
 * Enter a person by hand (C1): validate and normalise the contact data, refuse persons on the
 * suppression list, assign the branch from the postcode, record provenance (channel staff_entry,
 * collected now by the acting user) and the art 14 deadline when the data were not obtained from the
 * person; write `person.created` in the same transaction.
 */
import type { Actor } from '../../domain/access/actor.js';
import { personAccess } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { branchForPostcode } from '../../domain/persons/branch-for-postcode.js';
import type { SourceKind } from '../../domain/persons/types.js';
import {
  type ContactInput,
  contactValidationError,
  validateContact,
} from '../../domain/persons/validate-contact.js';
import { blocksPerson, suppressionDecisionReason } from '../../domain/suppression.js';
import { branchesRepo } from '../../storage/branches-repo.js';
import type { Deps } from '../deps.js';
import { invalidField, isRefusal, personWriter, type Refusal, raise } from './person-write-access.js';

export interface CreatePersonInput {
  contact: ContactInput;
  candidateIds: string[];
  /** Whether the person gave these data themselves (false starts the art 14 clock, R-55). */
  obtainedFromSubject: boolean;
  sourceKind: SourceKind;
  datasetId: string | null;
}

export async function createPerson(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons' | 'suppression'>,
  actor: Actor,
  input: CreatePersonInput,
): Promise<{ id: string; branchId: string | null }> {
  const now = d.now();
  const w = await personWriter(d, actor, now, 'person.create');
  const checked = validateContact(input.contact, now);
  if (!checked.value) throw contactValidationError(checked.errors);
  const contact = checked.value;
  if (input.sourceKind === 'SCRAPED')
    invalidField('sourceKind', 'sourceKind.scraped', 'scraped data are not entered (R-09)');

  const outcome = await d.db.transaction(
    async (tx): Promise<Refusal | { id: string; branchId: string | null }> => {
      const branches = await branchesRepo.list(tx);
      const branchId = branchForPostcode(contact.postcode, branches);
      const access = personAccess(
        w.assignments,
        { branchId, postcode: contact.postcode, candidateIds: input.candidateIds },
        'person:write',
        now,
      );
      if (!access.allowed)
        return { refused: access.code === 'NOT_FOUND' ? 'FORBIDDEN' : access.code, audit: true };

      // erased and objecting persons never come back.
      const blocked = blocksPerson(await d.suppression.match(tx, contact));
      if (blocked) {
        const reason = suppressionDecisionReason(blocked.reason);
        return { refused: reason, reasons: [reason, 'SUPPRESSED_CONTACT'], audit: true };
      }
      if (contact.email && (await d.persons.findByEmail(tx, contact.email)).length > 0) {
        return { refused: 'PERSON_DUPLICATE', details: { field: 'email' }, audit: false };
      }
      if (contact.phone && (await d.persons.findByPhone(tx, contact.phone)).length > 0) {
        return { refused: 'PERSON_DUPLICATE', details: { field: 'phone' }, audit: false };
      }
      if (input.datasetId !== null) {
        const { rows } = await tx.query<{ status: string }>('SELECT status FROM datasets WHERE id = $1', [
          input.datasetId,
        ]);
        if (!rows[0]) invalidField('datasetId', 'datasetId.unknown', 'no such dataset');
        if (rows[0]!.status !== 'active') return { refused: 'UNVERIFIED_DATASET', audit: true };
      }
      if (input.candidateIds.length > 0) {
        const { rows } = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM candidates WHERE id = ANY ($1::uuid[])',
          [input.candidateIds],
        );
        if (rows[0]!.n !== new Set(input.candidateIds).size) {
          invalidField('candidateIds', 'candidateIds.unknown', 'no such candidate');
        }
      }
      const provenance = {
        datasetId: input.datasetId,
        sourceKind: input.sourceKind,
        channel: 'staff_entry' as const,
        collectedAt: now,
        collectedBy: w.userId,
      };
      const [id] = await d.persons.insertMany(
        tx,
        [
          {
            ...contact,
            candidateIds: input.candidateIds,
            provenance,
            obtainedFromSubject: input.obtainedFromSubject,
          },
        ],
        now,
      );
      await d.audit.append(
        tx,
        [
          {
            type: 'person.created',
            actorType: w.actorType,
            actorId: w.actorId,
            personId: id!,
            data: {
              channel: 'staff_entry',
              sourceKind: input.sourceKind,
              datasetId: input.datasetId,
              obtainedFromSubject: input.obtainedFromSubject,
            },
          },
        ],
        now,
      );
      return { id: id!, branchId };
    },
  );
  if (isRefusal(outcome)) {
    if (!outcome.audit) throw new DomainError(outcome.refused, outcome.details);
    return raise(d, w, outcome, { action: 'person.create' });
  }
  return outcome;
}
