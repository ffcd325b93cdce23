/**
 * Receive an import file for a dataset (C3): the dataset must be usable (refused datasets and datasets in
 * quarantine are refused before a byte is stored, R-09, R-37); the body is streamed to disk encrypted
 * with a fresh per-file key (bounded memory, a size limit), hashed, and its format sniffed. The same file
 * for the same dataset while an import of it is unfinished returns that import (`resumed`), so a crashed
 * or interrupted import continues instead of starting over. Nothing is kept when anything fails.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { EncryptedFileError, FileTooLargeError } from '../../files/encrypted-file.js';
import { deleteImportFile, saveImportFile } from '../../files/import-files.js';
import { sniffFormat } from '../../files/table.js';
import { MAX_XLSX_BYTES } from '../../files/xlsx-reader.js';
import { datasetsRepo } from '../../storage/datasets-repo.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { IMPORT_MAX_BYTES, jobsRepo } from './import-files.js';
import { requireUsableDataset } from './import-refusal.js';

export interface UploadInput {
  fileName: string;
  body: Readable;
  /** Defaults to IMPORT_MAX_BYTES. */
  maxBytes?: number;
}

// C0 controls and DEL, built from char codes (a regex literal with control characters is a lint error).
const CONTROL_CHARS = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
  'g',
);

/** A file name as shown back: no directories, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(CONTROL_CHARS, '').trim().slice(0, 255);
  return clean || 'import';
}

export async function uploadImportFile(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
  actor: Actor,
  datasetId: string,
  input: UploadInput,
): Promise<{ job: ImportJobRecord; resumed: boolean }> {
  const who = await importer(d, actor, 'import.upload', { objectType: 'dataset', objectId: datasetId });
  const dataset = await datasetsRepo.find(d.db, datasetId);
  if (!dataset) throw new DomainError('NOT_FOUND');
  await requireUsableDataset(d, who, dataset, 'import.upload');

  const id = randomUUID();
  const key = randomBytes(32);
  const maxBytes = input.maxBytes ?? IMPORT_MAX_BYTES;
  let saved: Awaited<ReturnType<typeof saveImportFile>>;
  try {
    saved = await saveImportFile(d.config.dataDir, id, input.body, key, maxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError)
      throw new DomainError('IMPORT_FILE_TOO_LARGE', { limitBytes: maxBytes });
    if (e instanceof EncryptedFileError) throw new DomainError('VALIDATION_FAILED', { problem: e.message });
    throw e;
  }
  const repo = jobsRepo(d);
  try {
    if (saved.bytes === 0) throw new DomainError('IMPORT_FILE_EMPTY');
    const format = sniffFormat(saved.head);
    if (format === 'xlsx' && saved.bytes > MAX_XLSX_BYTES) {
      throw new DomainError('IMPORT_FILE_TOO_LARGE', { limitBytes: MAX_XLSX_BYTES, format, hint: 'csv' });
    }
    const now = d.now();
    const result = await d.db.transaction(async (tx) => {
      const ds = await datasetsRepo.find(tx, datasetId, { lock: true });
      if (ds?.status !== 'active') return null;
      const existing = await repo.findUnfinished(tx, datasetId, saved.sha256);
      const job =
        existing ??
        (await repo.insert(
          tx,
          {
            id,
            datasetId,
            fileName: cleanFileName(input.fileName),
            format,
            sha256: saved.sha256,
            sizeBytes: saved.bytes,
            filePath: saved.relPath,
            fileKey: key,
            createdBy: who.userId,
          },
          now,
        ));
      await d.audit.append(
        tx,
        [
          {
            type: 'import.uploaded',
            actorType: who.actorType,
            actorId: who.actorId,
            objectType: 'import_job',
            objectId: job.id,
            data: {
              datasetId,
              format,
              sizeBytes: saved.bytes,
              sha256: saved.sha256,
              resumed: existing !== null,
            },
          },
        ],
        now,
      );
      return { job, resumed: existing !== null };
    });
    if (result === null) {
      // The dataset changed status while the file came in: report why, keep nothing.
      deleteImportFile(d.config.dataDir, saved.relPath);
      const ds = await datasetsRepo.find(d.db, datasetId);
      if (!ds) throw new DomainError('NOT_FOUND');
      await requireUsableDataset(d, who, ds, 'import.upload');
    }
    if (result!.resumed) deleteImportFile(d.config.dataDir, saved.relPath);
    return result!;
  } catch (e) {
    deleteImportFile(d.config.dataDir, saved.relPath);
    throw e;
  }
}
