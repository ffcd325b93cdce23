/**
 * Exports of frozen audience snapshots (C5, R-34, R-35, R-63) and custom-audience requests,
 * plus the reads of the snapshot tables of migration 008 they start from. The file columns hold sealed
 * ciphertext (the use case encrypts with AAD `exports.file` / `custom_audience_requests.file`).
 */
import type { Queryable } from './db.js';

export const EXPORT_STATUSES = ['requested', 'awaiting_approval', 'approved', 'refused', 'produced'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export interface SnapshotRow {
  id: string;
  audienceId: string;
  activityId: string;
  /** The audience criteria as frozen (AUDIENCES' AudienceCriteria). */
  criteria: unknown;
  createdBy: string | null;
}

export interface ExportRecord {
  id: string;
  snapshotId: string;
  destinationId: string | null;
  activityId: string;
  status: ExportStatus;
  personCount: number;
  excludedCounts: Record<string, number>;
  reasons: string[];
  columns: string[];
  requestedBy: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  refusedBy: string | null;
  fileSha256: string | null;
  downloads: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewExport {
  snapshotId: string;
  destinationId: string | null;
  activityId: string;
  status: ExportStatus;
  personCount: number;
  excludedCounts: Record<string, number>;
  reasons: string[];
  columns: string[];
  requestedBy: string | null;
  fileEnc: string | null;
  fileSha256: string | null;
}

export interface CustomAudienceRecord {
  id: string;
  snapshotId: string;
  destinationId: string | null;
  activityId: string;
  lookalike: boolean;
  status: 'refused' | 'produced';
  includedCount: number;
  excludedCounts: Record<string, number>;
  reasons: string[];
  productRefusals: string[];
  fileSha256: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export type NewCustomAudience = Omit<CustomAudienceRecord, 'id' | 'createdAt' | 'fileSha256'> & {
  fileEnc: string | null;
  fileSha256: string | null;
};

type Row = Record<string, unknown>;

const json = (v: unknown): Record<string, number> =>
  (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, number>;

function toExport(r: Row): ExportRecord {
  return {
    id: r.id as string,
    snapshotId: r.snapshot_id as string,
    destinationId: (r.destination_id as string | null) ?? null,
    activityId: r.activity_id as string,
    status: r.status as ExportStatus,
    personCount: Number(r.person_count),
    excludedCounts: json(r.excluded_counts),
    reasons: (r.reasons as string[]) ?? [],
    columns: (r.columns as string[]) ?? [],
    requestedBy: (r.requested_by as string | null) ?? null,
    approvedBy: (r.approved_by as string | null) ?? null,
    approvedAt: (r.approved_at as Date | null) ?? null,
    refusedBy: (r.refused_by as string | null) ?? null,
    fileSha256: (r.file_sha256 as string | null) ?? null,
    downloads: Number(r.downloads),
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

function toCustom(r: Row): CustomAudienceRecord {
  return {
    id: r.id as string,
    snapshotId: r.snapshot_id as string,
    destinationId: (r.destination_id as string | null) ?? null,
    activityId: r.activity_id as string,
    lookalike: r.lookalike as boolean,
    status: r.status as 'refused' | 'produced',
    includedCount: Number(r.included_count),
    excludedCounts: json(r.excluded_counts),
    reasons: (r.reasons as string[]) ?? [],
    productRefusals: (r.product_refusals as string[]) ?? [],
    fileSha256: (r.file_sha256 as string | null) ?? null,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

const EXPORT_COLS = `id, snapshot_id, destination_id, activity_id, status, person_count, excluded_counts, reasons,
  columns, requested_by, approved_by, approved_at, refused_by, file_sha256, downloads, created_at, updated_at`;
const CUSTOM_COLS = `id, snapshot_id, destination_id, activity_id, lookalike, status, included_count,
  excluded_counts, reasons, product_refusals, file_sha256, created_by, created_at`;

export class ExportsRepo {
  /** A frozen snapshot (migration 008, AUDIENCES). */
  async snapshot(tx: Queryable, id: string): Promise<SnapshotRow | null> {
    const { rows } = await tx.query<Row>(
      'SELECT id, audience_id, activity_id, criteria, created_by FROM audience_snapshots WHERE id = $1',
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      audienceId: r.audience_id as string,
      activityId: r.activity_id as string,
      criteria: typeof r.criteria === 'string' ? JSON.parse(r.criteria) : r.criteria,
      createdBy: (r.created_by as string | null) ?? null,
    };
  }

  /** Tag definitions with their class and proxy risk, for the gate's view of the criteria. */
  async tagCatalogue(
    tx: Queryable,
  ): Promise<
    Map<string, { key: string; dataClass: 'ordinary' | 'political'; proxyRisk: 'none' | 'low' | 'high' }>
  > {
    const { rows } = await tx.query<{
      id: string;
      key: string;
      data_class: 'ordinary' | 'political';
      proxy_risk: 'none' | 'low' | 'high';
    }>("SELECT id, key, data_class, proxy_risk FROM field_definitions WHERE kind = 'tag'");
    return new Map(rows.map((r) => [r.id, { key: r.key, dataClass: r.data_class, proxyRisk: r.proxy_risk }]));
  }

  async snapshotMembers(tx: Queryable, snapshotId: string): Promise<string[]> {
    const { rows } = await tx.query<{ person_id: string }>(
      'SELECT person_id FROM audience_snapshot_members WHERE snapshot_id = $1 ORDER BY person_id',
      [snapshotId],
    );
    return rows.map((r) => r.person_id);
  }

  async insertExport(tx: Queryable, e: NewExport, now: Date): Promise<ExportRecord> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO exports (snapshot_id, destination_id, activity_id, status, person_count, excluded_counts, reasons,
         columns, requested_by, file_enc, file_sha256, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING ${EXPORT_COLS}`,
      [
        e.snapshotId,
        e.destinationId,
        e.activityId,
        e.status,
        e.personCount,
        JSON.stringify(e.excludedCounts),
        e.reasons,
        e.columns,
        e.requestedBy,
        e.fileEnc,
        e.fileSha256,
        now,
      ],
    );
    return toExport(rows[0]!);
  }

  async getExport(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ExportRecord | null> {
    const { rows } = await tx.query<Row>(
      `SELECT ${EXPORT_COLS} FROM exports WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toExport(rows[0]) : null;
  }

  /** Newest first; `requestedBy` null: all. */
  async listExports(tx: Queryable, requestedBy: string | null, limit = 200): Promise<ExportRecord[]> {
    const { rows } = await tx.query<Row>(
      `SELECT ${EXPORT_COLS} FROM exports WHERE ($1::uuid IS NULL OR requested_by = $1)
        ORDER BY created_at DESC, id LIMIT $2`,
      [requestedBy, limit],
    );
    return rows.map(toExport);
  }

  async approveExport(tx: Queryable, id: string, by: string, now: Date): Promise<ExportRecord> {
    const { rows } = await tx.query<Row>(
      `UPDATE exports SET status = 'approved', approved_by = $2, approved_at = $3, updated_at = $3
        WHERE id = $1 RETURNING ${EXPORT_COLS}`,
      [id, by, now],
    );
    return toExport(rows[0]!);
  }

  /** The FG declines: the file is dropped. */
  async declineExport(tx: Queryable, id: string, by: string, now: Date): Promise<ExportRecord> {
    const { rows } = await tx.query<Row>(
      `UPDATE exports SET status = 'refused', refused_by = $2, file_enc = NULL, file_sha256 = NULL,
         reasons = array_append(reasons, 'EXPORT_NEEDS_APPROVAL'), updated_at = $3
        WHERE id = $1 RETURNING ${EXPORT_COLS}`,
      [id, by, now],
    );
    return toExport(rows[0]!);
  }

  async exportFile(tx: Queryable, id: string): Promise<string | null> {
    const { rows } = await tx.query<{ file_enc: string | null }>(
      `UPDATE exports SET downloads = downloads + 1 WHERE id = $1 RETURNING file_enc`,
      [id],
    );
    return rows[0]?.file_enc ?? null;
  }

  async insertCustomAudience(tx: Queryable, c: NewCustomAudience, now: Date): Promise<CustomAudienceRecord> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO custom_audience_requests (snapshot_id, destination_id, activity_id, lookalike, status,
         included_count, excluded_counts, reasons, product_refusals, file_enc, file_sha256, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${CUSTOM_COLS}`,
      [
        c.snapshotId,
        c.destinationId,
        c.activityId,
        c.lookalike,
        c.status,
        c.includedCount,
        JSON.stringify(c.excludedCounts),
        c.reasons,
        c.productRefusals,
        c.fileEnc,
        c.fileSha256,
        c.createdBy,
        now,
      ],
    );
    return toCustom(rows[0]!);
  }

  async getCustomAudience(tx: Queryable, id: string): Promise<CustomAudienceRecord | null> {
    const { rows } = await tx.query<Row>(
      `SELECT ${CUSTOM_COLS} FROM custom_audience_requests WHERE id = $1`,
      [id],
    );
    return rows[0] ? toCustom(rows[0]) : null;
  }

  async customAudienceFile(tx: Queryable, id: string): Promise<string | null> {
    const { rows } = await tx.query<{ file_enc: string | null }>(
      'SELECT file_enc FROM custom_audience_requests WHERE id = $1',
      [id],
    );
    return rows[0]?.file_enc ?? null;
  }

  async listCustomAudiences(
    tx: Queryable,
    createdBy: string | null,
    limit = 200,
  ): Promise<CustomAudienceRecord[]> {
    const { rows } = await tx.query<Row>(
      `SELECT ${CUSTOM_COLS} FROM custom_audience_requests WHERE ($1::uuid IS NULL OR created_by = $1)
        ORDER BY created_at DESC, id LIMIT $2`,
      [createdBy, limit],
    );
    return rows.map(toCustom);
  }
}

export const exportsRepo = new ExportsRepo();
