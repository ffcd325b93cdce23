/**
 * Evaluate an audience now (C5): how many persons the gate lets in, and how many it excludes per reason
 * (a person with several reasons counts under each, and once in `excludedPersons`). Counts only; the read
 * of the persons' data is audited as one event with the counts.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { Deps } from '../deps.js';
import { audienceManager, visibleAudience } from './authorize-audience.js';
import { type EvaluationCounts, runEvaluation, setUpEvaluation } from './run-evaluation.js';

export interface EvaluationResult extends EvaluationCounts {
  audienceId: string;
  referenceDate: Date;
  classification: string;
  adClass: string;
  flags: string[];
  /** Refusals of the segment for its activity: when present nobody is evaluated. */
  refusals: string[];
}

export async function evaluateAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression'>,
  actor: Actor,
  id: string,
): Promise<EvaluationResult> {
  const who = await audienceManager(d, actor, 'audience.evaluate', { objectType: 'audience', objectId: id });
  await visibleAudience(d, actor, who, id, 'audience.evaluate');
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const audience = await visibleAudience(d, actor, who, id, 'audience.evaluate', tx);
    const setup = await setUpEvaluation(d, tx, audience, now);
    const refusals = setup.classification.refusals;
    const counts =
      refusals.length > 0
        ? { matched: 0, includedCount: 0, excluded: {}, excludedPersons: 0 }
        : await runEvaluation(d, tx, setup, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'audience.evaluated',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'audience',
          objectId: id,
          data: {
            activityId: audience.activityId,
            classification: setup.classification.dataClass,
            adClass: setup.processing.adClass,
            matched: counts.matched,
            included: counts.includedCount,
            excludedPersons: counts.excludedPersons,
            excluded: counts.excluded,
            refusals,
          },
        },
      ],
      now,
    );
    return {
      audienceId: id,
      referenceDate: now,
      classification: setup.classification.dataClass,
      adClass: setup.processing.adClass,
      flags: setup.classification.flags,
      refusals,
      ...counts,
    };
  });
}
