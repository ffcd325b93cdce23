/**
 * Obligations the processing triggers, met or not (Appendix C.2), and the rule that a refused decision
 * lists only the duties that exist regardless of the refusal.
 */
import { OBLIGATION_CODES, type Obligation } from '../code-sets/obligations.js';
import { isDirectMarketing } from './person-state.js';
import type { GateState } from './state.js';

/** Duties that exist whatever the decision: the data are held, the person erased, objected or withdrew. */
export const REGARDLESS: ReadonlySet<Obligation> = new Set<Obligation>([
  'SUPPRESSION_LIST',
  'INFORM_SUBJECT',
  'DOCUMENT_DATASET_ORIGIN',
]);

export function generalObligations(s: GateState, reliesOnConsent: boolean): void {
  const { processing } = s.facts;
  if (isDirectMarketing(s)) s.obligations.add('OBJECTION_NOTICE');
  if (reliesOnConsent) s.obligations.add('RECORD_CONSENT');
  // insiders get access to political data.
  if (s.specialCategory) s.obligations.add('SECURITY_MEASURES');
  // volunteers, candidates and staff handle lists on the party's instructions.
  if (processing.kind === 'CANVASS' || processing.kind === 'EXPORT')
    s.obligations.add('CONFIDENTIALITY_INSTRUCTIONS');
}

/** In catalogue order; when refused, only the duties that exist regardless. */
export function finalObligations(s: GateState, refused: boolean): Obligation[] {
  return OBLIGATION_CODES.filter((o) => s.obligations.has(o) && (!refused || REGARDLESS.has(o)));
}
