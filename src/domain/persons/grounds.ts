/**
 * The art 9 grounds a person holds, derived from records and never typed in:
 * membership → 9(2)(d) member; an ended membership with an end date → 9(2)(d) former member until the
 * retention period ends; sufficient regular-contact evidence → 9(2)(d) regular contact; a valid
 * explicit consent → 9(2)(a); reviewed public evidence of an active act → 9(2)(e). The primary ground is
 * the first held in the order of Appendix C.0: 9(2)(d), 9(2)(a), 9(2)(e); without any it is NONE.
 */
import { addMonthsNl } from '../calendar.js';
import { checkPublicEvidence, regularContactSufficient } from './evidence.js';
import type {
  Art9Ground,
  ConsentGroundFact,
  DataClass,
  HeldGround,
  Membership,
  PublicEvidence,
  RegularContactEvidence,
  Relation,
} from './types.js';
import { dutchDate } from './validate-contact.js';

/** R-50 suggested default: former members are kept 2 years after leaving (the party's FG may change it). */
export const DEFAULT_FORMER_MEMBER_RETENTION_MONTHS = 24;

/** The order in which grounds are reported (Appendix C.0: 9(2)(d), 9(2)(a), 9(2)(e)). */
export const GROUND_ORDER: readonly Exclude<Art9Ground, 'NONE'>[] = [
  'MEMBER_9_2_D',
  'FORMER_MEMBER_9_2_D',
  'REGULAR_CONTACT_9_2_D',
  'EXPLICIT_CONSENT_9_2_A',
  'MANIFESTLY_PUBLIC_9_2_E',
];

/** Caution badges: the AP's 2023 letter names only members under 9(2)(d). */
export const CAUTIONS = {
  FORMER_MEMBER: {
    nl: 'De AP noemt in haar brief van 2023 alleen leden. Oud-leden vallen onder art. 9(2)(d) tot de bewaartermijn verloopt.',
    en: "The AP's 2023 letter only names members. Former members are covered by art 9(2)(d) until the retention period ends.",
  },
  REGULAR_CONTACT: {
    nl: 'De AP noemt in haar brief van 2023 alleen leden. Leg vast waarom dit contact als regelmatig contact telt.',
    en: "The AP's 2023 letter only names members. Record why this contact counts as a regular contact.",
  },
  MEMBERSHIP_END_MISSING: {
    nl: 'Een beëindigd lidmaatschap zonder einddatum geeft geen grondslag als oud-lid. Vul de einddatum in.',
    en: 'An ended membership without an end date gives no former-member ground. Fill in the end date.',
  },
  FORMER_MEMBER_EXPIRED: {
    nl: 'De bewaartermijn voor oud-leden is verstreken; deze persoon heeft geen grondslag als oud-lid meer.',
    en: 'The retention period for former members has passed; this person no longer holds the former-member ground.',
  },
} as const;
export type Caution = keyof typeof CAUTIONS;

export interface GroundFacts {
  memberships: readonly Membership[];
  regularContactEvidence: readonly RegularContactEvidence[];
  publicEvidence: readonly PublicEvidence[];
  consents: readonly ConsentGroundFact[];
  formerMemberRetentionMonths: number;
}

export interface DerivedGrounds {
  grounds: HeldGround[];
  primary: Art9Ground;
  relation: Relation;
  cautions: Caution[];
}

/** A date "YYYY-MM-DD" as the instant it starts in UTC (dates are compared as Dutch calendar days). */
const startOf = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A membership is current on `today` when it has started and its end date (if any) is not past; one
 * marked ended without an end date is not current. A notice to leave at a later date keeps it current
 * until that date.
 */
export function membershipCurrent(m: Membership, today: string): boolean {
  if (m.since > today) return false;
  return m.until === null ? m.status !== 'ended' : m.until >= today;
}

