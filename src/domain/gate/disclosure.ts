/**
 * Recipients and roles (LEGAL.md … ): who the data go to, whether
 * that is a disclosure, and what a recipient needs before anything leaves the party.
 */
import type { GateState } from './state.js';
import type { GateFacts, GateRecipient, ProcessingFacts } from './types.js';

/** Kinds that put a list in a platform's hands for matching: a disclosure to a joint controller. */
export const PLATFORM_KINDS = new Set(['CUSTOM_AUDIENCE', 'LOOKALIKE']);

/** A platform deciding audience or delivery: targeting kinds and online ads. */
function targetingRole(p: ProcessingFacts): boolean {
  return PLATFORM_KINDS.has(p.kind) || p.channel === 'ONLINE_AD';
}

/**
 * The recipient and its effective role. A platform recorded as processor while it matches or targets
 * is a joint controller (R-21, R-30: ROLE_INCONSISTENT); a custom-audience or lookalike request with no
 * registered destination still goes to some platform (R-34: UNREGISTERED_DESTINATION).
 */
export function resolveRecipient(f: GateFacts): ResolvedRecipient {
  return resolveRecipientOf(f.processing);
}

export interface ResolvedRecipient {
  recipient: GateRecipient | null;
  role: GateRecipient['role'] | null;
  roleInconsistent: boolean;
}

/** `resolveRecipient` from the processing alone (it depends on nothing else). */
export function resolveRecipientOf(p: ProcessingFacts): ResolvedRecipient {
  const r = p.recipient;
  if (r === null) {
    if (PLATFORM_KINDS.has(p.kind)) {
      const unknown: GateRecipient = {
        name: '',
        role: 'JOINT_CONTROLLER',
        registered: false,
        vetted: false,
        processorAgreementComplete: false,
        art26Arrangement: false,
        platform: true,
        outsideEea: false,
        transferMechanism: true,
      };
      return { recipient: unknown, role: 'JOINT_CONTROLLER', roleInconsistent: false };
    }
    return { recipient: null, role: null, roleInconsistent: false };
  }
  const roleInconsistent = r.role === 'PROCESSOR' && r.platform && targetingRole(p);
  return { recipient: r, role: roleInconsistent ? 'JOINT_CONTROLLER' : r.role, roleInconsistent };
}

/** R-33…, R-21/R-31 (arrangement), R-30: the recipient's own conditions. */
export function recipientRules(s: GateState, roleInconsistent: boolean): void {
  const r = s.recipient;
  if (r === null) return;
  if (!r.registered) s.productRefusals.add('UNREGISTERED_DESTINATION');
  if (!r.vetted) s.productRefusals.add('VENDOR_NOT_VETTED');
  if (r.outsideEea && !r.transferMechanism) s.productRefusals.add('TRANSFER_MECHANISM_MISSING');
  if (roleInconsistent) s.productRefusals.add('ROLE_INCONSISTENT');
  if (s.role === 'PROCESSOR') {
    s.obligations.add('PROCESSOR_AGREEMENT');
    if (!r.processorAgreementComplete) s.reasons.add('NO_PROCESSOR_AGREEMENT');
  }
  if (s.role === 'JOINT_CONTROLLER') {
    s.obligations.add('ART26_ARRANGEMENT');
    if (!r.art26Arrangement) s.reasons.add('JOINT_CONTROLLER_ARRANGEMENT_REQUIRED');
  }
}
