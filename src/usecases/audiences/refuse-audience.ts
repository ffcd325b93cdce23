/**
 * Audience-level refusals: bad names, and the segment classification refusing the audience for its
 * activity (TTPA_SPECIAL_CATEGORY_PROFILING, R-24, R-77), which is audited with every reason before it is
 * thrown (Appendix C.0).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { Deps } from '../deps.js';
import type { AudienceActor } from './authorize-audience.js';
import type { PreparedAudience } from './prepare-audience.js';

export function checkName(name: string): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 200) {
    throw new DomainError('VALIDATION_FAILED', {
      in: 'body',
      fields: [{ field: 'name', rule: 'length', problem: 'a name of 1 to 200 characters' }],
    });
  }
  return n;
}

export async function refuseClassification(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  _actor: Actor,
  who: AudienceActor,
  p: PreparedAudience,
  audienceId: string | null,
): Promise<void> {
  const reasons = p.classification.refusals;
  if (reasons.length === 0) return;
  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [
        {
          type: 'audience.refused',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: audienceId ? 'audience' : 'processing_activity',
          objectId: audienceId ?? p.activity.id,
          data: {
            reasons,
            activityId: p.activity.id,
            classification: p.classification.dataClass,
            criteria: p.classification.criteria.map((c) => c.key),
          },
        },
      ],
      d.now(),
    ),
  );
  throw new DomainError(reasons[0]!, {
    reasons,
    criteria: p.classification.why.map((w) => w.key),
    adClass: p.classification.adClass,
  });
}
