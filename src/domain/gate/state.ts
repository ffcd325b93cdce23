/**
 * The shared working state of one gate decision: the facts, the reference instant, every consent
 * assessed once with `assessConsent` (so consent validity is decided in one place), derived facts the
 * rule modules share, and the sets they add reasons, obligations and product refusals to.
 */
import type { DecisionReason, GateProductRefusal } from '../code-sets/legal.js';
import { DECISION_REASONS } from '../code-sets/legal.js';
import type { Obligation } from '../code-sets/obligations.js';
import { assessConsent, lapsesAt, namesController } from '../consent/assess.js';
import type { ConsentAssessment, ConsentPurpose } from '../consent/types.js';
import type {
  GateConsent,
  GateConsentPurpose,
  GateContext,
  GateFacts,
  GateRecipient,
  PersonFacts,
  ProcessingFacts,
} from './types.js';

const C1 = new Set<string>(DECISION_REASONS);

export interface AssessedConsent {
  consent: GateConsent;
  purpose: GateConsentPurpose;
  assessment: ConsentAssessment;
  /** The assessment's reasons that are Appendix C.1 decision reasons. */
  reasons: DecisionReason[];
  /** Valid now (not pending confirmation, withdrawn, lapsed or defective). */
  valid: boolean;
  /** Not yet a consent at the reference date: awaiting double opt-in, or given after it. */
  notYet: boolean;
}

export interface GateState {
  facts: GateFacts;
  ref: Date;
  consents: AssessedConsent[];
  /** A member, former member or regular contact (the 9(2)(d) relations, R-04). */
  relationD: boolean;
  /** The recipient the data go to, as the gate treats it (a platform in a targeting role is a joint controller). */
  recipient: GateRecipient | null;
  /** The effective role: null inside the party (no recipient). */
  role: GateRecipient['role'] | null;
  /** Data go to a controller or joint controller (not a processor): a disclosure. */
  disclosure: boolean;
  /** Profiling: a PROFILING processing or any scoring/inferred criterion. */
  profiling: boolean;
  specialCategory: boolean;
  reasons: Set<DecisionReason>;
  obligations: Set<Obligation>;
  productRefusals: Set<GateProductRefusal>;
}

function toConsentPurpose(p: GateConsentPurpose): ConsentPurpose {
  return {
    id: p.id,
    name: p.name,
    description: '',
    political: p.political,
    channels: p.channels,
    scopeUntil: p.scopeUntil,
    refreshAfterMonths: p.refreshAfterMonths,
    recipients: p.recipients,
  };
}

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** The person-independent part of an assessed consent (what `assessConsent` says, and when). */
type ConsentVerdict = Omit<AssessedConsent, 'consent' | 'purpose'>;

/**
 * Assesses a person's consents for one processing and context, prepared once: the purposes, the
 * reference instant and the processing start are parsed once. With `memo`, verdicts are shared between
 * consents that `assessConsent` cannot tell apart: it reads the record's times only as "absent", "after
 * the processing started", "lapsed at the reference date" (`lapsesAt`) and "after the reference date",
 * so the key holds those classes instead of the times, and every other field it reads as it is
 * (src/domain/gate/prepared.test.ts proves memoised and direct verdicts equal on generated persons).
 */
export function prepareConsents(
  processing: ProcessingFacts,
  context: GateContext,
  ref: Date,
  memo: boolean,
): (person: PersonFacts) => AssessedConsent[] {
  const purposes = new Map<string, { gate: GateConsentPurpose; consent: ConsentPurpose | null }>();
  // as `new Map(entries)`: the last purpose with an id wins
  for (const p of context.consentPurposes) purposes.set(p.id, { gate: p, consent: null });
  const refMs = ref.getTime();
  const startedAt = date(processing.startedAt);
  const startedMs = startedAt === null ? null : startedAt.getTime();
  const ctx = { partyControllerId: context.partyControllerName, now: ref, processingStartedAt: startedAt };
  const verdicts = new Map<string, ConsentVerdict>();

  const verdict = (c: GateConsent, i: number, purpose: ConsentPurpose): ConsentVerdict => {
    const givenMs = ms(c.givenAt);
    const withdrawnMs = ms(c.withdrawnAt);
    // a withdrawal after the reference date has not happened yet at that date
    const withdrawnNow = withdrawnMs !== null && withdrawnMs <= refMs;
    // A consent given after the reference date does not exist yet at that date.
    const givenLater = givenMs !== null && givenMs > refMs;
    let key: string | null = null;
    if (memo) {
      const lapsed = givenMs !== null && refMs >= lapsesAt(purpose, new Date(givenMs)).getTime();
      const afterStart = givenMs !== null && startedMs !== null && givenMs > startedMs;
      key = [
        c.purposeId,
        c.textRecorded,
        c.channel,
        givenMs === null,
        afterStart,
        lapsed,
        givenLater,
        c.explicit,
        c.captureDefects.join(','),
        c.purposesInAction,
        c.confirmedAt === null,
        c.ageAtConsent,
        c.guardianConfirmedAt === null,
        withdrawnNow,
        c.controllerNames.join('\u0001'),
      ].join('\u0002');
      const hit = verdicts.get(key);
      if (hit !== undefined) return hit;
    }
    const assessment = assessConsent(
      {
        id: `${c.purposeId}#${i}`,
        purposeId: c.purposeId,
        textVersionId: c.textRecorded ? 'recorded' : null,
        controllerNames: c.controllerNames,
        channel: c.channel,
        givenAt: givenMs === null ? null : new Date(givenMs),
        explicit: c.explicit,
        captureDefects: c.captureDefects,
        purposesInAction: c.purposesInAction,
        confirmedAt: date(c.confirmedAt),
        hasScan: false,
        ageAtConsent: c.ageAtConsent,
        guardianConfirmedAt: date(c.guardianConfirmedAt),
        withdrawnAt: withdrawnNow ? new Date(withdrawnMs) : null,
      },
      purpose,
      ctx,
    );
    const v: ConsentVerdict = {
      assessment,
      reasons: assessment.reasons.filter((r): r is DecisionReason => C1.has(r)),
      valid: assessment.status === 'valid' && !givenLater,
      notYet: givenLater || assessment.reasons.includes('CONSENT_PENDING_CONFIRMATION'),
    };
    if (key !== null) {
      if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
      verdicts.set(key, v);
    }
    return v;
  };

  return (person) => {
    const out: AssessedConsent[] = [];
    person.consents.forEach((c, i) => {
      const purpose = purposes.get(c.purposeId);
      if (purpose === undefined) return;
      purpose.consent ??= toConsentPurpose(purpose.gate);
      out.push({ consent: c, purpose: purpose.gate, ...verdict(c, i, purpose.consent) });
    });
    return out;
  };
}

/** Entries a memo keeps before it starts afresh (memory stays flat over a million persons). */
export const MEMO_LIMIT = 50_000;

/** Assesses every consent of the person whose purpose the context knows (others cover nothing). */
export function assessConsents(facts: GateFacts, ref: Date): AssessedConsent[] {
  return prepareConsents(facts.processing, facts.context, ref, false)(facts.person);
}

/** Whether a valid consent names `recipient`: the consent's controller names include it. */
export function namesRecipient(c: AssessedConsent, recipient: GateRecipient | null): boolean {
  return recipient !== null && namesController(c.consent.controllerNames, recipient.name);
}

/** Consents held for one purpose. */
export function consentsFor(s: GateState, purposeId: string | null): AssessedConsent[] {
  return purposeId === null ? [] : s.consents.filter((c) => c.consent.purposeId === purposeId);
}
