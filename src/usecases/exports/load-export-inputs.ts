/**
 * The snapshot, activity and destination an export or platform list starts from. Either a frozen snapshot
 * (`snapshotId`) or an audience frozen now for this use (`audienceId`, AUDIENCES' freezeAudienceSnapshot in
 * the caller's transaction). The snapshot's audience must be visible to the actor (R-63: otherwise
 * SNAPSHOT_NOT_FOUND). The activity defaults to the snapshot's, the destination to the activity's; a
 * destination id that is not in the register is treated as an unregistered destination (R-34), not as bad
 * input.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type ActivityRow, activitiesRepo } from '../../storage/activities-repo.js';
import type { Queryable } from '../../storage/db.js';
import { type DestinationRow, destinationsRepo } from '../../storage/destinations-repo.js';
import { exportsRepo, type SnapshotRow } from '../../storage/exports-repo.js';
import { audienceActorOf, visibleAudience } from '../audiences/authorize-audience.js';
import { freezeAudienceSnapshot } from '../audiences/freeze-snapshot.js';
import type { Deps } from '../deps.js';

export interface ExportInputs {
  snapshot: SnapshotRow;
  activity: ActivityRow;
  destination: DestinationRow | null;
}

export interface ExportSource {
  snapshotId?: string | null;
  audienceId?: string | null;
  activityId?: string | null;
  destinationId?: string | null;
}

function invalid(field: string, rule: string, problem: string): never {
  throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: [{ field, rule, problem }] });
}

export async function loadExportInputs(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression'>,
  actor: Actor,
  tx: Queryable,
  input: ExportSource,
  usedFor: 'export' | 'custom_audience',
): Promise<ExportInputs> {
  if (!input.snapshotId === !input.audienceId) {
    invalid('snapshotId', 'one_of', 'give either snapshotId or audienceId');
  }
  const snapshotId =
    input.snapshotId ??
    (await freezeAudienceSnapshot(d, actor, { audienceId: input.audienceId!, usedFor }, tx)).snapshotId;
  const snapshot = await exportsRepo.snapshot(tx, snapshotId);
  const who = audienceActorOf(actor, d.now(), ['audience:manage']);
  if ('refused' in who) throw new DomainError(who.refused);
  if (snapshot) {
    try {
      await visibleAudience(d, actor, who, snapshot.audienceId, 'export.request', tx);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'NOT_FOUND')) throw e;
      throw new DomainError('SNAPSHOT_NOT_FOUND', { field: 'snapshotId' });
    }
  }
  if (!snapshot) throw new DomainError('SNAPSHOT_NOT_FOUND', { field: 'snapshotId' });
  const activity = await activitiesRepo.get(tx, input.activityId ?? snapshot.activityId);
  if (!activity) invalid('activityId', 'exists', 'no such processing activity');
  const destinationId = input.destinationId ?? activity.destinationId;
  const destination = destinationId ? await destinationsRepo.get(tx, destinationId) : null;
  return { snapshot, activity, destination };
}
