/**
 * The person facts of the legal gate (C4) from the register, in batches (src/storage/gate-facts-repo.ts;
 * an evaluation streams them through cursors, subjects.ts), then the ciphertexts the gate needs are
 * decrypted here: memberships, the consent records of the purposes that matter, evidence, the birth
 * date only when the processing looks at age; the e-mail address only when a caller reads
 * `subject.email`. The caller runs inside its transaction and audits the read (political data, R-02).
 *
 * Choices (documented in docs/adr/0010-gate-evaluation-performance.md):
 * - relation: MEMBER / FORMER_MEMBER (within the retention period) / REGULAR_CONTACT as `deriveGrounds`
 *   grants the 9(2)(d) grounds; otherwise NONE.
 * - minorSignal: age band '<16' or '16-17', or a held tag whose key starts with `jongeren`, `jong-` or
 *   `youth` (the youth wing, R-78 PRODUCT CHOICE).
 * - erased: an ERASURE_REQUEST suppression entry matches the person's keys.
 * - suppressed: the reasons of the entries matching the person's e-mail or phone keys, which the persons
 *   repository stores as the suppression list hashes them (`persons.suppress_keys`, migration 011; rows
 *   from before it are hashed here); CONSENT_WITHDRAWN only for the purposes that matter
 *   (`purposeIds`, when given), since an entry blocks its own purpose only.
 * - channelPermissionsByRelationship: for current members, the channels the party recorded that its
 *   membership form offered an opt-out for (party_settings.member_channels, migration 012; R-70
 *   PRODUCT CHOICE); none for anyone else, who needs a consent granting the channel.
 * - relation MEMBER straight from a current membership (`membershipCurrent`, the ground `deriveGrounds`
 *   grants first); `deriveGrounds` only for the others.
 */
import type { ConsentChannel, PermissionChannel } from '../../domain/consent/types.js';
import type {
  GateConsent,
  GateObjection,
  GatePublicEvidence,
  GateRelation,
  PersonFacts,
} from '../../domain/gate/types.js';
import { deriveGrounds, membershipCurrent } from '../../domain/persons/grounds.js';
import type {
  AgeBand,
  Membership,
  RegularContactEvidence,
  RegularContactKind,
  SourceKind,
} from '../../domain/persons/types.js';
import { dutchDate } from '../../domain/persons/validate-contact.js';
import type { SuppressionEntry, SuppressionReason } from '../../domain/suppression.js';
import type { ConsentWhat } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';
import {
  type GateFactsRow,
  type GatePersonRow,
  gateFactsRepo,
  type PersonColumns,
  type SparseIds,
} from '../../storage/gate-facts-repo.js';
import { partySettingsRepo } from '../../storage/party-settings-repo.js';
import type { SuppressionRepo } from '../../storage/suppression-repo.js';
import type { Deps } from '../deps.js';
import { FORMER_MEMBER_RETENTION_MONTHS } from '../persons/person-grounds.js';

export interface GateSubject {
  personId: string;
  branchId: string | null;
  postcodeArea: number | null;
  language: string;
  candidateIds: string[];
  /** The latest membership (by start date), or null. */
  membership: { status: 'active' | 'suspended' | 'ended'; since: string; until: string | null } | null;
  /** field_definitions ids of kind tag held, not removed. */
  tagIds: string[];
  /** EVENT_ATTENDANCE occurrences (not retracted), sorted. */
  eventDates: string[];
  email: string | null;
  facts: PersonFacts;
}

export type FactsDeps = Pick<Deps, 'keyring' | 'suppression'>;

export interface LoadOptions {
  /**
   * The consent purposes that matter for this evaluation (the processing's and the context's): only
   * their consent records are read and decrypted, and CONSENT_WITHDRAWN suppression counts only for
   * them. Omitted: every record.
   */
  purposeIds?: readonly string[];
  /**
   * Read and decrypt the birth date (default true). Only processings that look at age need it (R-78:
   * online political ads; `readsAge` in src/domain/gate/ttpa.ts); without it `facts.birthDate` is null.
   */
  birthDate?: boolean;
}

