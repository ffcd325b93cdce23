/**
 * ProcessingFacts (C4) from a registered activity, its destination and the
 * audience's criteria. Pure mapping: the activity row says what the processing is; the
 * destination, when any, is a registered recipient with its role and agreements. What the register does
 * not record (an ad brief's minimum age, platform targeting, AI disclosure, first contact) comes from
 * `opts`, with the safe defaults below.
 */
import type { GateCriterion, GateRecipient, ProcessingFacts } from '../../domain/gate/types.js';
import type { ActivityRow } from '../../storage/activities-repo.js';
import type { DestinationRow } from '../../storage/destinations-repo.js';

export interface ProcessingOptions {
  /** When the processing started; null when it has not started yet (default). */
  startedAt?: string | null;
  /** For a political ad: the ad brief's minimum age. */
  adBriefMinAge?: number | null;
  /** Platform targeting beyond the list. */
  platformTargetingCriteria?: string[];
  /** The data are used for a first contact with persons whose data were not obtained from them. */
  firstContact?: boolean;
  /** The topic the person published, when the processing relies on 9(2)(e). */
  publishedTopic?: string | null;
  /** For AI_INTERACTION: whether the system discloses that it is AI, and a prohibited practice. */
  ai?: ProcessingFacts['ai'];
}

export function recipientOf(dest: DestinationRow): GateRecipient {
  return {
    name: dest.name,
    role: dest.role,
    registered: true,
    vetted: dest.vetted,
    processorAgreementComplete: dest.processorAgreementComplete,
    art26Arrangement: dest.art26Arrangement,
    platform: dest.platform,
    outsideEea: dest.outsideEea,
    transferMechanism: dest.transferMechanism,
  };
}

export function processingFactsFor(
  activity: ActivityRow,
  destination: DestinationRow | null,
  criteria: GateCriterion[],
  opts: ProcessingOptions = {},
): ProcessingFacts {
  const recipient = destination ? recipientOf(destination) : null;
  return {
    kind: activity.kind,
    activityId: activity.id,
    purpose: activity.purpose,
    consentPurposeId: activity.consentPurposeId,
    directMarketing: activity.directMarketing,
    politicalData: activity.politicalData,
    channel: activity.channel,
    recipient,
    criteria,
    adClass: activity.adClass,
    adBriefMinAge: opts.adBriefMinAge ?? null,
    platformTargetingCriteria: opts.platformTargetingCriteria ?? [],
    startedAt: opts.startedAt ?? null,
    publishedTopic: opts.publishedTopic ?? null,
    // A disclosure to anyone but a processor, or a first contact, triggers art 14 duties.
    firstContactOrDisclosure:
      (opts.firstContact ?? false) || (recipient !== null && recipient.role !== 'PROCESSOR'),
    tracking: activity.kind === 'TRACKING',
    ai:
      opts.ai ??
      (activity.kind === 'AI_INTERACTION'
        ? { interactsWithPeople: true, disclosesAi: false, prohibitedPractice: false }
        : null),
    // The activity is in the register with its own purpose; a new purpose is a new activity.
    purposeCompatible: true,
  };
}
