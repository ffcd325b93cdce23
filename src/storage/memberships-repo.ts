/**
 * Memberships: every fact — status, since, until, branch — is political data, encrypted at field
 * level; reads happen only in use cases that audit them. `MEMBERSHIP_COLUMNS` classifies every column of
 * the table, and a schema test fails when a column is added without a classification.
 */
import { randomUUID } from 'node:crypto';
import type { Membership, Provenance } from '../domain/persons/types.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

/** the classification of every column of `memberships` ('political' columns must be `*_enc`). */
export const MEMBERSHIP_COLUMNS = {
  id: 'key',
  person_id: 'key',
  status_enc: 'political',
  since_enc: 'political',
  until_enc: 'political',
  branch_enc: 'political',
  data_class: 'classification',
  dataset_id: 'provenance',
  source_kind: 'provenance',
  channel: 'provenance',
  collected_at: 'provenance',
  collected_by: 'provenance',
  created_at: 'bookkeeping',
  updated_at: 'bookkeeping',
} as const;

export interface NewMembership {
  personId: string;
  status: Membership['status'];
  since: string;
  until: string | null;
  branchId: string | null;
  provenance: Provenance;
}

export interface MembershipRecord extends Membership {
  personId: string;
  provenance: Provenance;
  createdAt: Date;
}

interface Row {
  id: string;
  person_id: string;
  status_enc: string;
  since_enc: string;
  until_enc: string | null;
  branch_enc: string | null;
  dataset_id: string | null;
  source_kind: Provenance['sourceKind'];
  channel: Provenance['channel'];
  collected_at: Date;
  collected_by: string | null;
  created_at: Date;
}

export class MembershipsRepo {
  constructor(private readonly keyring: Keyring) {}

  /** Insert memberships in one statement per chunk (imports: many persons at once); ids in input order. */
  async insertMany(tx: Queryable, rows: readonly NewMembership[], now: Date): Promise<string[]> {
    const k = this.keyring;
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      const cols: unknown[][] = Array.from({ length: 11 }, () => []);
      for (const m of chunk) {
        const id = randomUUID();
        ids.push(id);
        const v = [
          id,
          m.personId,
          k.encrypt(m.status, 'memberships.status'),
          k.encrypt(m.since, 'memberships.since'),
          k.encryptNullable(m.until, 'memberships.until'),
          k.encryptNullable(m.branchId, 'memberships.branch'),
          m.provenance.datasetId,
          m.provenance.sourceKind,
          m.provenance.channel,
          m.provenance.collectedAt.toISOString(),
          m.provenance.collectedBy,
        ];
        for (let j = 0; j < v.length; j++) cols[j]!.push(v[j]);
      }
      await tx.query(
        `INSERT INTO memberships (id, person_id, status_enc, since_enc, until_enc, branch_enc, dataset_id, source_kind,
            channel, collected_at, collected_by, created_at, updated_at)
         SELECT t.*, $12::timestamptz, $12::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
            $7::uuid[], $8::text[], $9::text[], $10::timestamptz[], $11::text[]) AS t`,
        [...cols, now],
      );
    }
    return ids;
  }

  private toRecord(r: Row): MembershipRecord {
    const k = this.keyring;
    return {
      id: r.id,
      personId: r.person_id,
      status: k.decrypt(r.status_enc, 'memberships.status') as Membership['status'],
      since: k.decrypt(r.since_enc, 'memberships.since'),
      until: k.decryptNullable(r.until_enc, 'memberships.until'),
      branchId: k.decryptNullable(r.branch_enc, 'memberships.branch'),
      provenance: {
        datasetId: r.dataset_id,
        sourceKind: r.source_kind,
        channel: r.channel,
        collectedAt: r.collected_at,
        collectedBy: r.collected_by,
      },
      createdAt: r.created_at,
    };
  }

  async forPersons(tx: Queryable, personIds: readonly string[]): Promise<Map<string, MembershipRecord[]>> {
    const out = new Map<string, MembershipRecord[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    const { rows } = await tx.query<Row>(
      'SELECT * FROM memberships WHERE person_id = ANY ($1::uuid[]) ORDER BY created_at, id',
      [personIds],
    );
    for (const r of rows) out.get(r.person_id)?.push(this.toRecord(r));
    return out;
  }

  async forPerson(tx: Queryable, personId: string): Promise<MembershipRecord[]> {
    return (await this.forPersons(tx, [personId])).get(personId) ?? [];
  }

  async end(tx: Queryable, id: string, until: string, now: Date): Promise<void> {
    const k = this.keyring;
    await tx.query('UPDATE memberships SET status_enc = $2, until_enc = $3, updated_at = $4 WHERE id = $1', [
      id,
      k.encrypt('ended', 'memberships.status'),
      k.encrypt(until, 'memberships.until'),
      now,
    ]);
  }
}