const YOUTH_TAG = /^(jongeren|jong-|youth)/;
const DESCRIBE: readonly RegularContactKind[] = ['CORRESPONDENCE', 'OTHER'];
/** Up to this many suppression entries are held in memory per evaluation; more are matched per batch. */
const SUPPRESSION_IN_MEMORY = 200_000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Per-evaluation lookups that do not depend on the person. */
export interface FactsSession {
  tagKeys: Map<string, string>;
  suppressionKinds: Set<string>;
  purposeBidx: string[] | null;
  purposeIds: Set<string> | null;
  columns: PersonColumns;
  /** Persons with rows in the sparse tables (streaming), or null (ask the tables about everyone). */
  sparse: SparseIds | null;
  /** The suppression list by key hash when small enough to hold, else null (matched per batch). */
  suppression: Map<string, SuppressionEntry[]> | null;
  /** Channels members may be messaged on by the existing relationship. */
  memberChannels: PermissionChannel[];
}

export async function openFactsSession(
  d: FactsDeps,
  tx: Queryable,
  opts: LoadOptions = {},
  streaming = false,
): Promise<FactsSession> {
  const suppressionKinds = await gateFactsRepo.suppressionKinds(tx);
  let suppression: Map<string, SuppressionEntry[]> | null = null;
  if (streaming) {
    const entries = await gateFactsRepo.suppressionEntries(tx, SUPPRESSION_IN_MEMORY);
    if (entries) {
      suppression = new Map();
      for (const e of entries) {
        const list = suppression.get(e.key_hash) ?? [];
        list.push({ reason: e.reason as SuppressionReason, purposeId: e.purpose_id });
        suppression.set(e.key_hash, list);
      }
    }
  }
  return {
    tagKeys: await gateFactsRepo.tagKeys(tx),
    suppressionKinds,
    purposeBidx: opts.purposeIds
      ? opts.purposeIds.map((id) => d.keyring.blindIndex('consent_purpose', id))
      : null,
    purposeIds: opts.purposeIds ? new Set(opts.purposeIds) : null,
    columns: { birthDate: opts.birthDate ?? true },
    sparse: streaming ? await gateFactsRepo.sparseIds(tx) : null,
    suppression,
    memberChannels: (await partySettingsRepo.memberChannels(tx)).channels,
  };
}

function relationOf(
  memberships: Membership[],
  evidence: RegularContactEvidence[],
  now: Date,
  today: string,
): GateRelation {
  if (memberships.length === 0 && evidence.length === 0) return 'NONE';
  // A current membership is the MEMBER ground `deriveGrounds` grants first, without the rest.
  if (memberships.some((m) => membershipCurrent(m, today))) return 'MEMBER';
  const g = deriveGrounds(
    {
      memberships,
      regularContactEvidence: evidence,
      publicEvidence: [],
      consents: [],
      formerMemberRetentionMonths: FORMER_MEMBER_RETENTION_MONTHS,
    },
    now,
  );
  const held = new Set(g.grounds.map((x) => x.ground));
  if (held.has('MEMBER_9_2_D')) return 'MEMBER';
  if (held.has('FORMER_MEMBER_9_2_D')) return 'FORMER_MEMBER';
  if (held.has('REGULAR_CONTACT_9_2_D')) return 'REGULAR_CONTACT';
  return 'NONE';
}

interface Decoded {
  subject: GateSubject;
  /** The person's suppression key hashes (stored, or computed here for rows from before migration 011). */
  keys: string[];
}

/**
 * Decrypt one row into a subject; suppression entries are matched by the caller (batch). The e-mail
 * address is decrypted only when someone reads `subject.email` (the gate does not need it).
 */
