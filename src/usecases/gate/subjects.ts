/**
 * Stream the subjects of an audience evaluation (C5) through an SQL prefilter: the actor's scope exactly
 * as person search applies it (branch, postcode area, candidate; R-63), then the audience's criteria on
 * clear columns and blind indexes (branch, postcode ranges, language, tags, consent purposes held in any
 * state). A cursor in the caller's transaction, fetched in batches by id order, so memory stays flat at a million persons. Every subject carries its
 * PersonFacts for `assess`; the caller audits the read and decides with the gate.
 */
import { randomBytes } from 'node:crypto';
import type { ScopeFilter } from '../../domain/access/policies.js';
import type { Queryable } from '../../storage/db.js';
import { type GateFactsFilter, type GateFactsRow, gateFactsRepo } from '../../storage/gate-facts-repo.js';
import type { Deps } from '../deps.js';
import {
  decodeSubjects,
  type GateSubject,
  type LoadOptions,
  loadPersonFacts,
  openFactsSession,
  readRecords,
} from './person-facts.js';

export type { GateSubject, LoadOptions };
export { loadPersonFacts };

/** The actor's scope as `personListScope` returns it (src/domain/access/policies.ts). */
export type SubjectScope = { all: true } | { all: false; alternatives: ScopeFilter[] };

export interface SubjectFilter {
  scope: SubjectScope;
  branchIds?: string[];
  postcodeRanges?: { from: number; to: number }[];
  languages?: string[];
  tagIdsAll?: string[];
  tagIdsNone?: string[];
  /** Holds a consent record for each (any state). */
  consentPurposeIds?: string[];
  personIds?: string[];
  /**
   * Optional, for speed: the consent purposes the gate needs for this processing (see LoadOptions).
   * Omitted: every consent record of the person is loaded.
   */
  factsPurposeIds?: string[];
  /**
   * Optional, for speed: whether the gate looks at age for this processing (`readsAge`, R-78). false:
   * birth dates are neither read nor decrypted (`facts.birthDate` null). Omitted: read.
   */
  factsBirthDate?: boolean;
}

export const DEFAULT_BATCH = 2000;

/** The storage filter of a subject filter (consent purposes become their blind indexes). */
export function toStorageFilter(d: Pick<Deps, 'keyring'>, f: SubjectFilter): GateFactsFilter {
  return {
    scope: f.scope.all ? null : f.scope.alternatives,
    branchIds: f.branchIds,
    postcodeRanges: f.postcodeRanges,
    languages: f.languages,
    tagIdsAll: f.tagIdsAll,
    tagIdsNone: f.tagIdsNone,
    consentPurposeBidx: f.consentPurposeIds?.map((id) => d.keyring.blindIndex('consent_purpose', id)),
    personIds: f.personIds,
  };
}

/** Count the persons the prefilter selects (no decryption): the bare count of the same criteria. */
export async function countSubjects(
  d: Pick<Deps, 'keyring'>,
  tx: Queryable,
  filter: SubjectFilter,
): Promise<number> {
  return gateFactsRepo.count(tx, toStorageFilter(d, filter));
}

/**
 * Rows of a cursor ordered by person id, handed out per batch of persons: everything up to and
 * including the batch's last person id (the persons cursor has the same order).
 */
class OrderedRecords<T> {
  private buf: { personId: string; record: T }[] = [];
  private done = false;
  constructor(
    private readonly fetch: () => Promise<{ personId: string; record: T }[]>,
    private readonly size: number,
  ) {}

  async upTo(last: string): Promise<{ personId: string; record: T }[]> {
    while (!this.done && (this.buf.length === 0 || this.buf[this.buf.length - 1]!.personId <= last)) {
      const rows = await this.fetch();
      if (rows.length < this.size) this.done = true;
      for (const r of rows) this.buf.push(r);
    }
    let i = 0;
    while (i < this.buf.length && this.buf[i]!.personId <= last) i++;
    const out = this.buf.slice(0, i);
    this.buf = this.buf.slice(i);
    return out;
  }
}

/**
 * The subjects matching the filter, in batches, in id order. Three cursors in the caller's transaction,
 * all in person-id order: the persons' rows, their memberships and their consent records, merged batch
 * by batch; the sparse tables are asked only about the persons that have rows there. While the caller
 * works on one batch the next one is already being read (one query pipeline on the transaction's
 * connection: the database works while this process decrypts and the caller decides).
 */
export async function* streamGateSubjects(
  d: Pick<Deps, 'db' | 'keyring' | 'suppression'>,
  tx: Queryable,
  filter: SubjectFilter,
  now: Date,
  batchSize: number = DEFAULT_BATCH,
): AsyncGenerator<GateSubject[]> {
  const where = toStorageFilter(d, filter);
  const session = await openFactsSession(
    d,
    tx,
    { purposeIds: filter.factsPurposeIds, birthDate: filter.factsBirthDate },
    true,
  );
  const tag = randomBytes(6).toString('hex');
  const cursors = { persons: `gate_p_${tag}`, memberships: `gate_m_${tag}`, consents: `gate_c_${tag}` };
  await gateFactsRepo.openPersonCursor(tx, cursors.persons, where, session.columns);
  await gateFactsRepo.openRecordCursors(tx, cursors, where, session.purposeBidx);
  const memberships = new OrderedRecords(
    () => gateFactsRepo.fetchMemberships(tx, cursors.memberships, batchSize),
    batchSize,
  );
  const consents = new OrderedRecords(
    () => gateFactsRepo.fetchConsents(tx, cursors.consents, batchSize),
    batchSize,
  );
  type Read = { more: boolean; rows: GateFactsRow[] };
  const read = async (): Promise<Read> => {
    const persons = await gateFactsRepo.fetchPersons(tx, cursors.persons, batchSize);
    const rows = await readRecords(tx, session, persons, { memberships: false, consents: false });
    if (persons.length > 0) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const last = persons[persons.length - 1]!.id;
      for (const m of await memberships.upTo(last)) byId.get(m.personId)?.ms.push(m.record);
      for (const c of await consents.upTo(last)) byId.get(c.personId)?.cs.push(c.record);
    }
    return { more: persons.length === batchSize, rows };
  };
  let pending: Promise<Read> | null = read();
  try {
    for (;;) {
      const batch: Read = await pending!;
      pending = batch.more ? read() : null;
      if (batch.rows.length > 0) yield await decodeSubjects(d, tx, session, batch.rows, now);
      if (!batch.more) return;
    }
  } finally {
    // a caller that stops early leaves a read under way: let it finish before closing the cursors
    if (pending) await pending.catch(() => undefined);
    for (const c of Object.values(cursors)) await gateFactsRepo.closeCursor(tx, c);
  }
}
