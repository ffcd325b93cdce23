/**
 * Political advertising under the TTPA (Regulation 2024/900; LEGAL.md …R-80): the member
 * communication exemption and when it is lost, and the art 18 conditions for online political
 * ads (R-76 data from the person, separate explicit consent; R-77 no special-category profiling; R-78
 * nobody known to be at least one year under voting age).
 */
import { knownUnder } from './age.js';
import { platformProxy } from './consent-basis.js';
import { consentsFor, type GateState } from './state.js';
import type { AdClass, GateCriterion, ProcessingChannel, ProcessingFacts } from './types.js';

/** Channels through which a political ad is delivered online. Post and door are not. */
export const ONLINE_CHANNELS: ReadonlySet<ProcessingChannel> = new Set([
  'ONLINE_AD',
  'EMAIL',
  'SMS',
  'WHATSAPP',
  'WEBSITE',
]);

/** Sources that are data collected from the person themselves. */
const FROM_SUBJECT = new Set(['DATA_SUBJECT', 'MEMBER_ADMIN', 'EVENT_FORM', 'CANVASS']);

const WHOLE_LIST_KEYS = new Set(['membership', 'membership:active', 'membership:former']);

/** "All members", "all former members" or "all subscribers of list L": nothing narrower. */
export function isWholeListCriterion(key: string): boolean {
  return WHOLE_LIST_KEYS.has(key) || /^consent:[^:]+$/.test(key);
}

/** A criterion that profiles with special-category data beyond a consented list used as provided. */
function profilesSpecialCategory(c: GateCriterion): boolean {
  if (c.inferred || c.dataClass === 'special') return true;
  return (c.dataClass === 'political' || c.proxyRisk === 'high') && !isWholeListCriterion(c.key);
}

/**
 * The class the processing actually has: a member communication stays exempt only when it goes
 * to a whole list of members, former members or subscribers, without behavioural or inferred criteria;
 * any narrower selection singles out recipients unless the FG recorded an override.
 */
export function effectiveAdClass(s: GateState): AdClass {
  const { processing, context, person } = s.facts;
  if (processing.adClass !== 'MEMBER_COMMUNICATION_18_3') return processing.adClass;
  const inferred =
    processing.criteria.some((c) => c.inferred) || processing.platformTargetingCriteria.length > 0;
  const narrower = processing.criteria.some((c) => !isWholeListCriterion(c.key));
  const subscriber =
    person.relation === 'MEMBER' ||
    person.relation === 'FORMER_MEMBER' ||
    consentsFor(s, processing.consentPurposeId).some((c) => c.valid);
  if (inferred || !subscriber || (narrower && !context.memberCommunicationOverride)) return 'POLITICAL_AD';
  return 'MEMBER_COMMUNICATION_18_3';
}

export function isOnlinePoliticalAd(s: GateState, adClass: AdClass): boolean {
  return (
    (adClass === 'POLITICAL_AD' && ONLINE_CHANNELS.has(s.facts.processing.channel)) ||
    s.facts.processing.kind === 'LOOKALIKE'
  );
}

/**
 * Whether the gate can look at the person's age (birth date, age band, minor signal) for this
 * processing: only the R-78 check of an online political ad, which a member communication can become
 * and a lookalike always is. Otherwise the birth date need not be read at all.
 */
export function readsAge(p: ProcessingFacts): boolean {
  return (
    p.kind === 'LOOKALIKE' ||
    (ONLINE_CHANNELS.has(p.channel) &&
      (p.adClass === 'POLITICAL_AD' || p.adClass === 'MEMBER_COMMUNICATION_18_3'))
  );
}

export function ttpaRules(s: GateState, adClass: AdClass): void {
  const { processing, person, context } = s.facts;
  if (adClass === 'POLITICAL_AD') s.obligations.add('TTPA_LABEL_AND_NOTICE');
  if (!isOnlinePoliticalAd(s, adClass)) return;
  s.obligations.add('TTPA_ART19_TRANSPARENCY');
  // R-76 (a): data collected from the person; not bought, scraped, inferred or platform-observed.
  if (
    !FROM_SUBJECT.has(person.source.kind) ||
    !person.source.obtainedFromSubject ||
    person.source.inferred ||
    processing.criteria.some((c) => c.inferred) ||
    processing.platformTargetingCriteria.length > 0 ||
    processing.kind === 'LOOKALIKE'
  ) {
    s.reasons.add('TTPA_DATA_NOT_FROM_SUBJECT');
  }
  // R-76 (b): a valid explicit consent given separately for political advertising.
  const separate = s.consents.some(
    (c) => c.valid && c.consent.explicit && c.purpose.politicalAdvertising && c.consent.purposesInAction <= 1,
  );
  if (!separate || processing.kind === 'LOOKALIKE') s.reasons.add('TTPA_SEPARATE_CONSENT_REQUIRED');
  // R-77 (c), R-24: no profiling with special categories or their proxies; consent does not lift it.
  // Generic demographic or geographic platform criteria are no proxies; they still make
  // the data platform data, above.
  if (
    processing.criteria.some(profilesSpecialCategory) ||
    processing.platformTargetingCriteria.some(platformProxy)
  ) {
    s.reasons.add('TTPA_SPECIAL_CATEGORY_PROFILING');
  }
  // nobody known to be at least one year under voting age; no brief allowing such ages.
  const minAge = context.votingAge - 1;
  if (
    (processing.adBriefMinAge !== null && processing.adBriefMinAge < minAge) ||
    knownUnder(person, minAge, new Date(context.referenceDate))
  ) {
    s.reasons.add('TTPA_MINOR_UNDER_VOTING_AGE');
  }
}