function decode(d: FactsDeps, s: FactsSession, r: GateFactsRow, now: Date, today: string): Decoded {
  const k = d.keyring;
  const memberships: Membership[] = r.ms.map(([id, st, si, un]) => ({
    id,
    status: k.decrypt(st, 'memberships.status') as Membership['status'],
    since: k.decrypt(si, 'memberships.since'),
    until: k.decryptNullable(un, 'memberships.until'),
    branchId: null,
  }));
  const evidence: RegularContactEvidence[] = r.ev.map(([id, kind, occ, desc, by, at]) => {
    const kd = k.decrypt(kind, 'regular_contact_evidence.kind') as RegularContactKind;
    return {
      id,
      kind: kd,
      occurrences: JSON.parse(k.decrypt(occ, 'regular_contact_evidence.occurrences')) as string[],
      description: DESCRIBE.includes(kd) ? k.decrypt(desc, 'regular_contact_evidence.description') : '',
      recordedBy: by,
      recordedAt: new Date(at),
      retractedAt: null,
    };
  });
  const consents: GateConsent[] = r.cs.map(([enc, channel, given, confirmed, age, guardian, withdrawn]) => {
    const what = JSON.parse(k.decrypt(enc, 'consent_records.consent')) as ConsentWhat;
    return {
      purposeId: what.purposeId,
      explicit: what.explicit,
      textRecorded: what.textVersionId !== null,
      channel: channel as ConsentChannel,
      givenAt: iso(given),
      controllerNames: what.controllerNames,
      captureDefects: what.captureDefects,
      purposesInAction: what.purposesInAction,
      confirmedAt: iso(confirmed),
      ageAtConsent: age === null ? null : Number(age),
      guardianConfirmedAt: iso(guardian),
      withdrawnAt: iso(withdrawn),
    };
  });
  const publicEvidence: GatePublicEvidence[] = r.pe.map(([act, unrestricted, topic]) => ({
    act: act as GatePublicEvidence['act'],
    audienceUnrestricted: unrestricted,
    topic: k.decrypt(topic, 'public_evidence.topic'),
  }));
  const objections: GateObjection[] = r.ob.map(([kind, activityId, overridden, at]) => ({
    kind: kind as GateObjection['kind'],
    activityId,
    overriddenByCompellingGrounds: overridden,
    at: iso(at)!,
  }));
  const latest =
    memberships.length <= 1
      ? memberships[0]
      : [...memberships].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).pop();
  const ageBand = r.age_band as AgeBand | null;
  const youthTag = r.tg.some((t) => YOUTH_TAG.test(s.tagKeys.get(t) ?? ''));
  let email: string | null | undefined;
  const emailOf = () => {
    if (email === undefined) email = k.decryptNullable(r.email_enc, 'persons.email');
    return email;
  };
  let keys = r.suppress_keys;
  if (keys === null) {
    // written before migration 011: hash the addresses as the suppression list does
    keys =
      s.suppressionKinds.size === 0
        ? []
        : d.suppression
            .hashes({ email: emailOf(), phone: k.decryptNullable(r.phone_enc, 'persons.phone') })
            .filter((h) => s.suppressionKinds.has(h.kind))
            .map((h) => h.hash);
  }
  const relation = relationOf(memberships, evidence, now, today);
  const facts: PersonFacts = {
    id: r.id,
    relation,
    consents,
    publicEvidence,
    objections,
    erased: false,
    restrictedActivityIds: r.rs.length === 0 ? null : r.rs.includes('*') ? [] : [...r.rs],
    suppressed: [],
    source: {
      kind: r.source_kind as SourceKind,
      obtainedFromSubject: r.obtained_from_subject,
      inferred: false,
    },
    art14InformedAt: iso(r.art14_ms),
    birthDate: k.decryptNullable(r.birth_date_enc, 'persons.birth_date'),
    ageBand,
    minorSignal: ageBand === '<16' || ageBand === '16-17' || youthTag,
    channelPermissionsByRelationship: relation === 'MEMBER' ? s.memberChannels : [],
  };
  const eventDates =
    evidence.length === 0
      ? []
      : evidence
          .filter((e) => e.kind === 'EVENT_ATTENDANCE')
          .flatMap((e) => e.occurrences)
          .sort();
  return {
    keys,
    subject: {
      personId: r.id,
      branchId: r.branch_id,
      postcodeArea: r.postcode_area === null ? null : Number(r.postcode_area),
      language: r.language,
      candidateIds: r.candidate_ids ?? [],
      membership: latest ? { status: latest.status, since: latest.since, until: latest.until } : null,
      tagIds: r.tg,
      eventDates,
      get email() {
        return emailOf();
      },
      facts,
    },
  };
}

