/**
 * Datasets (C3): the provenance questionnaire (no personal data: it describes the delivery), the gate's
 * status, reasons and obligations, and when quarantine began (purged 30 days later, R-10).
 */
import type { Code } from '../domain/codes.js';
import type { DatasetStatus, Obligation, ProvenanceItem } from '../domain/imports/gate.js';
import type { DatasetOrigin, DatasetQuestionnaire } from '../domain/imports/origins.js';
import type { SourceKind } from '../domain/persons/types.js';
import type { Queryable } from './db.js';

export interface DatasetRecord {
  id: string;
  questionnaire: DatasetQuestionnaire;
  sourceKind: SourceKind;
  status: DatasetStatus;
  reasons: Code[];
  obligations: Obligation[];
  missingProvenance: ProvenanceItem[];
  quarantinedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DatasetWrite {
  questionnaire: DatasetQuestionnaire;
  sourceKind: SourceKind;
  status: DatasetStatus;
  reasons: readonly Code[];
  obligations: readonly Obligation[];
  missingProvenance: readonly ProvenanceItem[];
}

interface Row {
  id: string;
  name: string;
  origin: DatasetOrigin;
  source_kind: SourceKind;
  provenance: Omit<DatasetQuestionnaire, 'name' | 'origin' | 'containsPolitical'> | string;
  contains_political: boolean;
  status: DatasetStatus;
  refusal_codes: Code[];
  obligations: Obligation[];
  missing_provenance: ProvenanceItem[];
  quarantined_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLS =
  'id, name, origin, source_kind, provenance, contains_political, status, refusal_codes, obligations, missing_provenance, quarantined_at, created_by, created_at, updated_at';

function toRecord(r: Row): DatasetRecord {
  const p = typeof r.provenance === 'string' ? JSON.parse(r.provenance) : r.provenance;
  return {
    id: r.id,
    questionnaire: { ...p, name: r.name, origin: r.origin, containsPolitical: r.contains_political },
    sourceKind: r.source_kind,
    status: r.status,
    reasons: r.refusal_codes,
    obligations: r.obligations,
    missingProvenance: r.missing_provenance,
    quarantinedAt: r.quarantined_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function provenanceJson(q: DatasetQuestionnaire): string {
  const { name: _n, origin: _o, containsPolitical: _c, ...rest } = q;
  return JSON.stringify(rest);
}

export const datasetsRepo = {
  async insert(tx: Queryable, w: DatasetWrite, createdBy: string | null, now: Date): Promise<DatasetRecord> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO datasets (name, origin, source_kind, provenance, contains_political, status, refusal_codes,
          obligations, missing_provenance, quarantined_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::text[], $8::text[], $9::text[], $10, $11, $12, $12)
       RETURNING ${COLS}`,
      [
        w.questionnaire.name,
        w.questionnaire.origin,
        w.sourceKind,
        provenanceJson(w.questionnaire),
        w.questionnaire.containsPolitical,
        w.status,
        w.reasons,
        w.obligations,
        w.missingProvenance,
        w.status === 'quarantine' ? now : null,
        createdBy,
        now,
      ],
    );
    return toRecord(rows[0]!);
  },

  async find(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<DatasetRecord | null> {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLS} FROM datasets WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  },

  async list(tx: Queryable, limit: number): Promise<DatasetRecord[]> {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLS} FROM datasets ORDER BY created_at DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map(toRecord);
  },

  /** Store a new assessment (questionnaire completed, or a file showed what the dataset holds). */
  async update(tx: Queryable, id: string, w: DatasetWrite, now: Date): Promise<DatasetRecord> {
    const { rows } = await tx.query<Row>(
      `UPDATE datasets SET name = $2, provenance = $3::jsonb, contains_political = $4, status = $5,
          refusal_codes = $6::text[], obligations = $7::text[], missing_provenance = $8::text[],
          quarantined_at = CASE WHEN $5 = 'quarantine' THEN coalesce(quarantined_at, $9) ELSE NULL END,
          updated_at = $9
        WHERE id = $1 RETURNING ${COLS}`,
      [
        id,
        w.questionnaire.name,
        provenanceJson(w.questionnaire),
        w.questionnaire.containsPolitical,
        w.status,
        w.reasons,
        w.obligations,
        w.missingProvenance,
        now,
      ],
    );
    return toRecord(rows[0]!);
  },

  /** Quarantined datasets whose quarantine began before `before` (due for the purge). */
  async quarantinedBefore(tx: Queryable, before: Date): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM datasets WHERE status = 'quarantine' AND quarantined_at < $1 ORDER BY quarantined_at`,
      [before],
    );
    return rows.map((r) => r.id);
  },

  /** Delete a dataset that no person refers to (a quarantined one never has persons). */
  async delete(tx: Queryable, id: string): Promise<boolean> {
    const { rowCount } = await tx.query('DELETE FROM datasets WHERE id = $1', [id]);
    return rowCount > 0;
  },
};
