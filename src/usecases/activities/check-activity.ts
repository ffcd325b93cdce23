/**
 * Consistency checks of an activity that the edge schema cannot do: every
 * problem is reported at once, each naming its field. Roles of destinations against what the activity
 * decides (ROLE_INCONSISTENT) are the gate's to judge, not here.
 */
import { DomainError } from '../../domain/codes.js';
import type { AdClass, ProcessingKind } from '../../domain/gate/types.js';
import type { NewActivity } from '../../storage/activities-repo.js';
import { activitiesRepo } from '../../storage/activities-repo.js';
import type { Queryable } from '../../storage/db.js';
import { destinationsRepo } from '../../storage/destinations-repo.js';

/** Kinds whose data leave the party: they need a registered destination. */
const NEEDS_DESTINATION: readonly ProcessingKind[] = ['CUSTOM_AUDIENCE', 'LOOKALIKE', 'EXPORT'];
/** TTPA classes that only a message or a platform audience can have. */
const AD_CLASS_KINDS: Partial<Record<AdClass, readonly ProcessingKind[]>> = {
  POLITICAL_AD: ['MESSAGE', 'CUSTOM_AUDIENCE', 'LOOKALIKE'],
  MEMBER_COMMUNICATION_18_3: ['MESSAGE', 'CUSTOM_AUDIENCE', 'LOOKALIKE'],
};

interface Problem {
  field: string;
  rule: string;
  problem: string;
}

export function normaliseActivity(a: NewActivity): NewActivity {
  const reason = a.overrideReason?.trim() ?? '';
  return {
    ...a,
    name: a.name.trim(),
    purpose: a.purpose.trim(),
    overrideReason: reason === '' ? null : reason,
  };
}

/** The problems of a (normalised) activity, without reading the database. */
export function activityProblems(a: NewActivity): Problem[] {
  const out: Problem[] = [];
  if (a.memberCommunicationOverride && !a.overrideReason) {
    out.push({
      field: 'overrideReason',
      rule: 'required',
      problem: 'an FG override of the member-communication default needs a reason (R-79)',
    });
  }
  if (NEEDS_DESTINATION.includes(a.kind) && !a.destinationId) {
    out.push({
      field: 'destinationId',
      rule: 'required',
      problem: `an activity of kind ${a.kind} sends data to a registered destination (R-34)`,
    });
  }
  const kinds = AD_CLASS_KINDS[a.adClass];
  if (kinds && !kinds.includes(a.kind)) {
    out.push({
      field: 'adClass',
      rule: 'kind',
      problem: `${a.adClass} applies only to kinds ${kinds.join(', ')}`,
    });
  }
  if (a.memberCommunicationOverride && a.adClass !== 'MEMBER_COMMUNICATION_18_3') {
    out.push({
      field: 'memberCommunicationOverride',
      rule: 'adClass',
      problem: 'the override applies only to MEMBER_COMMUNICATION_18_3 (R-79)',
    });
  }
  return out;
}

/** All problems, including references that must exist; throws VALIDATION_FAILED listing each. */
export async function checkActivity(tx: Queryable, input: NewActivity): Promise<NewActivity> {
  const a = normaliseActivity(input);
  const problems = activityProblems(a);
  if (a.consentPurposeId && !(await activitiesRepo.consentPurposeExists(tx, a.consentPurposeId))) {
    problems.push({ field: 'consentPurposeId', rule: 'exists', problem: 'no such consent purpose' });
  }
  if (a.destinationId && !(await destinationsRepo.get(tx, a.destinationId))) {
    problems.push({ field: 'destinationId', rule: 'exists', problem: 'no such destination' });
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: problems });
  return a;
}
