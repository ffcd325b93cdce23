/**
 * The evidence behind the 9(2)(d) regular-contact ground and the 9(2)(e) manifestly-public ground
 * (R-07, CJEU C-252/21, C-446/21), as pure checks. A record that fails them gives no ground and is refused
 * when it is entered, with every problem named.
 */

import { ACTIVE_ACTS, type RegularContactEvidence, type RegularContactKind } from './types.js';
import { dutchDate } from './validate-contact.js';

/** Two contacts count as regular only when they are at least this many days apart (PRODUCT CHOICE). */
export const REGULAR_CONTACT_MIN_SPREAD_DAYS = 28;
/** Kinds that are regular by nature once they happened more than once (a recurring donor, >1 shift). */
const RECURRING_KINDS: readonly RegularContactKind[] = ['RECURRING_DONOR', 'ACTIVE_VOLUNTEER'];
/** Kinds whose link to the party's purposes must be described (correspondence, other). */
const DESCRIBE_KINDS: readonly RegularContactKind[] = ['CORRESPONDENCE', 'OTHER'];
/** A description that explains the link to the party's purposes is at least this long. */
export const PURPOSE_DESCRIPTION_MIN = 20;

export interface RegularContactCheck {
  sufficient: boolean;
  /** Stable problem names: 'retracted', 'single_occurrence', 'not_spread', 'future_occurrence',
   * 'invalid_occurrence', 'purpose_not_described'. Empty when sufficient. */
  problems: string[];
}

const DAY = 86_400_000;

/**
 * evidence makes contact *regular* (two or more occurrences spread over time — or, for a
 * recurring donor or an active volunteer, more than one occurrence on different days) and
 * *purpose-related* (the kind is contact with the party; correspondence and "other" must say how).
 * A single petition signature or a single event registration never suffices.
 */
export function regularContactSufficient(
  evidence: Pick<RegularContactEvidence, 'kind' | 'occurrences' | 'description' | 'retractedAt'>,
  now: Date,
): RegularContactCheck {
  const problems: string[] = [];
  if (evidence.retractedAt) problems.push('retracted');
  const today = dutchDate(now);
  const valid = evidence.occurrences.filter(
    (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)),
  );
  if (valid.length !== evidence.occurrences.length) problems.push('invalid_occurrence');
  if (valid.some((d) => d > today)) problems.push('future_occurrence');
  const days = [...new Set(valid.filter((d) => d <= today))].sort();
  if (days.length < 2) problems.push('single_occurrence');
  else if (!RECURRING_KINDS.includes(evidence.kind)) {
    const spread = (Date.parse(days[days.length - 1]!) - Date.parse(days[0]!)) / DAY;
    if (spread < REGULAR_CONTACT_MIN_SPREAD_DAYS) problems.push('not_spread');
  }
  if (
    DESCRIBE_KINDS.includes(evidence.kind) &&
    evidence.description.trim().length < PURPOSE_DESCRIPTION_MIN
  ) {
    problems.push('purpose_not_described');
  }
  return { sufficient: problems.length === 0, problems };
}

/** What a client sends as manifestly-public evidence; `activeAct` is any string (likes are refused). */
export interface PublicEvidenceInput {
  url: string | null;
  quote: string | null;
  capturedAt: Date | null;
  activeAct: string;
  audienceUnrestricted: boolean;
  reviewedBy: string | null;
}

/**
 * 9(2)(e) holds only for the person's own explicit, active act that made the opinion public to an
 * unlimited audience: a like, follow, share, group membership or site visit never does (CJEU C-252/21),
 * nor does a restricted or default audience. The evidence names the URL, a quote or snapshot, when it
 * was captured, and the staff member who reviewed it. Returns every problem; empty when it qualifies.
 */
export function checkPublicEvidence(
  e: PublicEvidenceInput,
  now: Date,
): { code: 'NOT_MANIFESTLY_PUBLIC' | null; problems: string[] } {
  const problems: string[] = [];
  if (!(ACTIVE_ACTS as readonly string[]).includes(e.activeAct)) problems.push(`activeAct:${e.activeAct}`);
  if (e.audienceUnrestricted !== true) problems.push('audience_restricted');
  if (!e.url || !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(e.url.trim())) problems.push('url');
  if (!e.quote || e.quote.trim().length === 0) problems.push('quote');
  if (!e.capturedAt || Number.isNaN(e.capturedAt.getTime())) problems.push('capturedAt');
  else if (e.capturedAt.getTime() > now.getTime()) problems.push('capturedAt_future');
  if (!e.reviewedBy) problems.push('reviewer');
  return { code: problems.length ? 'NOT_MANIFESTLY_PUBLIC' : null, problems };
}
