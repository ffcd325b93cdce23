/**
 * Persons (C1): contact and address fields encrypted (R-62); e-mail, phone, full postcode and name tokens
 * findable through keyed blind indexes, so search never decrypts to filter; the four postcode digits and
 * the branch kept in the clear for scoping (R-63); provenance and the art 14 deadline on every row (R-09,
 * R-55). Membership, evidence and attributes live in their own repositories, reachable from here.
 */
import { randomUUID } from 'node:crypto';
import type { ScopeFilter } from '../domain/access/policies.js';
import { postcodeDigits } from '../domain/access/scope.js';
import { art14DueAt, nameTokens, postcodeKey, type SearchQuery } from '../domain/persons/search.js';
import type { NewPerson, PersonContact } from '../domain/persons/types.js';
import { type Keyring, normalizeEmail, normalizePhone } from './crypto/keyring.js';
import type { Queryable } from './db.js';
import { FieldDefinitionsRepo } from './field-definitions-repo.js';
import { MembershipsRepo } from './memberships-repo.js';
import { PersonAttributesRepo } from './person-attributes-repo.js';
import { PersonEvidenceRepo } from './person-evidence-repo.js';
import type { PersonListRow, PersonRecord, PersonRow } from './person-rows.js';
import { querySql, scopeSql } from './person-search-sql.js';
import { SuppressionRepo } from './suppression-repo.js';

export type { NewPerson } from '../domain/persons/types.js';
export type { PersonListRow, PersonRecord } from './person-rows.js';
export { scopeSql } from './person-search-sql.js';

/** The branch whose postcode range holds the digits: the narrowest, then lowest start, then lowest id. */
const BRANCH_FOR_AREA = (area: string) => `(SELECT b.id FROM branches b
    WHERE ${area} BETWEEN b.postcode_from AND b.postcode_to
    ORDER BY b.postcode_to - b.postcode_from, b.postcode_from, b.id LIMIT 1)`;

/** Columns written by `insertMany`, with their array types for `unnest`. */
const INSERT_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['postcode_area', 'int'],
  ['candidate_ids', 'text'],
  ['first_name_enc', 'text'],
  ['infix_enc', 'text'],
  ['last_name_enc', 'text'],
  ['email_enc', 'text'],
  ['email_bidx', 'text'],
  ['phone_enc', 'text'],
  ['phone_bidx', 'text'],
  ['street_enc', 'text'],
  ['house_number_enc', 'text'],
  ['postcode_enc', 'text'],
  ['postcode_bidx', 'text'],
  ['city_enc', 'text'],
  ['birth_date_enc', 'text'],
  ['age_band', 'text'],
  ['language', 'text'],
  ['name_bidx', 'text'],
  ['dataset_id', 'uuid'],
  ['source_kind', 'text'],
  ['channel', 'text'],
  ['collected_at', 'timestamptz'],
  ['collected_by', 'text'],
  ['obtained_from_subject', 'boolean'],
  ['art14_due_at', 'timestamptz'],
  ['suppress_keys', 'text'],
];

export class PersonsRepo {
  readonly memberships: MembershipsRepo;
  readonly evidence: PersonEvidenceRepo;
  readonly definitions: FieldDefinitionsRepo;
  readonly attributes: PersonAttributesRepo;

  constructor(private readonly keyring: Keyring) {
    this.memberships = new MembershipsRepo(keyring);
    this.evidence = new PersonEvidenceRepo(keyring);
    this.definitions = new FieldDefinitionsRepo();
    this.attributes = new PersonAttributesRepo(keyring);
  }

