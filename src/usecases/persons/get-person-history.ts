/**
 * A person's history: the audit events about them, newest first. Only roles that read the
 * audit trail (admin, FG) see it; within scope only (404 otherwise). The read itself is audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can, personAccess } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { type HistoryEntry, personHistoryRepo } from '../../storage/person-history-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { personReader } from './authorize-person-read.js';

export async function getPersonHistory(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
  input: { before: number | null; limit: number; purpose: string },
): Promise<{ items: HistoryEntry[]; next: number | null }> {
  const now = d.now();
  const reader = await personReader(d, actor, now, 'person.history');
  if (!can(reader.assignments, 'audit:read', now)) {
    return refuse(d, actor, 'FORBIDDEN', { action: 'person.history', personId: id });
  }
  const outcome = await d.db.transaction(async (tx) => {
    const facts = await d.persons.scopeFacts(tx, id, { lock: false });
    if (!facts) return { refused: 'NOT_FOUND' as const, exists: false };
    const access = personAccess(reader.assignments, facts, 'person:read', now);
    if (!access.allowed) return { refused: access.code, exists: true };
    const items = await personHistoryRepo.history(tx, id, input.before, input.limit);
    await d.audit.append(
      tx,
      [
        {
          type: 'person.history_read',
          actorType: reader.actorType,
          actorId: reader.actorId,
          personId: id,
          purpose: input.purpose,
          data: { entries: items.length },
        },
      ],
      now,
    );
    return { items, next: items.length === input.limit ? items[items.length - 1]!.seq : null };
  });
  if ('items' in outcome && outcome.items) return { items: outcome.items, next: outcome.next ?? null };
  if (outcome.exists) return refuse(d, actor, outcome.refused, { action: 'person.history', personId: id });
  throw new DomainError('NOT_FOUND');
}
