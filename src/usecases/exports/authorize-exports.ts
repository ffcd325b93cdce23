/**
 * Who may do what with exports (C5, R-63): request, read and download one's own exports and platform
 * lists with `audience:manage`; approve or decline an export above the threshold with `export:approve`
 * (the FG), never one's own request. Refusals are audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import type { Assignment } from '../../domain/access/scope.js';
import { holdsAny } from '../activities/authorize-register.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export interface ExportActor {
  actorType: 'user' | 'token' | 'operator';
  actorId: string | null;
  userId: string;
  assignments: Assignment[];
  /** Holds `export:approve`: sees every export (the approval queue). */
  approver: boolean;
}

export async function exportActor(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  need: 'request' | 'approve' | 'read',
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<ExportActor> {
  const now = d.now();
  const perms =
    need === 'request'
      ? (['audience:manage'] as const)
      : need === 'approve'
        ? (['export:approve'] as const)
        : (['audience:manage', 'export:approve'] as const);
  if (actor.kind === 'operator' || !holdsAny(actor, perms, now))
    return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  return {
    ...auditActor(actor),
    userId: actor.userId,
    assignments: actor.assignments,
    approver: holdsAny(actor, ['export:approve'], now),
  };
}