  /** The encrypted contact columns and blind indexes of one person. */
  private contactColumns(c: PersonContact) {
    const k = this.keyring;
    const tokens = nameTokens(c.firstName, c.infix, c.lastName);
    return {
      postcode_area: postcodeDigits(c.postcode),
      first_name_enc: k.encrypt(c.firstName, 'persons.first_name'),
      infix_enc: k.encryptNullable(c.infix, 'persons.infix'),
      last_name_enc: k.encrypt(c.lastName, 'persons.last_name'),
      email_enc: k.encryptNullable(c.email, 'persons.email'),
      email_bidx: c.email ? k.blindIndex('email', normalizeEmail(c.email)) : null,
      phone_enc: k.encryptNullable(c.phone, 'persons.phone'),
      phone_bidx: c.phone ? k.blindIndex('phone', normalizePhone(c.phone)) : null,
      street_enc: k.encryptNullable(c.street, 'persons.street'),
      house_number_enc: k.encryptNullable(c.houseNumber, 'persons.house_number'),
      postcode_enc: k.encryptNullable(c.postcode, 'persons.postcode'),
      postcode_bidx: c.postcode ? k.blindIndex('postcode', postcodeKey(c.postcode)) : null,
      city_enc: k.encryptNullable(c.city, 'persons.city'),
      birth_date_enc: k.encryptNullable(c.birthDate, 'persons.birth_date'),
      age_band: c.ageBand,
      language: c.language,
      name_bidx: tokens.map((t) => k.blindIndex('name', t)),
      // The suppression list's hashes of e-mail and phone (migration 011; the gate matches on them).
      suppress_keys: new SuppressionRepo(k).hashes({ email: c.email, phone: c.phone }).map((h) => h.hash),
    };
  }

