/**
 * The key under which a prepared gate (prepare.ts) remembers a decision: everything about the person that
 * any rule reads, reduced to what the rule can tell apart for this processing and context. Consents
 * appear as their verdicts (`assessConsent`'s status and reasons, valid, not yet, explicit, bundling,
 * the controllers named, withdrawn at all); times only as the classes the rules compare them in (art 14
 * information given by the reference date; known to be under the voting age minus one, R-78). Two
 * persons with equal keys get equal decisions: prepared.test.ts checks it on generated persons, and
 * every rule that reads a new person field must add it here.
 */
import { knownUnderOn } from './age.js';
import type { AssessedConsent } from './state.js';
import type { PersonFacts, ProcessingFacts } from './types.js';

const SEP = '\u0002';

function consentPart(c: AssessedConsent): string {
  return [
    c.consent.purposeId,
    c.assessment.status,
    c.reasons.join(','),
    c.valid,
    c.notYet,
    c.consent.explicit,
    c.consent.purposesInAction,
    c.consent.controllerNames.join('\u0001'),
  ].join('\u0003');
}

export interface KeyContext {
  processing: ProcessingFacts;
  refMs: number;
  /** The reference date on the Dutch calendar. */
  refDay: string;
  /** The age R-78 compares with: voting age minus one. */
  minAge: number;
}

export function decisionKey(
  person: PersonFacts,
  consents: readonly AssessedConsent[],
  k: KeyContext,
): string {
  const restricted = person.restrictedActivityIds;
  const informed = person.art14InformedAt !== null && Date.parse(person.art14InformedAt) <= k.refMs;
  const parts: (string | number | boolean | undefined)[] = [
    person.relation,
    person.erased,
    restricted === null
      ? 'n'
      : restricted.length === 0 ||
        (k.processing.activityId !== null && restricted.includes(k.processing.activityId)),
    person.suppressed.join(','),
    person.source.kind,
    person.source.obtainedFromSubject,
    person.source.inferred,
    person.source.originDocumented,
    informed,
    knownUnderOn(person, k.minAge, k.refDay),
    person.channelPermissionsByRelationship.join(','),
    person.consents.some((c) => c.withdrawnAt !== null),
    person.objections.map((o) => `${o.kind}:${o.activityId}:${o.overriddenByCompellingGrounds}`).join(','),
    person.publicEvidence.length === 0 ? '' : JSON.stringify(person.publicEvidence),
  ];
  const cs = consents.length === 1 ? [consentPart(consents[0]!)] : consents.map(consentPart).sort();
  return `${parts.join(SEP)}${SEP}${cs.join(SEP)}`;
}
