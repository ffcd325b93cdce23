/**
 * Import jobs (C3): the uploaded file (name encrypted, contents encrypted on disk with a per-file key that
 * is encrypted here), the format found, the mapping, status, counts and the checkpoint of rows committed.
 * `commitChunk` moves the checkpoint only from the value the runner saw, so two runners can never both
 * commit the same rows.
 */
import type { Code } from '../domain/codes.js';
import type { ImportMapping } from '../domain/imports/fields.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export const IMPORT_STATUSES = [
  'uploaded',
  'previewed',
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'refused',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportCounts {
  read: number;
  inserted: number;
  duplicates: number;
  suppressed: number;
  rejected: number;
}

export interface ImportJobRecord {
  id: string;
  datasetId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  sizeBytes: number;
  filePath: string | null;
  encoding: string | null;
  delimiter: string | null;
  headers: string[] | null;
  totalRows: number | null;
  mapping: ImportMapping | null;
  mappingName: string | null;
  status: ImportStatus;
  errorCode: Code | null;
  errorDetails: Record<string, unknown> | null;
  refusalCodes: Code[];
  counts: ImportCounts;
  checkpoint: number;
  runner: string | null;
  heartbeatAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface Row {
  id: string;
  dataset_id: string;
  file_name_enc: string;
  file_format: 'csv' | 'xlsx';
  sha256: string;
  size_bytes: number | string;
  file_path: string | null;
  encoding: string | null;
  delimiter: string | null;
  headers: string[] | string | null;
  total_rows: number | null;
  mapping: ImportMapping | string | null;
  mapping_name: string | null;
  status: ImportStatus;
  error_code: Code | null;
  error_details: Record<string, unknown> | string | null;
  refusal_codes: Code[];
  rows_read: number;
  inserted: number;
  duplicates: number;
  suppressed: number;
  rejected: number;
  checkpoint: number;
  runner: string | null;
  heartbeat_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLS = `id, dataset_id, file_name_enc, file_format, sha256, size_bytes, file_path, encoding, delimiter,
  headers, total_rows, mapping, mapping_name, status, error_code, error_details, refusal_codes, rows_read,
  inserted, duplicates, suppressed, rejected, checkpoint, runner, heartbeat_at, created_by, created_at,
  updated_at, started_at, finished_at`;

const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export interface NewImportJob {
  id: string;
  datasetId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  sizeBytes: number;
  filePath: string;
  fileKey: Buffer;
  createdBy: string | null;
}

export class ImportJobsRepo {
  constructor(private readonly keyring: Keyring) {}

  private toRecord(r: Row): ImportJobRecord {
    return {
      id: r.id,
      datasetId: r.dataset_id,
      fileName: this.keyring.decrypt(r.file_name_enc, 'import_jobs.file_name'),
      format: r.file_format,
      sha256: r.sha256,
      sizeBytes: Number(r.size_bytes),
      filePath: r.file_path,
      encoding: r.encoding,
      delimiter: r.delimiter,
      headers: json<string[]>(r.headers),
      totalRows: r.total_rows,
      mapping: json<ImportMapping>(r.mapping),
      mappingName: r.mapping_name,
      status: r.status,
      errorCode: r.error_code,
      errorDetails: json<Record<string, unknown>>(r.error_details),
      refusalCodes: r.refusal_codes,
      counts: {
        read: r.rows_read,
        inserted: r.inserted,
        duplicates: r.duplicates,
        suppressed: r.suppressed,
        rejected: r.rejected,
      },
      checkpoint: r.checkpoint,
      runner: r.runner,
      heartbeatAt: r.heartbeat_at,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
    };
  }

  async insert(tx: Queryable, j: NewImportJob, now: Date): Promise<ImportJobRecord> {
    const k = this.keyring;
    const { rows } = await tx.query<Row>(
      `INSERT INTO import_jobs (id, dataset_id, file_name_enc, file_format, sha256, size_bytes, file_path,
          file_key_enc, status, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'uploaded', $9, $10, $10) RETURNING ${COLS}`,
      [
        j.id,
        j.datasetId,
        k.encrypt(j.fileName, 'import_jobs.file_name'),
        j.format,
        j.sha256,
        j.sizeBytes,
        j.filePath,
        k.encrypt(j.fileKey.toString('base64'), 'import_jobs.file_key'),
        j.createdBy,
        now,
      ],
    );
    return this.toRecord(rows[0]!);
  }

  async find(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ImportJobRecord | null> {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLS} FROM import_jobs WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** The per-file key of a job whose file still exists. */
  async fileKey(tx: Queryable, id: string): Promise<Buffer | null> {
    const { rows } = await tx.query<{ file_key_enc: string | null }>(
      'SELECT file_key_enc FROM import_jobs WHERE id = $1',
      [id],
    );
    const enc = rows[0]?.file_key_enc;
    return enc ? Buffer.from(this.keyring.decrypt(enc, 'import_jobs.file_key'), 'base64') : null;
  }

  async list(tx: Queryable, datasetId: string | null, limit: number): Promise<ImportJobRecord[]> {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLS} FROM import_jobs ${datasetId ? 'WHERE dataset_id = $2' : ''}
        ORDER BY created_at DESC, id LIMIT $1`,
      datasetId ? [limit, datasetId] : [limit],
    );
    return rows.map((r) => this.toRecord(r));
  }

  /** An unfinished job of the same dataset and file: uploading it again resumes it instead. */
  async findUnfinished(tx: Queryable, datasetId: string, sha256: string): Promise<ImportJobRecord | null> {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLS} FROM import_jobs
        WHERE dataset_id = $1 AND sha256 = $2 AND file_path IS NOT NULL
          AND status IN ('uploaded', 'previewed', 'queued', 'running')
        ORDER BY created_at DESC LIMIT 1`,
      [datasetId, sha256],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** Jobs that should be running: queued or running (to resume after a restart). */
  async active(tx: Queryable): Promise<ImportJobRecord[]> {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLS} FROM import_jobs WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map((r) => this.toRecord(r));
  }

  async setPreview(
    tx: Queryable,
    id: string,
    p: { encoding: string | null; delimiter: string | null; headers: string[] },
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE import_jobs SET encoding = $2, delimiter = $3, headers = $4::jsonb,
          status = CASE WHEN status = 'uploaded' THEN 'previewed' ELSE status END, updated_at = $5
        WHERE id = $1`,
      [id, p.encoding, p.delimiter, JSON.stringify(p.headers), now],
    );
  }

  async setMapping(
    tx: Queryable,
    id: string,
    mapping: ImportMapping,
    mappingName: string | null,
    now: Date,
  ): Promise<void> {
    await tx.query(
      'UPDATE import_jobs SET mapping = $2::jsonb, mapping_name = $3, updated_at = $4 WHERE id = $1',
      [id, JSON.stringify(mapping), mappingName, now],
    );
  }

  async setStatus(
    tx: Queryable,
    id: string,
    status: ImportStatus,
    now: Date,
    extra: {
      errorCode?: Code | null;
      errorDetails?: Record<string, unknown> | null;
      refusalCodes?: Code[];
    } = {},
  ): Promise<void> {
    await tx.query(
      `UPDATE import_jobs SET status = $2, updated_at = $3,
          error_code = coalesce($4, error_code), error_details = coalesce($5::jsonb, error_details),
          refusal_codes = coalesce($6::text[], refusal_codes)
        WHERE id = $1`,
      [
        id,
        status,
        now,
        extra.errorCode ?? null,
        extra.errorDetails ? JSON.stringify(extra.errorDetails) : null,
        extra.refusalCodes ?? null,
      ],
    );
  }

  /**
   * Take the job for `runner` when it is queued or running with no live runner (the caller decided the
   * previous runner is gone). Returns the job, or null when someone else holds it or it ended.
   */
  async claim(
    tx: Queryable,
    id: string,
    runner: string,
    previousRunner: string | null,
    now: Date,
  ): Promise<ImportJobRecord | null> {
    const { rows } = await tx.query<Row>(
      `UPDATE import_jobs SET status = 'running', runner = $2, heartbeat_at = $4,
          started_at = coalesce(started_at, $4), updated_at = $4
        WHERE id = $1 AND status IN ('queued', 'running') AND runner IS NOT DISTINCT FROM $3
        RETURNING ${COLS}`,
      [id, runner, previousRunner, now],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** The pre-pass counted the rows (for progress) and checked the file. */
  async setTotal(
    tx: Queryable,
    id: string,
    runner: string,
    found: { totalRows: number; encoding: string | null; delimiter: string | null },
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE import_jobs SET total_rows = $3, encoding = coalesce($4, encoding), delimiter = coalesce($5, delimiter),
          heartbeat_at = $6, updated_at = $6
        WHERE id = $1 AND runner = $2`,
      [id, runner, found.totalRows, found.encoding, found.delimiter, now],
    );
  }

  /**
   * Lock the job row for a chunk's transaction and check it is still ours, running and at `checkpoint`.
   * Returns false when another runner took over or the job was cancelled.
   */
  async lockForChunk(tx: Queryable, id: string, runner: string, checkpoint: number): Promise<boolean> {
    const { rows } = await tx.query<{ status: ImportStatus; runner: string | null; checkpoint: number }>(
      'SELECT status, runner, checkpoint FROM import_jobs WHERE id = $1 FOR UPDATE',
      [id],
    );
    const r = rows[0];
    return !!r && r.status === 'running' && r.runner === runner && r.checkpoint === checkpoint;
  }

  /** Add a chunk's counts and move the checkpoint (in the chunk's transaction, after lockForChunk). */
  async commitChunk(
    tx: Queryable,
    id: string,
    delta: ImportCounts,
    checkpoint: number,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE import_jobs SET rows_read = rows_read + $2, inserted = inserted + $3, duplicates = duplicates + $4,
          suppressed = suppressed + $5, rejected = rejected + $6, checkpoint = $7, heartbeat_at = $8, updated_at = $8
        WHERE id = $1`,
      [id, delta.read, delta.inserted, delta.duplicates, delta.suppressed, delta.rejected, checkpoint, now],
    );
  }

  async heartbeat(tx: Queryable, id: string, runner: string, now: Date): Promise<void> {
    await tx.query('UPDATE import_jobs SET heartbeat_at = $3 WHERE id = $1 AND runner = $2', [
      id,
      runner,
      now,
    ]);
  }

  /** End the job: final status, the file forgotten (path and key), the runner released. */
  async finish(
    tx: Queryable,
    id: string,
    status: Extract<ImportStatus, 'done' | 'failed' | 'cancelled' | 'refused'>,
    now: Date,
    error: { code: Code; details: Record<string, unknown> } | null = null,
  ): Promise<void> {
    await tx.query(
      `UPDATE import_jobs SET status = $2, finished_at = $3, updated_at = $3, file_path = NULL, file_key_enc = NULL,
          runner = NULL, error_code = $4, error_details = $5::jsonb
        WHERE id = $1`,
      [id, status, now, error?.code ?? null, error ? JSON.stringify(error.details) : null],
    );
  }

  /** Files of jobs of a dataset (to delete them with it). */
  async filePaths(tx: Queryable, datasetId: string): Promise<string[]> {
    const { rows } = await tx.query<{ file_path: string }>(
      'SELECT file_path FROM import_jobs WHERE dataset_id = $1 AND file_path IS NOT NULL',
      [datasetId],
    );
    return rows.map((r) => r.file_path);
  }

  /** Jobs with a file that were never started and are older than `before` (abandoned uploads). */
  async abandonedBefore(tx: Queryable, before: Date): Promise<{ id: string; filePath: string }[]> {
    const { rows } = await tx.query<{ id: string; file_path: string }>(
      `SELECT id, file_path FROM import_jobs
        WHERE status IN ('uploaded', 'previewed') AND file_path IS NOT NULL AND updated_at < $1`,
      [before],
    );
    return rows.map((r) => ({ id: r.id, filePath: r.file_path }));
  }
}
