/**
 * Preview an uploaded file (C3): the format, encoding and delimiter found, the column names, the first 20
 * rows (any BSN masked, R-43), a suggested mapping with each field's class (ordinary / political), and
 * what the gate says about these columns with that mapping, so refusals show before the import starts.
 * Reading the rows is audited. A file that cannot be read fails its import (error naming the line) and
 * is deleted.
 */
import type { Actor } from '../../domain/access/actor.js';
import { maskBsn } from '../../domain/bsn.js';
import { DomainError } from '../../domain/codes.js';
import {
  classifyHeader,
  FIELD_CLASS,
  type HeaderKind,
  type ImportField,
  type ImportMapping,
  suggestMapping,
} from '../../domain/imports/fields.js';
import { assessDataset, type DatasetAssessment } from '../../domain/imports/gate.js';
import { applyMapping, mappedColumns } from '../../domain/imports/mapping.js';
import type { DataClass } from '../../domain/persons/types.js';
import { datasetsRepo } from '../../storage/datasets-repo.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { failImport, fileError } from './fail-import.js';
import { FILE_PROBLEMS, jobsRepo, openJobTable } from './import-files.js';
import { requireUsableDataset } from './import-refusal.js';

export const PREVIEW_ROWS = 20;

export interface PreviewColumn {
  header: string;
  suggested: ImportField | null;
  /** The field's class when mapped (membership and evidence: political). */
  fieldClass: DataClass | null;
  /** What the column name reveals (political, enrichment, consent flag, BSN …). */
  kinds: HeaderKind[];
}

export interface ImportPreview {
  job: ImportJobRecord;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: { row: number; cells: string[] }[];
  columns: PreviewColumn[];
  suggestedMapping: ImportMapping;
  /** The job's mapping when one was set, else the suggestion. */
  mapping: ImportMapping;
  assessment: DatasetAssessment;
}

export async function previewImport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
  actor: Actor,
  jobId: string,
): Promise<ImportPreview> {
  const who = await importer(d, actor, 'import.preview', { objectType: 'import_job', objectId: jobId });
  const repo = jobsRepo(d);
  const job = await repo.find(d.db, jobId);
  if (!job) throw new DomainError('NOT_FOUND');
  const dataset = await datasetsRepo.find(d.db, job.datasetId);
  if (!dataset) throw new DomainError('NOT_FOUND');
  await requireUsableDataset(d, who, dataset, 'import.preview');

  let headers: string[];
  const rows: { row: number; cells: string[] }[] = [];
  let encoding: string | null = null;
  let delimiter: string | null = null;
  try {
    const t = await openJobTable(d, job);
    headers = t.headers;
    for await (const r of t.rows) {
      rows.push({
        row: r.row,
        cells: r.cells.slice(0, Math.max(headers.length, r.cells.length)).map(maskBsn),
      });
      if (rows.length >= PREVIEW_ROWS) break;
    }
    await t.rows.return(undefined);
    encoding = t.format === 'csv' ? (t.encoding() ?? 'utf-8') : null;
    delimiter = t.delimiter();
  } catch (e) {
    const err = fileError(e);
    if (err && FILE_PROBLEMS.has(err.code)) {
      await failImport(d, job, who, err);
      throw new DomainError(err.code, err.details);
    }
    throw e;
  }

  const now = d.now();
  await d.db.transaction(async (tx) => {
    await repo.setPreview(tx, job.id, { encoding, delimiter, headers }, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'import.previewed',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'import_job',
          objectId: job.id,
          data: { datasetId: job.datasetId, rowsShown: rows.length, columns: headers.length },
        },
      ],
      now,
    );
  });
  const suggestedMapping = suggestMapping(headers);
  const mapping = job.mapping ? applyMapping(headers, job.mapping) : suggestedMapping;
  return {
    job: (await repo.find(d.db, job.id))!,
    format: job.format,
    encoding,
    delimiter,
    headers,
    rows,
    columns: headers.map((h) => {
      const suggested = suggestedMapping[h] ?? null;
      return {
        header: h,
        suggested,
        fieldClass: suggested ? FIELD_CLASS[suggested] : null,
        kinds: classifyHeader(h),
      };
    }),
    suggestedMapping,
    mapping,
    assessment: assessDataset(dataset.questionnaire, mappedColumns(headers, mapping)),
  };
}
