/**
 * The legal gate (C4; LEGAL.md Appendix C.0): one pure function decides one processing for one person.
 * Every rule is evaluated and every applicable reason is reported; `allowed` is false exactly when
 * `reasons` is not empty. The art 9 basis is derived per processing in the order 9(2)(d), 9(2)(a),
 * 9(2)(e). Product controls beyond the law are reported apart in `productRefusals`; callers proceed only
 * when `mayProceed(decision)`. No clock: the reference date is `facts.context.referenceDate`.
 * See docs/gate.md.
 */
import { DECISION_REASONS, GATE_PRODUCT_REFUSALS } from '../code-sets/legal.js';
import { dutchDate } from './age.js';
import { basisRules, platformProxy, revealing } from './consent-basis.js';
import { decisionKey, type KeyContext } from './decision-key.js';
import { PLATFORM_KINDS, recipientRules, resolveRecipientOf } from './disclosure.js';
import { finalObligations, generalObligations } from './obligations.js';
import { personStateRules } from './person-state.js';
import { sourceRules } from './sources.js';
import { type GateState, MEMO_LIMIT, prepareConsents } from './state.js';
import { targetingRules } from './targeting.js';
import { trackingAiRules } from './tracking-ai.js';
import { effectiveAdClass, isOnlinePoliticalAd, ttpaRules } from './ttpa.js';
import type { Decision, GateContext, GateFacts, PersonFacts, ProcessingFacts } from './types.js';

/**
 * Whether the processing involves data revealing political opinions or another art 9 category (R-02,
 * R-08), apart from the person's relation (membership, former membership and regular contact with a
 * party reveal a political opinion, R-02), which the caller adds.
 */
function processingSpecialCategory(p: ProcessingFacts, context: GateContext): boolean {
  const purpose = context.consentPurposes.find((x) => x.id === p.consentPurposeId);
  return (
    p.politicalData ||
    p.criteria.some(revealing) ||
    // platform interest categories that act as proxies for a special category
    p.platformTargetingCriteria.some(platformProxy) ||
    // a party's list in a platform's hands reveals political affinity
    PLATFORM_KINDS.has(p.kind) ||
    (purpose !== undefined && (purpose.political || purpose.politicalAdvertising))
  );
}

/** The gate for one processing and context, applied to one person at a time. */
export type PreparedAssess = (person: PersonFacts) => Decision;

export interface PrepareOptions {
  /**
   * Remember decisions under the person's decision key (decision-key.ts), so that persons the rules
   * cannot tell apart are decided once (default true). Remembered decisions are frozen: do not mutate.
   */
  memo?: boolean;
}

/**
 * The gate prepared for one processing in one context: what depends only on them (the reference
 * instant, the consent purposes, the recipient and its role, disclosure, profiling, the processing's
 * special-category data) is worked out once, and the returned function decides one person. For
 * evaluating many persons against one processing (audiences, sends, exports). `assess` is this same
 * function, prepared for a single document.
 */
export function prepareAssess(
  processing: ProcessingFacts,
  context: GateContext,
  opts: PrepareOptions = {},
): PreparedAssess {
  const memo = opts.memo ?? true;
  const ref = new Date(context.referenceDate);
  const { recipient, role, roleInconsistent } = resolveRecipientOf(processing);
  const disclosure = role === 'CONTROLLER' || role === 'JOINT_CONTROLLER';
  const profiling = processing.kind === 'PROFILING' || processing.criteria.some((c) => c.inferred);
  const special = processingSpecialCategory(processing, context);
  const consentsOf = prepareConsents(processing, context, ref, memo);
  // only a memo needs the key's context (the Dutch reference day costs a calendar computation)
  const keyContext: KeyContext | null = memo
    ? { processing, refMs: ref.getTime(), refDay: dutchDate(ref), minAge: context.votingAge - 1 }
    : null;
  const decisions = new Map<string, Decision>();

  return (person) => {
    const consents = consentsOf(person);
    let key: string | null = null;
    if (keyContext !== null) {
      key = decisionKey(person, consents, keyContext);
      const hit = decisions.get(key);
      if (hit !== undefined) return hit;
    }
    const relationD = person.relation !== 'NONE';
    const s: GateState = {
      facts: { person, processing, context },
      ref,
      consents,
      relationD,
      recipient,
      role,
      disclosure,
      profiling,
      specialCategory: special || relationD,
      reasons: new Set(),
      obligations: new Set(),
      productRefusals: new Set(),
    };
    const adClass = effectiveAdClass(s);
    const onlinePoliticalAd = isOnlinePoliticalAd(s, adClass);

    const { basis, reliesOnConsent } = basisRules(s, onlinePoliticalAd);
    recipientRules(s, roleInconsistent);
    personStateRules(s, reliesOnConsent);
    sourceRules(s);
    targetingRules(s, onlinePoliticalAd);
    ttpaRules(s, adClass);
    trackingAiRules(s);
    generalObligations(s, reliesOnConsent);

    const reasons = DECISION_REASONS.filter((r) => s.reasons.has(r));
    const refused = reasons.length > 0;
    const decision: Decision = {
      allowed: !refused,
      basis: refused || !s.specialCategory ? null : basis,
      specialCategory: s.specialCategory,
      reasons: [...reasons],
      obligations: finalObligations(s, refused),
      productRefusals: GATE_PRODUCT_REFUSALS.filter((r) => s.productRefusals.has(r)),
    };
    if (key !== null) {
      Object.freeze(decision.reasons);
      Object.freeze(decision.obligations);
      Object.freeze(decision.productRefusals);
      if (decisions.size >= MEMO_LIMIT) decisions.clear();
      decisions.set(key, Object.freeze(decision));
    }
    return decision;
  };
}

/** The decision for one facts document. */
export function assess(facts: GateFacts): Decision {
  return prepareAssess(facts.processing, facts.context, { memo: false })(facts.person);
}

/** The action may go ahead: legally allowed and no product control blocks it. Callers use this. */
export function mayProceed(d: Decision): boolean {
  return d.allowed && d.productRefusals.length === 0;
}
