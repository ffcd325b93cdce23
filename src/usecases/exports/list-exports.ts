/**
 * Exports and platform-list requests: one's own (`audience:manage`), or all of them for the approver
 * (`export:approve`, the FG's queue). Records only, no personal data.
 */
import type { Actor } from '../../domain/access/actor.js';
import { type CustomAudienceRecord, type ExportRecord, exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { exportActor } from './authorize-exports.js';

export async function listExports(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<{ exports: ExportRecord[]; customAudiences: CustomAudienceRecord[] }> {
  const who = await exportActor(d, actor, 'read', 'export.list');
  const mine = who.approver ? null : who.userId;
  return {
    exports: await exportsRepo.listExports(d.db, mine),
    customAudiences: await exportsRepo.listCustomAudiences(d.db, mine),
  };
}
