/** Branches (afdelingen) with the postcode range they cover. */
import type { Queryable } from './db.js';

export interface BranchRecord {
  id: string;
  name: string;
  postcodeFrom: number;
  postcodeTo: number;
}

export const branchesRepo = {
  async insert(tx: Queryable, b: Omit<BranchRecord, 'id'>, now: Date): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO branches (name, postcode_from, postcode_to, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [b.name, b.postcodeFrom, b.postcodeTo, now],
    );
    return rows[0]!.id;
  },
  async list(tx: Queryable): Promise<BranchRecord[]> {
    const { rows } = await tx.query<{ id: string; name: string; postcode_from: number; postcode_to: number }>(
      'SELECT id, name, postcode_from, postcode_to FROM branches ORDER BY name',
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      postcodeFrom: r.postcode_from,
      postcodeTo: r.postcode_to,
    }));
  },
};
