/**
 * Search persons within the actor's scope: by name token, e-mail, phone (keyed blind indexes), full
 * postcode or its four digits, optionally one branch; keyset pages ordered by id, index-backed at a
 * million persons (C1). Every person shown is an audited read; a search also records what kind
 * of key was searched and how many were found (never the query itself).
 */
import type { Actor } from '../../domain/access/actor.js';
import { personListBlock, personListScope } from '../../domain/access/policies.js';
import { parseSearchQuery } from '../../domain/persons/search.js';
import type { PersonListRow } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { personReader } from './authorize-person-read.js';
import { invalidField } from './person-write-access.js';

export interface SearchPersonsInput {
  q: string | null;
  branchId: string | null;
  after: string | null;
  limit: number;
  purpose: string;
}

export async function searchPersons(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
  input: SearchPersonsInput,
): Promise<{ items: PersonListRow[]; next: string | null; searchedBy: string | null }> {
  const now = d.now();
  const reader = await personReader(d, actor, now, 'person.list');
  const block = personListBlock(reader.assignments, now);
  if (block) return refuse(d, actor, block, { action: 'person.list' });
  const query = input.q === null || input.q.trim() === '' ? null : parseSearchQuery(input.q);
  if (input.q !== null && input.q.trim() !== '' && query === null) {
    invalidField('q', 'q.no_terms', 'type a name, e-mail address, phone number or postcode');
  }
  const scope = personListScope(reader.assignments, now);
  return d.db.transaction(async (tx) => {
    const items = await d.persons.search(
      tx,
      scope.all ? null : scope.alternatives,
      query,
      { branchId: input.branchId },
      input.after,
      input.limit,
    );
    const view = query ? { view: 'search', by: query.kind } : { view: 'list' };
    await d.audit.append(
      tx,
      [
        ...(query
          ? [
              {
                type: 'person.searched' as const,
                actorType: reader.actorType,
                actorId: reader.actorId,
                purpose: input.purpose,
                data: { by: query.kind, found: items.length, page: input.after === null ? 'first' : 'next' },
              },
            ]
          : []),
        ...items.map((p) => ({
          type: 'person.read' as const,
          actorType: reader.actorType,
          actorId: reader.actorId,
          personId: p.id,
          purpose: input.purpose,
          data: view,
        })),
      ],
      now,
    );
    return {
      items,
      next: items.length === input.limit ? items[items.length - 1]!.id : null,
      searchedBy: query?.kind ?? null,
    };
  });
}
