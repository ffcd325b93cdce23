/**
 * Persons (foundation slice): contact fields and membership status encrypted (membership is political
 * data, R-02/R-62); e-mail and phone findable through keyed blind indexes; the four postcode digits kept
 * in the clear for branch and area scoping.
 */
import type { ScopeFilter } from '../domain/access/policies.js';
import { postcodeDigits } from '../domain/access/scope.js';
import { type Keyring, normalizeEmail, normalizePhone } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export interface NewPerson {
  branchId: string | null;
  candidateIds: string[];
  firstName: string;
  lastName: string;
  postcode: string | null;
  email: string | null;
  phone: string | null;
  membershipStatus: string | null;
}

export interface PersonRecord extends NewPerson {
  id: string;
  branchName: string | null;
  createdAt: Date;
}

interface PersonRow {
  id: string;
  branch_id: string | null;
  branch_name: string | null;
  postcode_area: number | null;
  candidate_ids: string[];
  first_name_enc: string;
  last_name_enc: string;
  postcode_enc: string | null;
  email_enc: string | null;
  phone_enc: string | null;
  membership_status_enc: string | null;
  created_at: Date;
}

/** Turn a scope into a WHERE clause; parameters are appended to `params`. */
export function scopeSql(alternatives: ScopeFilter[], params: unknown[]): string {
  if (alternatives.length === 0) return 'false';
  return `(${alternatives
    .map((a) => {
      const parts: string[] = [];
      if (a.branchId !== null) {
        params.push(a.branchId);
        parts.push(`p.branch_id = $${params.length}`);
      }
      if (a.area !== null) {
        params.push(a.area.from, a.area.to);
        parts.push(`p.postcode_area BETWEEN $${params.length - 1} AND $${params.length}`);
      }
      if (a.candidateId !== null) {
        params.push(a.candidateId);
        parts.push(`$${params.length} = ANY (p.candidate_ids)`);
      }
      return parts.length ? `(${parts.join(' AND ')})` : 'false';
    })
    .join(' OR ')})`;
}

export class PersonsRepo {
  constructor(private readonly keyring: Keyring) {}

  /** The row values for one person, in the column order of `insertMany`. */
  private values(p: NewPerson, now: Date): unknown[] {
    const k = this.keyring;
    return [
      p.branchId,
      postcodeDigits(p.postcode),
      p.candidateIds,
      k.encrypt(p.firstName, 'persons.first_name'),
      k.encrypt(p.lastName, 'persons.last_name'),
      k.encryptNullable(p.postcode, 'persons.postcode'),
      k.encryptNullable(p.email, 'persons.email'),
      p.email ? k.blindIndex('email', normalizeEmail(p.email)) : null,
      k.encryptNullable(p.phone, 'persons.phone'),
      p.phone ? k.blindIndex('phone', normalizePhone(p.phone)) : null,
      k.encryptNullable(p.membershipStatus, 'persons.membership_status'),
      now,
      now,
    ];
  }

  async insertMany(tx: Queryable, persons: readonly NewPerson[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < persons.length; i += 200) {
      const chunk = persons.slice(i, i + 200);
      const params: unknown[] = [];
      const tuples = chunk.map((p) => {
        const v = this.values(p, now);
        const start = params.length;
        params.push(...v);
        return `(${v.map((_, j) => `$${start + j + 1}`).join(', ')})`;
      });
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO persons (branch_id, postcode_area, candidate_ids, first_name_enc, last_name_enc, postcode_enc,
            email_enc, email_bidx, phone_enc, phone_bidx, membership_status_enc, created_at, updated_at)
         VALUES ${tuples.join(', ')} RETURNING id`,
        params,
      );
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  private toRecord(r: PersonRow): PersonRecord {
    const k = this.keyring;
    return {
      id: r.id,
      branchId: r.branch_id,
      branchName: r.branch_name,
      candidateIds: r.candidate_ids,
      firstName: k.decrypt(r.first_name_enc, 'persons.first_name'),
      lastName: k.decrypt(r.last_name_enc, 'persons.last_name'),
      postcode: k.decryptNullable(r.postcode_enc, 'persons.postcode'),
      email: k.decryptNullable(r.email_enc, 'persons.email'),
      phone: k.decryptNullable(r.phone_enc, 'persons.phone'),
      membershipStatus: k.decryptNullable(r.membership_status_enc, 'persons.membership_status'),
      createdAt: r.created_at,
    };
  }

  async findById(tx: Queryable, id: string): Promise<PersonRecord | null> {
    const { rows } = await tx.query<PersonRow>(
      'SELECT p.*, b.name AS branch_name FROM persons p LEFT JOIN branches b ON b.id = p.branch_id WHERE p.id = $1',
      [id],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** Keyset page ordered by id, restricted to the scope (null = whole party). */
  async list(
    tx: Queryable,
    scope: ScopeFilter[] | null,
    after: string | null,
    limit: number,
  ): Promise<PersonRecord[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (scope !== null) where.push(scopeSql(scope, params));
    if (after !== null) {
      params.push(after);
      where.push(`p.id > $${params.length}`);
    }
    params.push(limit);
    const { rows } = await tx.query<PersonRow>(
      `SELECT p.*, b.name AS branch_name FROM persons p LEFT JOIN branches b ON b.id = p.branch_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => this.toRecord(r));
  }

  async findByEmail(tx: Queryable, email: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM persons WHERE email_bidx = $1', [
      this.keyring.blindIndex('email', normalizeEmail(email)),
    ]);
    return rows.map((r) => r.id);
  }
}
