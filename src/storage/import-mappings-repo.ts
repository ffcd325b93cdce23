/** Saved column mappings (by name), reusable for the next file with the same columns. */
import type { ImportMapping } from '../domain/imports/fields.js';
import type { Queryable } from './db.js';

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ImportMapping;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  name: string;
  mapping: ImportMapping | string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (r: Row): SavedMapping => ({
  id: r.id,
  name: r.name,
  mapping: typeof r.mapping === 'string' ? (JSON.parse(r.mapping) as ImportMapping) : r.mapping,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const importMappingsRepo = {
  /** Save under a name; saving the same name again replaces the mapping. */
  async upsert(
    tx: Queryable,
    name: string,
    mapping: ImportMapping,
    createdBy: string | null,
    now: Date,
  ): Promise<SavedMapping> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO import_mappings (name, mapping, created_by, created_at, updated_at)
       VALUES ($1, $2::jsonb, $3, $4, $4)
       ON CONFLICT (name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = EXCLUDED.updated_at
       RETURNING id, name, mapping, created_by, created_at, updated_at`,
      [name, JSON.stringify(mapping), createdBy, now],
    );
    return toRecord(rows[0]!);
  },

  async findByName(tx: Queryable, name: string): Promise<SavedMapping | null> {
    const { rows } = await tx.query<Row>(
      'SELECT id, name, mapping, created_by, created_at, updated_at FROM import_mappings WHERE name = $1',
      [name],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  },

  async list(tx: Queryable): Promise<SavedMapping[]> {
    const { rows } = await tx.query<Row>(
      'SELECT id, name, mapping, created_by, created_at, updated_at FROM import_mappings ORDER BY name',
    );
    return rows.map(toRecord);
  },
};
