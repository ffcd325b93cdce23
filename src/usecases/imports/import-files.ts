/**
 * Shared steps of the import use cases around the job's file: the repository (it needs the keyring for
 * the encrypted file name and key), opening the stored file as a table, and deleting it.
 */
import { DomainError } from '../../domain/codes.js';
import type { TextEncoding } from '../../files/decode.js';
import { deleteImportFile, openImportFile } from '../../files/import-files.js';
import { openTable, type Table } from '../../files/table.js';
import { type ImportJobRecord, ImportJobsRepo } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { failImport, fileError } from './fail-import.js';

/** The largest upload accepted (the route's body limit is the same). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export const jobsRepo = (d: Pick<Deps, 'keyring'>) => new ImportJobsRepo(d.keyring);

/** Open the job's stored file as a table (header checked); the encoding and delimiter found earlier win. */
export async function openJobTable(
  d: Pick<Deps, 'db' | 'keyring' | 'config'>,
  job: ImportJobRecord,
  opts: { encoding?: TextEncoding | null; delimiter?: string | null } = {},
): Promise<Table> {
  if (job.filePath === null) throw new DomainError('IMPORT_FILE_GONE');
  const key = await jobsRepo(d).fileKey(d.db, job.id);
  if (!key) throw new DomainError('IMPORT_FILE_GONE');
  let input: ReturnType<typeof openImportFile>;
  try {
    input = openImportFile(d.config.dataDir, job.filePath, key);
  } catch {
    throw new DomainError('IMPORT_FILE_GONE');
  }
  return openTable(input, job.format, opts);
}

/**
 * Read only the header row of the job's file. A file that cannot be read fails its import (the error
 * names the line) and is deleted; the error is rethrown.
 */
export async function readJobHeaders(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'config'>,
  job: ImportJobRecord,
  who: { actorType: 'user' | 'token' | 'operator' | 'system'; actorId: string | null },
): Promise<string[]> {
  if (job.headers) return job.headers;
  try {
    const t = await openJobTable(d, job);
    await t.rows.return(undefined);
    return t.headers;
  } catch (e) {
    const err = fileError(e);
    if (err && FILE_PROBLEMS.has(err.code)) {
      await failImport(d, job, who, err);
      throw new DomainError(err.code, err.details);
    }
    throw e;
  }
}

export function removeJobFile(d: Pick<Deps, 'config'>, filePath: string | null): void {
  if (filePath) deleteImportFile(d.config.dataDir, filePath);
}

/** Whether an error is about the file's contents (the file cannot be imported as it is). */
export const FILE_PROBLEMS = new Set([
  'IMPORT_FILE_EMPTY',
  'IMPORT_FILE_UNSUPPORTED',
  'CSV_MALFORMED',
  'CSV_ENCODING_INVALID',
  'CSV_ONE_COLUMN',
  'IMPORT_HEADER_MISSING',
  'IMPORT_HEADER_DUPLICATE',
  'IMPORT_HEADER_EMPTY',
  'IMPORT_TOO_MANY_COLUMNS',
  'XLSX_UNREADABLE',
  'IMPORT_FILE_CHANGED',
  'VALIDATION_FAILED',
]);
