/**
 * Freeze an audience into a snapshot when it is used (C5): the evaluation runs in one transaction, and the
 * snapshot (criteria, class, reference date, counts), its members (person ids of everyone included) and an
 * audit event with the decision counts (Appendix C.0: contacts excluded, per reason) are written together.
 * OUTREACH (campaigns) and EXPORTS (exports, custom audiences) call this and read the members from
 * `audience_snapshot_members`. Pass `tx` to freeze inside the caller's transaction: the caller has then
 * authorised the use, and refusals here are thrown without an audit entry of their own.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { audiencesRepo, type SnapshotRow } from '../../storage/audiences-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import {
  type AudienceActor,
  audienceActorOf,
  audienceManager,
  SNAPSHOT_PERMISSIONS,
  visibleAudience,
} from './authorize-audience.js';
import { runEvaluation, setUpEvaluation } from './run-evaluation.js';

export interface FreezeInput {
  audienceId: string;
  usedFor: SnapshotRow['usedFor'];
}

export interface FrozenSnapshot {
  snapshotId: string;
  includedCount: number;
  /** Reason code → persons excluded with it. */
  excluded: Record<string, number>;
  /** Persons excluded (each once). */
  excludedPersons: number;
  /** Persons the criteria selected before the gate. */
  matched: number;
  referenceDate: Date;
}

type FreezeDeps = Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression'>;

async function freezeIn(
  d: FreezeDeps,
  actor: Actor,
  who: AudienceActor,
  input: FreezeInput,
  tx: Queryable,
): Promise<FrozenSnapshot> {
  const now = d.now();
  const audience = await visibleAudience(d, actor, who, input.audienceId, 'audience.freeze', tx);
  const setup = await setUpEvaluation(d, tx, audience, now);
  if (setup.classification.refusals.length > 0) {
    // the activity was changed to a political ad after the audience was built
    throw new DomainError(setup.classification.refusals[0]!, { reasons: setup.classification.refusals });
  }
  const included: string[] = [];
  const counts = await runEvaluation(d, tx, setup, now, (s, reasons) => {
    if (reasons.length === 0) included.push(s.personId);
    return true;
  });
  const snapshotId = await audiencesRepo.insertSnapshot(
    tx,
    {
      audienceId: audience.id,
      activityId: audience.activityId,
      criteria: audience.criteria,
      classification: setup.classification.dataClass,
      referenceDate: now,
      includedCount: counts.includedCount,
      excludedCounts: counts.excluded,
      excludedPersons: counts.excludedPersons,
      usedFor: input.usedFor,
      createdBy: who.userId,
    },
    now,
  );
  await audiencesRepo.insertMembers(tx, snapshotId, included);
  await d.audit.append(
    tx,
    [
      {
        type: 'audience.snapshot_frozen',
        actorType: who.actorType,
        actorId: who.actorId,
        objectType: 'audience_snapshot',
        objectId: snapshotId,
        data: {
          audienceId: audience.id,
          activityId: audience.activityId,
          usedFor: input.usedFor,
          classification: setup.classification.dataClass,
          adClass: setup.processing.adClass,
          matched: counts.matched,
          included: counts.includedCount,
          excludedPersons: counts.excludedPersons,
          excluded: counts.excluded,
        },
      },
    ],
    now,
  );
  return {
    snapshotId,
    includedCount: counts.includedCount,
    excluded: counts.excluded,
    excludedPersons: counts.excludedPersons,
    matched: counts.matched,
    referenceDate: now,
  };
}

export async function freezeAudienceSnapshot(
  d: FreezeDeps,
  actor: Actor,
  input: FreezeInput,
  tx?: Queryable,
): Promise<FrozenSnapshot> {
  if (tx) {
    const who = audienceActorOf(actor, d.now(), SNAPSHOT_PERMISSIONS);
    if ('refused' in who) throw new DomainError(who.refused);
    return freezeIn(d, actor, who, input, tx);
  }
  const object = { objectType: 'audience', objectId: input.audienceId };
  const who = await audienceManager(d, actor, 'audience.freeze', object, SNAPSHOT_PERMISSIONS);
  await visibleAudience(d, actor, who, input.audienceId, 'audience.freeze');
  return d.db.transaction((t) => freezeIn(d, actor, who, input, t));
}
