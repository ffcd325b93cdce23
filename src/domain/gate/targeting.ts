/**
 * Targeting, DPIA and channel rules (LEGAL.md R-21… ).
 */
import type { PermissionChannel } from '../consent/types.js';
import { PLATFORM_KINDS } from './disclosure.js';
import { consentsFor, type GateState } from './state.js';
import type { ProcessingChannel } from './types.js';

/** Channels Tw art 11.7 covers: electronic messages and calls. */
const PERMISSION_CHANNEL: Partial<Record<ProcessingChannel, PermissionChannel>> = {
  EMAIL: 'EMAIL',
  SMS: 'SMS',
  WHATSAPP: 'WHATSAPP',
  PHONE: 'PHONE',
};

/**
 * A DPIA is required before this processing (R-47 hard gates): third-party targeting (custom audience,
 * lookalike, online ad through a recipient), profiling or scoring, AI interacting with people, a
 * canvassing app on political opinions; or the activity was screened as needing one (dpia not NONE).
 */
export function dpiaRequired(s: GateState, onlinePoliticalAd: boolean): boolean {
  const { processing, context } = s.facts;
  return (
    PLATFORM_KINDS.has(processing.kind) ||
    (onlinePoliticalAd && s.recipient !== null && processing.channel === 'ONLINE_AD') ||
    s.profiling ||
    processing.kind === 'AI_INTERACTION' ||
    (processing.ai?.interactsWithPeople ?? false) ||
    (processing.kind === 'CANVASS' && processing.politicalData) ||
    context.dpia !== 'NONE'
  );
}

export function targetingRules(s: GateState, onlinePoliticalAd: boolean): void {
  const { processing, person, context } = s.facts;
  // lookalikes are not offered; the people the platform finds consented to nothing.
  if (processing.kind === 'LOOKALIKE') {
    s.productRefusals.add('LOOKALIKE_NOT_SUPPORTED');
    s.reasons.add('NO_EXPLICIT_CONSENT');
  }
  //
  if (dpiaRequired(s, onlinePoliticalAd)) {
    s.obligations.add('DPIA');
    if (context.dpia === 'NONE') s.reasons.add('DPIA_REQUIRED');
  }
  if (context.dpia === 'HIGH_RESIDUAL_RISK') s.reasons.add('PRIOR_CONSULTATION_REQUIRED');
  // an electronic message or call needs a permission for that channel.
  const channel = PERMISSION_CHANNEL[processing.channel];
  const unsolicited =
    (processing.kind === 'MESSAGE' || processing.kind === 'CANVASS') && processing.adClass !== 'SERVICE';
  if (channel !== undefined && unsolicited) {
    const pool =
      processing.consentPurposeId !== null ? consentsFor(s, processing.consentPurposeId) : s.consents;
    const byConsent = pool.some((c) => c.valid && c.purpose.channels.includes(channel));
    const byRelationship = person.channelPermissionsByRelationship.includes(channel);
    if (!byConsent && !byRelationship) s.reasons.add('NO_CHANNEL_PERMISSION');
  }
}
