/**
 * Tracking (LEGAL.md …R-69) and AI.
 */
import type { GateState } from './state.js';

export function trackingAiRules(s: GateState): void {
  const { processing } = s.facts;
  // no pixels, cookies, SDKs, conversion APIs or open/click tracking; consent does not lift it.
  if (processing.kind === 'TRACKING' || processing.tracking) s.reasons.add('TRACKING_NOT_ALLOWED');
  const ai =
    processing.ai ??
    (processing.kind === 'AI_INTERACTION'
      ? { interactsWithPeople: true, disclosesAi: false, prohibitedPractice: false }
      : null);
  if (ai === null) return;
  if (ai.prohibitedPractice) s.reasons.add('AI_PROHIBITED_PRACTICE');
  if (ai.interactsWithPeople) {
    s.obligations.add('AI_DISCLOSURE');
    if (!ai.disclosesAi) s.reasons.add('AI_DISCLOSURE_MISSING');
  }
  if (ai.highRisk === true) {
    s.obligations.add('AI_HIGH_RISK_DEPLOYER_DUTIES');
    if (ai.deployerEvidence !== true) s.productRefusals.add('AI_HIGH_RISK_UNSUPPORTED');
  }
}
