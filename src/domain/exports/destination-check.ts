/**
 * What a destination must be before a file of persons goes to it (C5). Pure rules; the per-person
 * decision is the gate's (`assess`), these are the conditions on the recipient itself, reported all at
 * once (Appendix C.0).
 *
 * - CSV export: only to a registered processor with a complete art 28(3) agreement, vetted
 *   with a transfer mechanism when it processes outside the EEA. A controller or joint
 *   controller is a disclosure outside the body, which a CSV export never is.
 * - Custom audience (platform list, R-22): a registered platform destination; as joint controller it needs
 *   an art 26 arrangement; the same vetting and transfer conditions.
 */

export interface DestinationFacts {
  role: 'PROCESSOR' | 'JOINT_CONTROLLER' | 'CONTROLLER';
  platform: boolean;
  vetted: boolean;
  processorAgreementComplete: boolean;
  art26Arrangement: boolean;
  outsideEea: boolean;
  transferMechanism: boolean;
}

export type DestinationReason =
  | 'UNREGISTERED_DESTINATION'
  | 'DISCLOSURE_OUTSIDE_BODY'
  | 'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED'
  | 'NO_PROCESSOR_AGREEMENT'
  | 'VENDOR_NOT_VETTED'
  | 'TRANSFER_MECHANISM_MISSING';

function common(d: DestinationFacts, out: DestinationReason[]): DestinationReason[] {
  if (d.role === 'JOINT_CONTROLLER' && !d.art26Arrangement) out.push('JOINT_CONTROLLER_ARRANGEMENT_REQUIRED');
  if (d.role === 'PROCESSOR' && !d.processorAgreementComplete) out.push('NO_PROCESSOR_AGREEMENT');
  if (!d.vetted) out.push('VENDOR_NOT_VETTED');
  if (d.outsideEea && !d.transferMechanism) out.push('TRANSFER_MECHANISM_MISSING');
  return out;
}

/** Every reason a CSV export to this destination (null: none registered) is refused; empty: it may go. */
export function exportDestinationReasons(d: DestinationFacts | null): DestinationReason[] {
  if (d === null) return ['UNREGISTERED_DESTINATION'];
  return common(d, d.role === 'PROCESSOR' ? [] : ['DISCLOSURE_OUTSIDE_BODY']);
}

/** Every reason a custom-audience list for this destination is refused before any person is assessed. */
export function customAudienceDestinationReasons(d: DestinationFacts | null): DestinationReason[] {
  if (d === null) return ['UNREGISTERED_DESTINATION'];
  return common(d, []);
}
