/**
 * A hypothetical assessment (C4): the FG or a campaign lead asks "may we do X?" with a facts document,
 * before anyone does it. Permission `assessment:run`. A contradictory document gets no decision
 * (ASSESSMENT_FACTS_CONTRADICTORY, every problem with its path). The same `assess` decides as for every
 * real use of data. The audit entry holds the outcome and its codes, never the document: a hypothetical
 * is no real person, and the document may describe one.
 */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import { assess } from '../../domain/gate/assess.js';
import { assertConsistentFacts } from '../../domain/gate/facts-check.js';
import type { Decision, GateFacts } from '../../domain/gate/types.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export async function assessHypothetical(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  facts: GateFacts,
): Promise<Decision> {
  const now = d.now();
  const permitted =
    actor.kind !== 'operator' &&
    (actor.kind !== 'token' || tokenScopeAllows(actor.scopes, 'assessment:run')) &&
    can(actor.assignments, 'assessment:run', now);
  if (!permitted) return refuse(d, actor, 'FORBIDDEN', { action: 'assessment.run' });

  assertConsistentFacts(facts);
  const decision = assess(facts);

  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [
        {
          type: 'gate.hypothetical_assessed',
          ...auditActor(actor),
          personId: null,
          objectType: 'assessment',
          data: {
            kind: facts.processing.kind,
            channel: facts.processing.channel,
            adClass: facts.processing.adClass,
            allowed: decision.allowed,
            basis: decision.basis,
            specialCategory: decision.specialCategory,
            reasons: decision.reasons,
            obligations: decision.obligations,
            productRefusals: decision.productRefusals,
          },
        },
      ],
      now,
    ),
  );
  return decision;
}
