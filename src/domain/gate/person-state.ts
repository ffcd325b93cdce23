/**
 * The person's own state (LEGAL.md …R-60): erased, restricted, suppressed, objected.
 */
import type { GateState } from './state.js';

/** Kinds that would bring an erased or suppressed person back: imports and uploads. */
const RE_ENTRY_KINDS = new Set(['COLLECTION', 'CUSTOM_AUDIENCE', 'LOOKALIKE', 'EXPORT']);

/** Direct marketing: campaigning to the person, political ads included. */
export function isDirectMarketing(s: GateState): boolean {
  return s.facts.processing.directMarketing || s.facts.processing.adClass === 'POLITICAL_AD';
}

export function personStateRules(s: GateState, reliesOnConsent: boolean): void {
  const { person, processing } = s.facts;
  const dm = isDirectMarketing(s);
  // any processing of an erased person would bring the data back.
  if (person.erased) s.reasons.add('ERASED_SUBJECT');
  // restricted for all activities ([]) or for this one.
  const restricted = person.restrictedActivityIds;
  if (
    restricted !== null &&
    (restricted.length === 0 ||
      (processing.activityId !== null && restricted.includes(processing.activityId)))
  ) {
    s.reasons.add('PROCESSING_RESTRICTED');
  }
  // R-27 (absolute) and R-60 (art 21(1), unless compelling grounds are shown).
  for (const o of person.objections) {
    if (o.kind === 'DIRECT_MARKETING' && dm) s.reasons.add('OBJECTED');
    if (
      o.kind === 'PARTICULAR_SITUATION' &&
      !o.overriddenByCompellingGrounds &&
      (o.activityId === null || o.activityId === processing.activityId)
    ) {
      s.reasons.add('OBJECTED');
    }
  }
  // the suppression list, per reason.
  const reEntry = RE_ENTRY_KINDS.has(processing.kind);
  for (const why of person.suppressed) {
    if (why === 'ERASURE_REQUEST') s.reasons.add('ERASED_SUBJECT');
    if (why === 'OBJECTION_DM' && (dm || reEntry)) s.reasons.add('OBJECTED');
    if (why === 'OBJECTION_21_1') s.reasons.add('OBJECTED');
    if (why === 'CONSENT_WITHDRAWN' && (reliesOnConsent || reEntry)) s.reasons.add('CONSENT_WITHDRAWN');
  }
  const hasSuppressionDuty =
    person.erased ||
    person.objections.length > 0 ||
    person.suppressed.length > 0 ||
    person.consents.some((c) => c.withdrawnAt !== null);
  if (hasSuppressionDuty || reEntry) s.obligations.add('SUPPRESSION_LIST');
}