  /**
   * Insert persons in one statement per chunk (arrays through `unnest`, so the statement size does not
   * grow with the row count); the branch follows from the postcode in SQL. Returns the new ids in input
   * order. The caller validated every contact (`validateContact`) and checked suppression.
   */
  async insertMany(tx: Queryable, persons: readonly NewPerson[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    const CHUNK = 2000;
    for (let i = 0; i < persons.length; i += CHUNK) {
      const chunk = persons.slice(i, i + CHUNK);
      const cols: unknown[][] = INSERT_COLUMNS.map(() => new Array(chunk.length));
      chunk.forEach((p, r) => {
        const id = randomUUID();
        ids.push(id);
        const c = this.contactColumns(p);
        const due = art14DueAt(p.obtainedFromSubject, p.provenance.collectedAt);
        const row: unknown[] = [
          id,
          c.postcode_area,
          p.candidateIds.join(','),
          c.first_name_enc,
          c.infix_enc,
          c.last_name_enc,
          c.email_enc,
          c.email_bidx,
          c.phone_enc,
          c.phone_bidx,
          c.street_enc,
          c.house_number_enc,
          c.postcode_enc,
          c.postcode_bidx,
          c.city_enc,
          c.birth_date_enc,
          c.age_band,
          c.language,
          c.name_bidx.join(' '),
          p.provenance.datasetId,
          p.provenance.sourceKind,
          p.provenance.channel,
          p.provenance.collectedAt.toISOString(),
          p.provenance.collectedBy,
          p.obtainedFromSubject,
          due ? due.toISOString() : null,
          c.suppress_keys.join(' '),
        ];
        for (let j = 0; j < row.length; j++) cols[j]![r] = row[j];
      });
      const names = INSERT_COLUMNS.map(([n]) => n);
      const select = names.map((n) => {
        if (n === 'candidate_ids')
          return `coalesce(string_to_array(nullif(t.candidate_ids, ''), ',')::uuid[], '{}')`;
        if (n === 'name_bidx') return `coalesce(string_to_array(nullif(t.name_bidx, ''), ' '), '{}')`;
        if (n === 'suppress_keys') return `coalesce(string_to_array(nullif(t.suppress_keys, ''), ' '), '{}')`;
        return `t.${n}`;
      });
      await tx.query(
        `INSERT INTO persons (${names.join(', ')}, branch_id, created_at, updated_at)
         SELECT ${select.join(', ')}, ${BRANCH_FOR_AREA('t.postcode_area')}, $${names.length + 1}::timestamptz, $${names.length + 1}::timestamptz
           FROM unnest(${INSERT_COLUMNS.map(([, type], j) => `$${j + 1}::${type}[]`).join(', ')})
             AS t(${names.join(', ')})`,
        [...cols, now],
      );
    }
    return ids;
  }

  /** Replace the contact data (and the indexes and branch that follow from them). */
  async updateContact(tx: Queryable, id: string, contact: PersonContact, now: Date): Promise<void> {
    const c = this.contactColumns(contact);
    const entries = Object.entries(c);
    const params: unknown[] = entries.map(([, v]) => v);
    params.push(now, id);
    await tx.query(
      `UPDATE persons p SET ${entries.map(([k], j) => `${k} = $${j + 1}`).join(', ')},
          branch_id = ${BRANCH_FOR_AREA('$1::int')}, updated_at = $${params.length - 1}
        WHERE p.id = $${params.length}`,
      params,
    );
  }

  async markArt14Informed(tx: Queryable, ids: readonly string[], at: Date): Promise<number> {
    const { rowCount } = await tx.query(
      'UPDATE persons SET art14_informed_at = $2 WHERE id = ANY ($1::uuid[]) AND art14_informed_at IS NULL',
      [ids, at],
    );
    return rowCount;
  }

  private toRecord(r: PersonRow): PersonRecord {
    const k = this.keyring;
    return {
      id: r.id,
      branchId: r.branch_id,
      branchName: r.branch_name,
      candidateIds: r.candidate_ids,
      firstName: k.decrypt(r.first_name_enc, 'persons.first_name'),
      infix: k.decryptNullable(r.infix_enc, 'persons.infix'),
      lastName: k.decrypt(r.last_name_enc, 'persons.last_name'),
      email: k.decryptNullable(r.email_enc, 'persons.email'),
      phone: k.decryptNullable(r.phone_enc, 'persons.phone'),
      street: k.decryptNullable(r.street_enc, 'persons.street'),
      houseNumber: k.decryptNullable(r.house_number_enc, 'persons.house_number'),
      postcode: k.decryptNullable(r.postcode_enc, 'persons.postcode'),
      city: k.decryptNullable(r.city_enc, 'persons.city'),
      birthDate: k.decryptNullable(r.birth_date_enc, 'persons.birth_date'),
      ageBand: r.age_band,
      language: r.language,
      provenance: {
        datasetId: r.dataset_id,
        sourceKind: r.source_kind,
        channel: r.channel,
        collectedAt: r.collected_at,
        collectedBy: r.collected_by,
      },
      obtainedFromSubject: r.obtained_from_subject,
      art14DueAt: r.art14_due_at,
      art14InformedAt: r.art14_informed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async findById(tx: Queryable, id: string): Promise<PersonRecord | null> {
    const { rows } = await tx.query<PersonRow>(
      'SELECT p.*, b.name AS branch_name FROM persons p LEFT JOIN branches b ON b.id = p.branch_id WHERE p.id = $1',
      [id],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /**
   * What access decisions look at (branch, postcode digits, candidates), without decrypting anything;
   * `lock` takes the row lock, so writes that depend on the person's grounds are serialised.
   */
  async scopeFacts(
    tx: Queryable,
    id: string,
    opts: { lock: boolean },
  ): Promise<{ branchId: string | null; postcode: string | null; candidateIds: string[] } | null> {
    const { rows } = await tx.query<{
      branch_id: string | null;
      postcode_area: number | null;
      candidate_ids: string[];
    }>(
      `SELECT branch_id, postcode_area, candidate_ids FROM persons WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      branchId: r.branch_id,
      postcode: r.postcode_area === null ? null : String(r.postcode_area),
      candidateIds: r.candidate_ids,
    };
  }

  /**
   * Keyset page of persons within the scope (null = whole party), optionally matching a search query and
   * a branch. Every condition is an index lookup (blind index, GIN on name tokens, postcode area, branch);
   * ordered by id, continued after `after`; nothing is decrypted to filter.
   */
  async search(
    tx: Queryable,
    scope: ScopeFilter[] | null,
    query: SearchQuery | null,
    filter: { branchId: string | null },
    after: string | null,
    limit: number,
  ): Promise<PersonListRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (scope !== null) where.push(scopeSql(scope, params));
    if (query) where.push(querySql(this.keyring, query, params));
    if (filter.branchId !== null) {
      params.push(filter.branchId);
      where.push(`p.branch_id = $${params.length}`);
    }
    if (after !== null) {
      params.push(after);
      where.push(`p.id > $${params.length}`);
    }
    params.push(limit);
    const conditions = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Name tokens, postcode areas and candidates are small selections: match them through their index
    // first and sort the matches (a materialised set). Walking the id order and filtering each row would
    // read most of the table for a rare match. Party-wide and branch lists walk (branch_id, id) in order.
    const small =
      query?.kind === 'name' || scope?.every((a) => a.area !== null || a.candidateId !== null) === true;
    const ids = small
      ? `WITH m AS MATERIALIZED (SELECT p.id FROM persons p ${conditions})
           SELECT id FROM m ORDER BY id LIMIT $${params.length}`
      : `SELECT p.id FROM persons p ${conditions} ORDER BY p.id LIMIT $${params.length}`;
    const { rows } = await tx.query<{
      id: string;
      first_name_enc: string;
      infix_enc: string | null;
      last_name_enc: string;
      postcode_enc: string | null;
      branch_name: string | null;
    }>(
      `SELECT p.id, p.first_name_enc, p.infix_enc, p.last_name_enc, p.postcode_enc, b.name AS branch_name
         FROM (${ids}) top JOIN persons p ON p.id = top.id LEFT JOIN branches b ON b.id = p.branch_id
        ORDER BY p.id`,
      params,
    );
    const k = this.keyring;
    return rows.map((r) => ({
      id: r.id,
      firstName: k.decrypt(r.first_name_enc, 'persons.first_name'),
      infix: k.decryptNullable(r.infix_enc, 'persons.infix'),
      lastName: k.decrypt(r.last_name_enc, 'persons.last_name'),
      postcode: k.decryptNullable(r.postcode_enc, 'persons.postcode'),
      branchName: r.branch_name,
    }));
  }

  /** Ids of persons with this e-mail address (blind index; dedup and duplicate checks). */
  async findByEmail(tx: Queryable, email: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM persons WHERE email_bidx = $1', [
      this.keyring.blindIndex('email', normalizeEmail(email)),
    ]);
    return rows.map((r) => r.id);
  }

  async findByPhone(tx: Queryable, phone: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM persons WHERE phone_bidx = $1', [
      this.keyring.blindIndex('phone', normalizePhone(phone)),
    ]);
    return rows.map((r) => r.id);
  }

  /** Blind indexes of e-mail addresses (imports dedupe a chunk with one lookup). */
  emailIndex(email: string): string {
    return this.keyring.blindIndex('email', normalizeEmail(email));
  }

  phoneIndex(phone: string): string {
    return this.keyring.blindIndex('phone', normalizePhone(phone));
  }

  /** Which of these e-mail blind indexes already exist, with the person id (one query per chunk). */
  async existingByEmailIndex(tx: Queryable, indexes: readonly string[]): Promise<Map<string, string>> {
    if (indexes.length === 0) return new Map();
    const { rows } = await tx.query<{ id: string; email_bidx: string }>(
      'SELECT id, email_bidx FROM persons WHERE email_bidx = ANY ($1::text[])',
      [indexes],
    );
    return new Map(rows.map((r) => [r.email_bidx, r.id]));
  }

  async existingByPhoneIndex(tx: Queryable, indexes: readonly string[]): Promise<Map<string, string>> {
    if (indexes.length === 0) return new Map();
    const { rows } = await tx.query<{ id: string; phone_bidx: string }>(
      'SELECT id, phone_bidx FROM persons WHERE phone_bidx = ANY ($1::text[])',
      [indexes],
    );
    return new Map(rows.map((r) => [r.phone_bidx, r.id]));
  }
}
