/**
 * Shared checks of the outreach use cases: permission `outreach:send` (admin, campaign lead, candidate),
 * the actor's scope, and visibility of a campaign: it is visible exactly when its audience is
 * (a candidate sees only campaigns on audiences of their own scope). Out of scope is 404; refusals are
 * audited.
 */
import { type Actor, tokenScopeAllows } from '../../domain/access/actor.js';
import { can, personListBlock, personListScope } from '../../domain/access/policies.js';
import { ROLE_INFO } from '../../domain/access/roles.js';
import { DomainError } from '../../domain/codes.js';
import { audiencesRepo } from '../../storage/audiences-repo.js';
import { type CampaignRow, CampaignsRepo } from '../../storage/campaigns-repo.js';
import type { Queryable } from '../../storage/db.js';
import { type AudienceActor, audienceVisible } from '../audiences/authorize-audience.js';
import type { Deps } from '../deps.js';
import { auditActor, refuse } from '../refuse.js';

export type OutreachActor = AudienceActor;

export async function outreachSender(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  action: string,
  object?: { objectType: string; objectId: string },
): Promise<OutreachActor> {
  const now = d.now();
  if (
    actor.kind === 'operator' ||
    (actor.kind === 'token' && !tokenScopeAllows(actor.scopes, 'outreach:send')) ||
    !can(actor.assignments, 'outreach:send', now)
  ) {
    return refuse(d, actor, 'FORBIDDEN', { action, ...object });
  }
  const sending = actor.assignments.filter((a) => ROLE_INFO[a.role].permissions.includes('outreach:send'));
  const block = personListBlock(sending, now);
  if (block) return refuse(d, actor, block, { action, ...object });
  return {
    ...auditActor(actor),
    userId: actor.userId,
    assignments: actor.assignments,
    scope: personListScope(sending, now),
  };
}

/** The campaign when it exists and its audience is visible to the actor; otherwise 404 (audited). */
export async function visibleCampaign(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  who: OutreachActor,
  id: string,
  action: string,
  tx?: Queryable,
): Promise<CampaignRow> {
  const q = tx ?? d.db;
  const c = await new CampaignsRepo(d.keyring).get(q, id, tx !== undefined);
  if (!c) throw new DomainError('NOT_FOUND');
  const audience = await audiencesRepo.get(q, c.audienceId);
  const visible = who.scope.all || (audience !== null && audienceVisible(who, audience));
  if (visible) return c;
  if (tx) throw new DomainError('NOT_FOUND');
  return refuse(d, actor, 'NOT_FOUND', { action, objectType: 'campaign', objectId: id });
}
