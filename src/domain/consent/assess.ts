/**
 * Is this consent record valid for this purpose, now? (LEGAL.md …R-20.) Reports
 * every applicable reason (Appendix C.0), not the first one found; the status follows by precedence.
 */
import { addMonthsNl, amsterdamOffsetMinutes } from '../calendar.js';
import type { Code } from '../codes.js';
import {
  CONSENT_AGE,
  type ConsentAssessment,
  type ConsentFacts,
  type ConsentPurpose,
  DEFAULT_REFRESH_AFTER_MONTHS,
} from './types.js';

export interface AssessContext {
  /** The party's own controller identity, as named in consent requests. */
  partyControllerId: string;
  now: Date;
  /** When the processing that relies on the consent started; null/absent when not known yet. */
  processingStartedAt?: Date | null;
}

/** Controller names compare without case, accents, punctuation or spacing differences. */
export function normalizeControllerName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `names` names `controller` as one of its entries (not merely inside "X and partners"). */
export function namesController(names: readonly string[], controller: string): boolean {
  const want = normalizeControllerName(controller);
  return want !== '' && names.some((n) => normalizeControllerName(n) === want);
}

/** The first instant of the day after the Dutch calendar date `isoDate` ("YYYY-MM-DD"), Europe/Amsterdam. */
export function startOfDayAfterNl(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const localMidnight = Date.UTC(y, m - 1, d + 1, 0, 0, 0);
  const guess = new Date(localMidnight - 60 * 60_000);
  return new Date(localMidnight - amsterdamOffsetMinutes(guess) * 60_000);
}

/** When a consent given at `givenAt` for `purpose` lapses: scope end or refresh interval, earliest. */
export function lapsesAt(
  purpose: Pick<ConsentPurpose, 'scopeUntil' | 'refreshAfterMonths'>,
  givenAt: Date,
): Date {
  const refresh = addMonthsNl(givenAt, purpose.refreshAfterMonths ?? DEFAULT_REFRESH_AFTER_MONTHS);
  if (purpose.scopeUntil === null) return refresh;
  const scopeEnd = startOfDayAfterNl(purpose.scopeUntil);
  return scopeEnd.getTime() < refresh.getTime() ? scopeEnd : refresh;
}

/**
 * The age at consent from a birth year, counted conservatively: the youngest the person can have
 * been that day on the Dutch calendar (born on 31 December). Null when the birth year is unknown.
 */
export function ageAtConsentFromBirthYear(birthYear: number | null, givenAt: Date): number | null {
  if (birthYear === null) return null;
  const local = new Date(givenAt.getTime() + amsterdamOffsetMinutes(givenAt) * 60_000);
  const age = local.getUTCFullYear() - birthYear - 1;
  return age < 0 ? 0 : age;
}

/** Whether the person needs a parent or guardian to consent (R-19; unknown age counts as 16 or over). */
export function needsGuardian(ageAtConsent: number | null): boolean {
  return ageAtConsent !== null && ageAtConsent < CONSENT_AGE;
}

export function assessConsent(
  record: ConsentFacts,
  purpose: ConsentPurpose,
  ctx: AssessContext,
): ConsentAssessment {
  const defects: Code[] = [];
  // demonstrable means a record with text version, time and channel.
  if (record.textVersionId === null || record.givenAt === null || record.channel === null) {
    defects.push('CONSENT_NOT_DEMONSTRABLE');
  }
  // captured with a pre-ticked box, bundled, or made a condition: no consent.
  if (record.captureDefects.includes('PRE_TICKED')) defects.push('CONSENT_PRETICKED');
  if (record.captureDefects.includes('BUNDLED_WITH_OTHER_PURPOSES') || record.purposesInAction > 1) {
    defects.push('CONSENT_BUNDLED');
  }
  if (record.captureDefects.includes('CONDITION_OF_SERVICE')) defects.push('CONSENT_CONDITIONAL');
  // for this party, for this purpose, and naming every recipient that relies on it.
  if (
    record.purposeId !== purpose.id ||
    !namesController(record.controllerNames, ctx.partyControllerId) ||
    purpose.recipients.some((r) => !namesController(record.controllerNames, r))
  ) {
    defects.push('CONSENT_NOT_SPECIFIC');
  }
  // a purpose that reveals political opinion needs explicit consent.
  if (purpose.political && !record.explicit) defects.push('NO_EXPLICIT_CONSENT');
  // under 16 the guardian consents.
  if (needsGuardian(record.ageAtConsent) && record.guardianConfirmedAt === null) {
    defects.push('MINOR_CONSENT_INVALID');
  }
  // given before the processing that relies on it.
  if (
    record.givenAt !== null &&
    ctx.processingStartedAt != null &&
    record.givenAt.getTime() > ctx.processingStartedAt.getTime()
  ) {
    defects.push('CONSENT_NOT_PRIOR');
  }

  const withdrawn = record.withdrawnAt !== null;
  const lapsed = record.givenAt !== null && ctx.now.getTime() >= lapsesAt(purpose, record.givenAt).getTime();
  // R-17 (PRODUCT CHOICE): the platform's own web forms count only after the double opt-in click.
  const pending = record.channel === 'WEB_FORM' && record.confirmedAt === null;

  const reasons: Code[] = [...defects];
  if (withdrawn) reasons.push('CONSENT_WITHDRAWN');
  if (lapsed) reasons.push('CONSENT_LAPSED');
  if (pending) reasons.push('CONSENT_PENDING_CONFIRMATION');

  const status: ConsentAssessment['status'] = withdrawn
    ? 'withdrawn'
    : defects.length > 0
      ? 'invalid'
      : lapsed
        ? 'lapsed'
        : pending
          ? 'pending_confirmation'
          : 'valid';
  const unconfirmed =
    record.channel !== null &&
    record.channel !== 'WEB_FORM' &&
    record.confirmedAt === null &&
    !record.hasScan;
  return { status, reasons, unconfirmed };
}
