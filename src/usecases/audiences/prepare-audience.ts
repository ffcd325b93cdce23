/**
 * Validate and classify an audience definition before it is stored (create, update): the activity must
 * exist in the register, the criteria must be known, consistent and reference existing branches,
 * tags and purposes, and the combination is classified. Reads only.
 */
import {
  type ClassifyOptions,
  classifySegment,
  type SegmentClassification,
} from '../../domain/audiences/classify.js';
import type { AudienceCriteria, CriteriaCatalogue } from '../../domain/audiences/types.js';
import { problemsCode, validateCriteria } from '../../domain/audiences/validate.js';
import { DomainError } from '../../domain/codes.js';
import { type ActivityRow, activitiesRepo } from '../../storage/activities-repo.js';
import { type AudienceClassificationDetail, audiencesRepo } from '../../storage/audiences-repo.js';
import type { Queryable } from '../../storage/db.js';

export interface AudienceInput {
  name: string;
  activityId: string;
  criteria: unknown;
}

export interface PreparedAudience {
  activity: ActivityRow;
  criteria: AudienceCriteria;
  classification: SegmentClassification;
}

export async function criteriaCatalogue(tx: Queryable): Promise<CriteriaCatalogue> {
  const rows = await audiencesRepo.catalogue(tx);
  return {
    branchIds: new Set(rows.branches.map((b) => b.id)),
    tags: new Map(
      rows.tags.map((t) => [t.id, { key: t.key, dataClass: t.dataClass, proxyRisk: t.proxyRisk }]),
    ),
    purposes: new Map(
      rows.purposes.map((p) => [
        p.id,
        { political: p.political, politicalAdvertising: p.politicalAdvertising },
      ]),
    ),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Classify stored criteria again (tag classes may have changed since): what evaluation uses. */
export function classify(
  criteria: AudienceCriteria,
  catalogue: CriteriaCatalogue,
  activity: ActivityRow,
  opts: ClassifyOptions,
): SegmentClassification {
  return classifySegment(criteria, catalogue, activity, opts);
}

export async function prepareAudience(
  tx: Queryable,
  input: AudienceInput,
  opts: ClassifyOptions,
): Promise<PreparedAudience> {
  const activity = UUID.test(input.activityId) ? await activitiesRepo.get(tx, input.activityId) : null;
  const catalogue = await criteriaCatalogue(tx);
  const v = validateCriteria(input.criteria, catalogue);
  const fields = v.ok ? [] : v.problems.map((p) => ({ field: p.field, rule: p.rule, problem: p.problem }));
  if (!activity) {
    const field = { field: 'activityId', rule: 'reference.activity', problem: 'no such processing activity' };
    throw new DomainError('AUDIENCE_ACTIVITY_UNKNOWN', { in: 'body', fields: [field, ...fields] });
  }
  if (!v.ok) {
    throw new DomainError(problemsCode(v.problems), {
      in: 'body',
      fields,
      reasons: [...new Set(v.problems.map((p) => p.code))],
    });
  }
  return { activity, criteria: v.criteria, classification: classify(v.criteria, catalogue, activity, opts) };
}

export function classificationDetail(c: SegmentClassification): AudienceClassificationDetail {
  return { why: c.why, flags: c.flags, adClass: c.adClass };
}
