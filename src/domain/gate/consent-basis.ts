/**
 * The art 9 exception this processing relies on, derived per processing (Appendix C.0; …R-08,
 * R-13… ): 9(2)(d) inside the party for members, former members and regular contacts; 9(2)(a)
 * a valid explicit consent covering the purpose (naming the recipient when data leave the party);
 * 9(2)(e) data the person manifestly made public, used only as published. Consent validity itself is
 * decided by `assessConsent` (src/domain/consent/assess.ts).
 */
import type { DecisionReason } from '../code-sets/legal.js';
import { ACTIVE_ACTS } from '../persons/types.js';
import { PLATFORM_KINDS } from './disclosure.js';
import { type AssessedConsent, consentsFor, type GateState, namesRecipient } from './state.js';
import type { DecisionBasis, GateCriterion } from './types.js';

const ACTIVE = new Set<string>(ACTIVE_ACTS);

/** A criterion that is or can reveal special-category data (R-08: political/special class, or a high proxy). */
export function revealing(c: GateCriterion): boolean {
  return c.dataClass !== 'ordinary' || c.proxyRisk === 'high';
}

/**
 * Generic demographic and geographic attributes (age or age band, location, region, postcode or
 * municipality, household type, tenure) are not political proxies (R-08 v2; R-24 test: `region=Utrecht`,
 * `age>=18`), though targeting users by them is still personal-data targeting.
 */
const GENERIC_PLATFORM_KEYS = new Set([
  'age',
  'agemin',
  'agemax',
  'minage',
  'maxage',
  'ageband',
  'agerange',
  'leeftijd',
  'location',
  'region',
  'regio',
  'city',
  'municipality',
  'gemeente',
  'postcode',
  'postalcode',
  'zipcode',
  'province',
  'provincie',
  'country',
  'householdtype',
  'huishouden',
  'tenure',
]);

/**
 * A platform targeting criterion (e.g. `interest:Christian democracy`, `region=Utrecht`, `age>=18`) that
 * may act as a proxy for political opinion or another special category (R-24): every criterion except a
 * generic demographic or geographic one. Interests, behaviours, lookalikes and anything unrecognised
 * count as proxies (protective reading of R-24's deny-list).
 */
export function platformProxy(criterion: string): boolean {
  const key = (criterion.toLowerCase().split(/[:=<>≤≥!(]/)[0] ?? '').replace(/[^a-z]/g, '');
  return !GENERIC_PLATFORM_KEYS.has(key);
}

/** Political opinion or another special category is inferred rather than given. */
function inference(s: GateState): boolean {
  const { person, processing } = s.facts;
  return (
    processing.criteria.some(revealing) ||
    processing.platformTargetingCriteria.some(platformProxy) ||
    (person.source.inferred && processing.politicalData)
  );
}

/** 9(2)(e): an active, unrestricted public statement on exactly the topic used. */
function manifestlyPublic(s: GateState, onlinePoliticalAd: boolean): boolean {
  const { person, processing } = s.facts;
  if (processing.publishedTopic === null || s.profiling || onlinePoliticalAd) return false;
  if (PLATFORM_KINDS.has(processing.kind)) return false;
  return person.publicEvidence.some(
    (e) => ACTIVE.has(e.act) && e.audienceUnrestricted && e.topic === processing.publishedTopic,
  );
}

/**
 * Why the consents held for the purpose do not carry it: each consent's own C.1 reasons, a consent not
 * yet confirmed or not yet given counts as none (NO_EXPLICIT_CONSENT), an implied consent where explicit
 * is needed, and a consent not naming the recipient of a disclosure. Per consent and independent
 * of the others, so that a withdrawal or a lower age only ever adds reasons.
 */
function consentReasons(s: GateState, held: AssessedConsent[], needExplicit: boolean): DecisionReason[] {
  const out = new Set<DecisionReason>();
  if (held.length === 0) out.add('NO_EXPLICIT_CONSENT');
  for (const c of held) {
    for (const r of c.reasons) out.add(r);
    if (c.notYet) out.add('NO_EXPLICIT_CONSENT');
    if (needExplicit && !c.consent.explicit) out.add('NO_EXPLICIT_CONSENT');
    if (s.disclosure && !namesRecipient(c, s.recipient)) out.add('CONSENT_NOT_SPECIFIC');
  }
  return [...out];
}

export interface BasisOutcome {
  /** The exception that covers the processing when it is not refused (before other rules). */
  basis: DecisionBasis;
  /** The decision relies on a consent (RECORD_CONSENT, R-14, R-16). */
  reliesOnConsent: boolean;
}

export function basisRules(s: GateState, onlinePoliticalAd: boolean): BasisOutcome {
  const { processing } = s.facts;
  const held = consentsFor(s, processing.consentPurposeId);
  const valid = held.filter((c) => c.valid && (!s.disclosure || namesRecipient(c, s.recipient)));
  const validExplicit = valid.filter((c) => c.consent.explicit);

  // 9(2)(d) covers processing inside the party (its processors included), not disclosure and
  // not profiling for messaging, which needs explicit consent.
  const d = s.relationD && !s.disclosure && !s.profiling;
  const a = validExplicit.length > 0;
  const e = manifestlyPublic(s, onlinePoliticalAd);

  const refuseConsent = (needExplicit: boolean) => {
    for (const r of consentReasons(s, held, needExplicit)) s.reasons.add(r);
  };

  let basis: DecisionBasis = null;
  let reliesOnConsent = false;
  if (s.specialCategory) {
    if (d) basis = '9(2)(d)';
    else if (a) basis = '9(2)(a)';
    else if (e) basis = '9(2)(e)';
    if (basis === null) {
      // R-05: members' data leaving the party without consent naming the recipient.
      if (s.relationD && s.disclosure) s.reasons.add('DISCLOSURE_OUTSIDE_BODY');
      if (s.relationD && s.disclosure && !s.profiling && held.length === 0) {
        // DISCLOSURE_OUTSIDE_BODY says it all
      } else refuseConsent(true);
      // 9(2)(e) relied on without an active, unrestricted act on the topic used.
      if (processing.publishedTopic !== null || s.facts.person.publicEvidence.length > 0) {
        s.reasons.add('NOT_MANIFESTLY_PUBLIC');
      }
      // inferred political opinion without an exception covering it.
      if (inference(s)) s.reasons.add('SPECIAL_CATEGORY_INFERENCE');
    }
    reliesOnConsent = basis === '9(2)(a)';
  }
  // No special-category data: the processing relies on its consent purpose (art 6(1)(a)) outside 9(2)(d).
  if (!s.specialCategory && processing.consentPurposeId !== null && !d) {
    if (valid.length === 0) refuseConsent(false);
    reliesOnConsent = true;
  }
  // a withdrawn consent for the purpose stops processing based on it, members included.
  if (
    processing.consentPurposeId !== null &&
    d &&
    valid.length === 0 &&
    held.some((c) => c.reasons.includes('CONSENT_WITHDRAWN'))
  ) {
    s.reasons.add('CONSENT_WITHDRAWN');
  }
  return { basis, reliesOnConsent };
}