/** Match the batch's keys against the suppression list and set `suppressed` / `erased`. */
async function applySuppression(
  sup: SuppressionRepo,
  tx: Queryable,
  s: FactsSession,
  decoded: Decoded[],
): Promise<void> {
  if (s.suppressionKinds.size === 0) return;
  const matches =
    s.suppression ??
    (await sup.matchMany(
      tx,
      decoded.flatMap((x) => x.keys),
    ));
  if (matches.size === 0) return;
  for (const x of decoded) {
    let reasons: Set<SuppressionReason> | null = null;
    for (const h of x.keys) {
      for (const e of matches.get(h) ?? []) {
        if (e.reason === 'CONSENT_WITHDRAWN' && s.purposeIds && !s.purposeIds.has(e.purposeId ?? ''))
          continue;
        if (reasons === null) reasons = new Set();
        reasons.add(e.reason);
      }
    }
    if (reasons === null) continue;
    const f = x.subject.facts;
    f.suppressed = [...reasons].sort();
    f.erased = reasons.has('ERASURE_REQUEST');
  }
}

/** Subjects for rows read with their records (one suppression lookup at most), in the rows' order. */
export async function decodeSubjects(
  d: FactsDeps,
  tx: Queryable,
  s: FactsSession,
  rows: readonly GateFactsRow[],
  now: Date,
): Promise<GateSubject[]> {
  const today = dutchDate(now);
  const decoded = rows.map((r) => decode(d, s, r, now, today));
  await applySuppression(d.suppression, tx, s, decoded);
  return decoded.map((x) => x.subject);
}

/** The records of a batch of person rows, as the session says what to read. */
export function readRecords(
  tx: Queryable,
  s: FactsSession,
  persons: readonly GatePersonRow[],
  read: { memberships?: boolean; consents?: boolean } = {},
): Promise<GateFactsRow[]> {
  return gateFactsRepo.records(tx, persons, {
    consentPurposeBidx: s.purposeBidx,
    sparse: s.sparse,
    tags: s.tagKeys.size > 0,
    ...read,
  });
}

/** Subjects for a batch of person ids, in id order. */
export async function loadSubjectsBatch(
  d: FactsDeps,
  tx: Queryable,
  s: FactsSession,
  ids: readonly string[],
  now: Date,
): Promise<GateSubject[]> {
  const persons = await gateFactsRepo.persons(tx, ids, s.columns);
  return decodeSubjects(d, tx, s, await readRecords(tx, s, persons), now);
}

/** The subjects (with their PersonFacts) of these persons; unknown ids are left out. */
export async function loadPersonFacts(
  d: FactsDeps,
  tx: Queryable,
  personIds: readonly string[],
  now: Date,
  opts: LoadOptions = {},
): Promise<Map<string, GateSubject>> {
  const s = await openFactsSession(d, tx, opts);
  const out = new Map<string, GateSubject>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 2000) {
    for (const subject of await loadSubjectsBatch(d, tx, s, unique.slice(i, i + 2000), now)) {
      out.set(subject.personId, subject);
    }
  }
  return out;
}
