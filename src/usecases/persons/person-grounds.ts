/**
 * Load the records a person's art 9 grounds are derived from (memberships, evidence, consents assessed by
 * the consent rules) and derive them (R-01…R-07). Call inside the caller's transaction; the caller audits
 * the read of these political data.
 */
import {
  DEFAULT_FORMER_MEMBER_RETENTION_MONTHS,
  type DerivedGrounds,
  deriveGrounds,
} from '../../domain/persons/grounds.js';
import type { ConsentGroundFact } from '../../domain/persons/types.js';
import type { Queryable } from '../../storage/db.js';
import type { MembershipRecord } from '../../storage/memberships-repo.js';
import type { PublicEvidenceRecord, RegularContactRecord } from '../../storage/person-evidence-repo.js';
import { consentGroundFacts } from '../consent/consent-ground-facts.js';
import type { Deps } from '../deps.js';

export interface GroundRecords {
  memberships: MembershipRecord[];
  regularContact: RegularContactRecord[];
  publicEvidence: PublicEvidenceRecord[];
  consents: ConsentGroundFact[];
  derived: DerivedGrounds;
}

export type GroundDeps = Pick<Deps, 'persons'> & Parameters<typeof consentGroundFacts>[0];

/** R-50 default, until the retention settings exist (the FG confirms the period per party). */
export const FORMER_MEMBER_RETENTION_MONTHS = DEFAULT_FORMER_MEMBER_RETENTION_MONTHS;

export async function loadGrounds(
  d: GroundDeps,
  tx: Queryable,
  personId: string,
  now: Date,
): Promise<GroundRecords> {
  const ids = [personId];
  const [memberships, regular, pub, consents] = [
    await d.persons.memberships.forPersons(tx, ids),
    await d.persons.evidence.regularForPersons(tx, ids),
    await d.persons.evidence.publicForPersons(tx, ids),
    await consentGroundFacts(d, tx, ids, now),
  ];
  const records = {
    memberships: memberships.get(personId) ?? [],
    regularContact: regular.get(personId) ?? [],
    publicEvidence: pub.get(personId) ?? [],
    consents: consents.get(personId) ?? [],
  };
  return {
    ...records,
    derived: deriveGrounds(
      {
        memberships: records.memberships,
        regularContactEvidence: records.regularContact,
        publicEvidence: records.publicEvidence,
        consents: records.consents,
        formerMemberRetentionMonths: FORMER_MEMBER_RETENTION_MONTHS,
      },
      now,
    ),
  };
}
