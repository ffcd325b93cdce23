/**
 * The evaluation of an audience (C5): every person the SQL prefilter selects within the audience's scope
 * (FACTS' streamGateSubjects) is matched against the criteria SQL cannot see (match.ts), and every matched
 * person goes through the legal gate (`assess`) for the audience's activity, with the segment's criteria
 * and class (R-08, R-24, R-79). Included when the gate lets the processing proceed; otherwise excluded
 * with every reason (a person can have several; each is counted, and so is the person). Reads only.
 */
import type { SegmentClassification } from '../../domain/audiences/classify.js';
import { matchesCriteria } from '../../domain/audiences/match.js';
import type { AudienceCriteria } from '../../domain/audiences/types.js';
import { mayProceed, prepareAssess } from '../../domain/gate/assess.js';
import { readsAge } from '../../domain/gate/ttpa.js';
import type { Decision, GateContext, ProcessingFacts } from '../../domain/gate/types.js';
import { type ActivityRow, activitiesRepo } from '../../storage/activities-repo.js';
import type { AudienceRow } from '../../storage/audiences-repo.js';
import type { Queryable } from '../../storage/db.js';
import { destinationsRepo } from '../../storage/destinations-repo.js';
import type { Deps } from '../deps.js';
import { loadGateContext } from '../gate/gate-context.js';
import { processingFactsFor } from '../gate/processing-facts.js';
import { type GateSubject, type SubjectFilter, streamGateSubjects } from '../gate/subjects.js';
import { audienceScope } from './authorize-audience.js';
import { classify, criteriaCatalogue } from './prepare-audience.js';

export interface EvaluationCounts {
  /** Persons the criteria select (before the gate). */
  matched: number;
  includedCount: number;
  /** Reason code (C.1, and C.3 product refusals) → persons excluded with it. */
  excluded: Record<string, number>;
  /** Persons excluded (each once, whatever the number of reasons). */
  excludedPersons: number;
}

export interface EvaluationSetup {
  criteria: AudienceCriteria;
  activity: ActivityRow;
  classification: SegmentClassification;
  processing: ProcessingFacts;
  context: GateContext;
  filter: SubjectFilter;
}

/** What a person's decision means for the audience: the reasons it is excluded (empty: included). */
export function exclusionReasons(decision: Decision): string[] {
  if (mayProceed(decision)) return [];
  const out = [...decision.reasons, ...decision.productRefusals];
  return out.length > 0 ? out : ['NOT_ALLOWED'];
}

export async function setUpEvaluation(
  d: Pick<Deps, 'db'>,
  tx: Queryable,
  audience: AudienceRow,
  now: Date,
): Promise<EvaluationSetup> {
  const activity = (await activitiesRepo.get(tx, audience.activityId))!;
  const destination = activity.destinationId ? await destinationsRepo.get(tx, activity.destinationId) : null;
  const catalogue = await criteriaCatalogue(tx);
  const classification = classify(audience.criteria, catalogue, activity, {
    ownerScopeNarrow: audience.ownerScope !== null,
  });
  const base = processingFactsFor(activity, destination, classification.criteria);
  const processing: ProcessingFacts = {
    ...base,
    // a member communication narrower than a whole list is a political ad.
    adClass: classification.adClass,
    // a segment that reveals political opinion is special-category processing.
    politicalData: base.politicalData || classification.dataClass !== 'ordinary',
  };
  const context = await loadGateContext(d, tx, activity, now);
  const c = audience.criteria;
  const factsPurposeIds = [
    ...new Set([
      ...(activity.consentPurposeId ? [activity.consentPurposeId] : []),
      ...c.consentPurposeIds,
      ...context.consentPurposes.filter((p) => p.politicalAdvertising).map((p) => p.id),
    ]),
  ];
  const filter: SubjectFilter = {
    scope: audienceScope(audience),
    ...(c.branchIds.length ? { branchIds: c.branchIds } : {}),
    ...(c.postcodeRanges.length ? { postcodeRanges: c.postcodeRanges } : {}),
    ...(c.languages.length ? { languages: c.languages } : {}),
    ...(c.tagIdsAll.length ? { tagIdsAll: c.tagIdsAll } : {}),
    ...(c.tagIdsNone.length ? { tagIdsNone: c.tagIdsNone } : {}),
    ...(c.consentPurposeIds.length ? { consentPurposeIds: c.consentPurposeIds } : {}),
    factsPurposeIds,
    // only an online political ad looks at age: otherwise birth dates are not decrypted
    factsBirthDate: readsAge(processing),
  };
  return { criteria: c, activity, classification, processing, context, filter };
}

/**
 * Run the evaluation; `visit` sees every matched person with their exclusion reasons (empty: included)
 * and may return false to stop early (explanation pages).
 */
export async function runEvaluation(
  d: Pick<Deps, 'db' | 'keyring' | 'suppression'>,
  tx: Queryable,
  setup: EvaluationSetup,
  now: Date,
  visit?: (subject: GateSubject, reasons: string[]) => boolean | undefined,
): Promise<EvaluationCounts> {
  const counts: EvaluationCounts = { matched: 0, includedCount: 0, excluded: {}, excludedPersons: 0 };
  const matchCtx = {
    now,
    partyControllerName: setup.context.partyControllerName,
    consentPurposes: setup.context.consentPurposes,
  };
  // the gate prepared once for the audience's processing (the same decision as `assess`, C.0)
  const gate = prepareAssess(setup.processing, setup.context);
  for await (const batch of streamGateSubjects(d, tx, setup.filter, now)) {
    for (const subject of batch) {
      if (!matchesCriteria(setup.criteria, subject, matchCtx)) continue;
      counts.matched++;
      const decision = gate(subject.facts);
      const reasons = exclusionReasons(decision);
      if (reasons.length === 0) counts.includedCount++;
      else {
        counts.excludedPersons++;
        for (const r of reasons) counts.excluded[r] = (counts.excluded[r] ?? 0) + 1;
      }
      if (visit && visit(subject, reasons) === false) return counts;
    }
  }
  return counts;
}
