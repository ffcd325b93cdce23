/**
 * The combination of criteria is itself classified. A segment that uses
 * membership, a political tag or a `high` proxy (party event attended), a consent purpose that reveals a
 * political opinion, or three or more `low` proxies (PRODUCT CHOICE, configurable, never below 2) reveals
 * political opinion: it is `political`, and the gate then needs an art 9 exception for every person in it.
 * For an activity registered as a political ad (TTPA art 18(1)(c)) any profiling criterion is refused
 * outright; only a consented list used as provided may be attached. A member communication
 * (art 18(3)) to anything narrower than all members, all former members or all subscribers of one list is
 * reclassified as a political ad (R-79, protective default) unless the FG recorded an override.
 */
import type { AdClass, GateCriterion } from '../gate/types.js';
import type { AudienceCriteria, CriteriaCatalogue, SegmentClass } from './types.js';

/** Why a segment is political; each names the criterion key (shown in the builder). */
export type PoliticalWhy =
  | 'membership'
  | 'political_tag'
  | 'high_proxy_tag'
  | 'political_consent'
  | 'event_attendance'
  | 'low_proxies';

export interface ActivityForClassification {
  kind: string;
  adClass: AdClass;
  /** The activity is registered as processing political (art 9) data. */
  politicalData: boolean;
  memberCommunicationOverride: boolean;
}

export interface ClassifyOptions {
  /** R-08 PRODUCT CHOICE: this many `low` proxies make a segment political; clamped to at least 2. */
  lowProxyThreshold?: number;
  /** The audience is limited to a part of the party (branch, area or candidate scope of its owner). */
  ownerScopeNarrow?: boolean;
}

export interface SegmentClassification {
  dataClass: SegmentClass;
  /** For ProcessingFacts.criteria. */
  criteria: GateCriterion[];
  /** Why it is political (empty when ordinary). */
  why: { key: string; why: PoliticalWhy }[];
  /** Warnings shown with the audience: SPECIAL_CATEGORY_INFERENCE, AUDIENCE_SINGLES_OUT. */
  flags: ('SPECIAL_CATEGORY_INFERENCE' | 'AUDIENCE_SINGLES_OUT')[];
  /** Refusals: the audience cannot be bound to this activity (TTPA_SPECIAL_CATEGORY_PROFILING, R-24, R-77). */
  refusals: 'TTPA_SPECIAL_CATEGORY_PROFILING'[];
  /** The ad class the gate must apply: the activity's, or POLITICAL_AD after the R-79 reclassification. */
  adClass: AdClass;
}

export const DEFAULT_LOW_PROXY_THRESHOLD = 3;
export const MIN_LOW_PROXY_THRESHOLD = 2;

const ordinary = (key: string): GateCriterion => ({
  key,
  dataClass: 'ordinary',
  proxyRisk: 'none',
  inferred: false,
});

/** The criteria as the gate sees them (R-08: each with its class and proxy risk). */
export function gateCriteria(c: AudienceCriteria, catalogue: CriteriaCatalogue): GateCriterion[] {
  const out: GateCriterion[] = [];
  if (c.branchIds.length > 0) out.push(ordinary('branch'));
  if (c.postcodeRanges.length > 0) out.push(ordinary('postcode'));
  if (c.languages.length > 0) out.push(ordinary('language'));
  // membership itself is political data (its fields are locked political, high proxy). The key tells
  // the gate whether it is the whole list: all members, all former members, or a narrower selection.
  if (c.membership !== null)
    out.push({
      key: membershipKey(c.membership),
      dataClass: 'political',
      proxyRisk: 'high',
      inferred: false,
    });
  for (const [prefix, ids] of [
    ['tag', c.tagIdsAll],
    ['not-tag', c.tagIdsNone],
  ] as const) {
    for (const id of ids) {
      const t = catalogue.tags.get(id);
      out.push({
        key: `${prefix}:${t?.key ?? id}`,
        // an unknown tag is treated as the worst case
        dataClass: t?.dataClass ?? 'political',
        proxyRisk: t?.proxyRisk ?? 'high',
        inferred: false,
      });
    }
  }
  for (const id of c.consentPurposeIds) {
    const p = catalogue.purposes.get(id);
    const political = p ? p.political || p.politicalAdvertising : true;
    out.push({
      key: `consent:${id}`,
      dataClass: political ? 'political' : 'ordinary',
      proxyRisk: 'none',
      inferred: false,
    });
  }
  // "party event attended" is a high proxy.
  if (c.events !== null)
    out.push({ key: 'event_attendance', dataClass: 'political', proxyRisk: 'high', inferred: false });
  return out;
}

