/**
 * Who and why (C5): the persons of an audience's evaluation that were included, or excluded (optionally
 * with one reason), with every reason, in pages ordered by person id. Within the audience's scope, which
 * lies within the actor's. Each person shown is an audited read of personal data.
 */
import type { Actor } from '../../domain/access/actor.js';
import { personDisplayRows } from '../../storage/audiences-repo.js';
import type { Deps } from '../deps.js';
import { audienceManager, visibleAudience } from './authorize-audience.js';
import { runEvaluation, setUpEvaluation } from './run-evaluation.js';

export interface ExplainInput {
  outcome: 'included' | 'excluded';
  /** Only persons excluded with this reason code. */
  reason: string | null;
  /** The last person id of the previous page. */
  cursor: string | null;
  limit: number;
}

export interface ExplainedPerson {
  personId: string;
  displayName: string;
  branchId: string | null;
  branchName: string | null;
  reasons: string[];
}

export const EXPLAIN_PURPOSE = 'Doelgroep toetsen: wie en waarom / Audience check: who and why';

export async function explainAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression'>,
  actor: Actor,
  id: string,
  input: ExplainInput,
): Promise<{ items: ExplainedPerson[]; next: string | null }> {
  const who = await audienceManager(d, actor, 'audience.explain', { objectType: 'audience', objectId: id });
  await visibleAudience(d, actor, who, id, 'audience.explain');
  const now = d.now();
  const limit = Math.max(1, Math.min(200, input.limit));
  return d.db.transaction(async (tx) => {
    const audience = await visibleAudience(d, actor, who, id, 'audience.explain', tx);
    const setup = await setUpEvaluation(d, tx, audience, now);
    const found: { personId: string; reasons: string[] }[] = [];
    if (setup.classification.refusals.length === 0) {
      await runEvaluation(d, tx, setup, now, (s, reasons) => {
        if (input.cursor !== null && s.personId <= input.cursor) return true;
        const wanted =
          input.outcome === 'included'
            ? reasons.length === 0
            : reasons.length > 0 && (input.reason === null || reasons.includes(input.reason));
        if (wanted) found.push({ personId: s.personId, reasons });
        return found.length <= limit;
      });
    }
    const page = found.slice(0, limit);
    const names = await personDisplayRows(
      d.keyring,
      tx,
      page.map((p) => p.personId),
    );
    const items = page.map((p) => ({
      personId: p.personId,
      displayName: names.get(p.personId)?.displayName ?? '',
      branchId: names.get(p.personId)?.branchId ?? null,
      branchName: names.get(p.personId)?.branchName ?? null,
      reasons: p.reasons,
    }));
    await d.audit.append(
      tx,
      [
        {
          type: 'audience.explained',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'audience',
          objectId: id,
          purpose: EXPLAIN_PURPOSE,
          data: {
            outcome: input.outcome,
            reason: input.reason,
            shown: items.length,
            page: input.cursor === null ? 'first' : 'next',
          },
        },
        ...items.map((p) => ({
          type: 'person.read' as const,
          actorType: who.actorType,
          actorId: who.actorId,
          personId: p.personId,
          purpose: EXPLAIN_PURPOSE,
          data: { view: 'audience.explain', audienceId: id },
        })),
      ],
      now,
    );
    return { items, next: found.length > limit ? page[page.length - 1]!.personId : null };
  });
}