export function deriveGrounds(f: GroundFacts, now: Date): DerivedGrounds {
  const today = dutchDate(now);
  const grounds: HeldGround[] = [];
  const cautions: Caution[] = [];

  // member only while a membership is current (a suspended member is still a member).
  const current = f.memberships.filter((m) => membershipCurrent(m, today));
  for (const m of current) {
    grounds.push({
      ground: 'MEMBER_9_2_D',
      evidenceKind: 'membership',
      evidenceId: m.id,
      since: startOf(m.since),
      until: m.until ? startOf(m.until) : null,
    });
  }

  // R-04 + R-50: a former member needs an end date; the ground lapses when the retention period ends.
  let everEnded = false;
  if (current.length === 0) {
    const ended = f.memberships.filter((m) => m.since <= today && (m.status === 'ended' || m.until !== null));
    everEnded = ended.length > 0;
    const withEnd = ended.filter((m) => m.until !== null);
    if (ended.length > 0 && withEnd.length === 0) cautions.push('MEMBERSHIP_END_MISSING');
    const last = withEnd.sort((a, b) => (a.until! < b.until! ? 1 : a.until! > b.until! ? -1 : 0))[0];
    if (last) {
      const expires = addMonthsNl(startOf(last.until!), f.formerMemberRetentionMonths);
      if (now.getTime() < expires.getTime()) {
        grounds.push({
          ground: 'FORMER_MEMBER_9_2_D',
          evidenceKind: 'membership',
          evidenceId: last.id,
          since: startOf(last.until!),
          until: expires,
        });
        cautions.push('FORMER_MEMBER');
      } else {
        cautions.push('FORMER_MEMBER_EXPIRED');
      }
    }
  }

  // regular and purpose-related contact, proven by a stored evidence record.
  let regular = false;
  for (const e of f.regularContactEvidence) {
    if (!regularContactSufficient(e, now).sufficient) continue;
    regular = true;
    const days = [...new Set(e.occurrences)].sort();
    grounds.push({
      ground: 'REGULAR_CONTACT_9_2_D',
      evidenceKind: 'regular_contact',
      evidenceId: e.id,
      // Regular from the second contact on.
      since: startOf(days[1] ?? days[0]!),
      until: null,
    });
  }
  if (regular) cautions.push('REGULAR_CONTACT');

  // an explicit consent the consent rules assess as valid.
  for (const c of f.consents) {
    if (!c.explicit || c.status !== 'valid') continue;
    grounds.push({
      ground: 'EXPLICIT_CONSENT_9_2_A',
      evidenceKind: 'consent',
      evidenceId: c.consentId,
      since: c.givenAt,
      until: null,
    });
  }

  // reviewed evidence of the person's own active act to an unlimited audience.
  for (const p of f.publicEvidence) {
    if (p.retractedAt) continue;
    const check = checkPublicEvidence({ ...p, reviewedBy: p.reviewedBy }, now);
    if (check.code) continue;
    grounds.push({
      ground: 'MANIFESTLY_PUBLIC_9_2_E',
      evidenceKind: 'public_evidence',
      evidenceId: p.id,
      since: p.capturedAt,
      until: null,
    });
  }

  grounds.sort(
    (a, b) =>
      GROUND_ORDER.indexOf(a.ground) - GROUND_ORDER.indexOf(b.ground) ||
      a.since.getTime() - b.since.getTime(),
  );
  const relation: Relation =
    current.length > 0 ? 'member' : everEnded ? 'former_member' : regular ? 'regular_contact' : 'non_member';
  return { grounds, primary: grounds[0]?.ground ?? 'NONE', relation, cautions };
}

/**
 * a person without an art 9 exception holds no political data; writing political data to them is
 * refused with NO_EXPLICIT_CONSENT. R-07 (CJEU C-446/21): when 9(2)(e) is the only ground, political data
 * may be recorded only as published, so the write must be linked to a held public-evidence record.
 * Ordinary data are never refused here. Returns every applicable reason; empty when allowed.
 */
export function checkPoliticalWrite(
  held: Pick<DerivedGrounds, 'grounds' | 'primary'>,
  dataClass: DataClass,
  basedOnPublicEvidenceId: string | null = null,
): ('NO_EXPLICIT_CONSENT' | 'PUBLIC_EVIDENCE_REQUIRED')[] {
  if (dataClass !== 'political') return [];
  if (held.primary === 'NONE') return ['NO_EXPLICIT_CONSENT'];
  if (held.primary === 'MANIFESTLY_PUBLIC_9_2_E') {
    const linked = held.grounds.some(
      (g) => g.ground === 'MANIFESTLY_PUBLIC_9_2_E' && g.evidenceId === basedOnPublicEvidenceId,
    );
    if (!linked) return ['PUBLIC_EVIDENCE_REQUIRED'];
  }
  return [];
}

/** Jurisdictions and the art 9 bases a party may rely on there. */
export const JURISDICTION_BASES = {
  NL: [...GROUND_ORDER],
} as const satisfies Record<string, readonly string[]>;
export type Jurisdiction = keyof typeof JURISDICTION_BASES;

/**
 * the Netherlands has no national law under art 9(2)(g) for parties, so
 * SUBSTANTIAL_PUBLIC_INTEREST_9_2_G (or any basis not listed) is not available there.
 */
export function checkBasisForJurisdiction(
  jurisdiction: Jurisdiction,
  basis: string,
): 'BASIS_NOT_AVAILABLE_IN_JURISDICTION' | null {
  return (JURISDICTION_BASES[jurisdiction] as readonly string[]).includes(basis)
    ? null
    : 'BASIS_NOT_AVAILABLE_IN_JURISDICTION';
}