/** `membership:active` (all members), `membership:former` (all former members) or `membership:selection`. */
export function membershipKey(m: NonNullable<AudienceCriteria['membership']>): string {
  const noDates = [m.sinceFrom, m.sinceTo, m.untilFrom, m.untilTo].every((d) => d === undefined);
  if (noDates && m.statuses.length === 1 && m.statuses[0] === 'active') return 'membership:active';
  if (noDates && m.statuses.length === 1 && m.statuses[0] === 'ended') return 'membership:former';
  return 'membership:selection';
}

function whyOf(k: GateCriterion): PoliticalWhy | null {
  if (k.key.startsWith('membership')) return 'membership';
  if (k.key === 'event_attendance') return 'event_attendance';
  if (k.key.startsWith('consent:')) return k.dataClass === 'political' ? 'political_consent' : null;
  if (k.proxyRisk === 'high') return 'high_proxy_tag';
  if (k.dataClass === 'political') return 'political_tag';
  return null;
}

/**
 * the audience is exactly "all members", "all former members" or "all subscribers of one list"
 * (the whole party, no further filter).
 */
export function isWholeList(c: AudienceCriteria, ownerScopeNarrow: boolean): boolean {
  if (ownerScopeNarrow) return false;
  const others =
    c.branchIds.length +
    c.postcodeRanges.length +
    c.tagIdsAll.length +
    c.tagIdsNone.length +
    c.languages.length;
  if (others > 0 || c.events !== null || c.everyone) return false;
  const m = c.membership;
  const noDates =
    m !== null && [m.sinceFrom, m.sinceTo, m.untilFrom, m.untilTo].every((d) => d === undefined);
  const allMembers = m !== null && noDates && m.statuses.length === 1 && m.statuses[0] === 'active';
  const allFormer = m !== null && noDates && m.statuses.length === 1 && m.statuses[0] === 'ended';
  if ((allMembers || allFormer) && c.consentPurposeIds.length === 0) return true;
  return m === null && c.consentPurposeIds.length === 1;
}

export function classifySegment(
  c: AudienceCriteria,
  catalogue: CriteriaCatalogue,
  activity: ActivityForClassification,
  opts: ClassifyOptions = {},
): SegmentClassification {
  const criteria = gateCriteria(c, catalogue);
  const why: SegmentClassification['why'] = [];
  for (const k of criteria) {
    const w = whyOf(k);
    if (w) why.push({ key: k.key, why: w });
  }
  const threshold = Math.max(MIN_LOW_PROXY_THRESHOLD, opts.lowProxyThreshold ?? DEFAULT_LOW_PROXY_THRESHOLD);
  const lows = criteria.filter((k) => k.proxyRisk === 'low');
  if (lows.length >= threshold) for (const k of lows) why.push({ key: k.key, why: 'low_proxies' });
  const dataClass: SegmentClass = criteria.some((k) => k.dataClass === 'special')
    ? 'special'
    : why.length > 0
      ? 'political'
      : 'ordinary';

  const flags: SegmentClassification['flags'] = [];
  const refusals: SegmentClassification['refusals'] = [];
  let adClass = activity.adClass;
  // member communication only to a whole list, unless the FG overrode the protective default.
  if (
    adClass === 'MEMBER_COMMUNICATION_18_3' &&
    !activity.memberCommunicationOverride &&
    !isWholeList(c, opts.ownerScopeNarrow ?? false)
  ) {
    adClass = 'POLITICAL_AD';
    flags.push('AUDIENCE_SINGLES_OUT');
  }
  // the activity is not registered as processing political data but the segment reveals it.
  if (dataClass !== 'ordinary' && !activity.politicalData) flags.push('SPECIAL_CATEGORY_INFERENCE');
  // a political ad may not be targeted with special-category profiling; only a consented list
  // used as provided (consent criteria alone, with ordinary filters) may be attached.
  if (activity.adClass === 'POLITICAL_AD') {
    const profiling = why.some((w) => w.why !== 'political_consent') || dataClass === 'special';
    if (profiling) refusals.push('TTPA_SPECIAL_CATEGORY_PROFILING');
  }
  return { dataClass, criteria, why, flags, refusals, adClass };
}
