/**
 * Does one person match the criteria? The SQL prefilter (FACTS' streamGateSubjects) narrows by scope,
 * branch, postcode, language, tags and "holds a consent record"; this decides what SQL cannot see through
 * the encryption: membership status and dates, event dates, and whether the consent for each purpose is
 * valid now (assessConsent: not withdrawn, not lapsed, confirmed, demonstrable, R-06, R-13…R-20). The
 * other criteria are checked again here, so the function is complete on its own.
 */
import { assessConsent } from '../consent/assess.js';
import type { ConsentFacts, ConsentPurpose } from '../consent/types.js';
import type { GateConsent, GateConsentPurpose } from '../gate/types.js';
import type { AudienceCriteria } from './types.js';

/** The part of a GateSubject (src/usecases/gate/subjects.ts) the match reads. */
export interface MatchSubject {
  branchId: string | null;
  postcodeArea: number | null;
  language: string;
  membership: { status: 'active' | 'suspended' | 'ended'; since: string; until: string | null } | null;
  tagIds: readonly string[];
  eventDates: readonly string[];
  facts: { consents: readonly GateConsent[] };
}

export interface MatchContext {
  now: Date;
  partyControllerName: string;
  consentPurposes: readonly GateConsentPurpose[];
}

const day = (iso: string) => iso.slice(0, 10);
const within = (d: string, from?: string, to?: string) =>
  (from === undefined || day(d) >= from) && (to === undefined || day(d) <= to);

function toConsentFacts(c: GateConsent): ConsentFacts {
  return {
    id: '',
    purposeId: c.purposeId,
    textVersionId: c.textRecorded ? 'recorded' : null,
    controllerNames: c.controllerNames,
    channel: c.channel,
    givenAt: c.givenAt === null ? null : new Date(c.givenAt),
    explicit: c.explicit,
    captureDefects: c.captureDefects,
    purposesInAction: c.purposesInAction,
    confirmedAt: c.confirmedAt === null ? null : new Date(c.confirmedAt),
    hasScan: false,
    ageAtConsent: c.ageAtConsent,
    guardianConfirmedAt: c.guardianConfirmedAt === null ? null : new Date(c.guardianConfirmedAt),
    withdrawnAt: c.withdrawnAt === null ? null : new Date(c.withdrawnAt),
  };
}

/** A valid consent for the purpose is held now (R-06, R-13…R-20). */
export function holdsValidConsent(
  consents: readonly GateConsent[],
  purposeId: string,
  ctx: MatchContext,
): boolean {
  const p = ctx.consentPurposes.find((x) => x.id === purposeId);
  if (!p) return false;
  const purpose: ConsentPurpose = {
    id: p.id,
    name: p.name,
    description: '',
    political: p.political,
    channels: p.channels,
    scopeUntil: p.scopeUntil,
    refreshAfterMonths: p.refreshAfterMonths,
    recipients: p.recipients,
  };
  return consents.some(
    (c) =>
      c.purposeId === purposeId &&
      assessConsent(toConsentFacts(c), purpose, { partyControllerId: ctx.partyControllerName, now: ctx.now })
        .status === 'valid',
  );
}

export function matchesCriteria(c: AudienceCriteria, s: MatchSubject, ctx: MatchContext): boolean {
  if (c.branchIds.length > 0 && (s.branchId === null || !c.branchIds.includes(s.branchId))) return false;
  if (
    c.postcodeRanges.length > 0 &&
    (s.postcodeArea === null ||
      !c.postcodeRanges.some((r) => s.postcodeArea! >= r.from && s.postcodeArea! <= r.to))
  ) {
    return false;
  }
  if (c.languages.length > 0 && !c.languages.includes(s.language)) return false;
  if (c.tagIdsAll.some((t) => !s.tagIds.includes(t))) return false;
  if (c.tagIdsNone.some((t) => s.tagIds.includes(t))) return false;
  const m = c.membership;
  if (m !== null) {
    const status = s.membership?.status ?? 'none';
    if (!m.statuses.includes(status)) return false;
    if (s.membership !== null) {
      if (!within(s.membership.since, m.sinceFrom, m.sinceTo)) return false;
      if (m.untilFrom !== undefined || m.untilTo !== undefined) {
        if (s.membership.until === null || !within(s.membership.until, m.untilFrom, m.untilTo)) return false;
      }
    }
  }
  if (c.events !== null) {
    const { attendedFrom, attendedTo } = c.events;
    if (!s.eventDates.some((d) => within(d, attendedFrom, attendedTo))) return false;
  }
  return c.consentPurposeIds.every((p) => holdsValidConsent(s.facts.consents, p, ctx));
}
