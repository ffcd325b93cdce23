/**
 * End an import because of its file (malformed CSV, unreadable XLSX, a changed file): the job fails with
 * the error naming the line, the file is deleted, nothing else was written; audited.
 */
import { type Code, DomainError } from '../../domain/codes.js';
import { EncryptedFileError } from '../../files/encrypted-file.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { jobsRepo, removeJobFile } from './import-files.js';

export async function failImport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
  job: ImportJobRecord,
  who: { actorType: 'user' | 'token' | 'operator' | 'system'; actorId: string | null },
  error: { code: Code; details: Record<string, unknown> },
): Promise<void> {
  const now = d.now();
  await d.db.transaction(async (tx) => {
    await jobsRepo(d).finish(tx, job.id, 'failed', now, error);
    await d.audit.append(
      tx,
      [
        {
          type: 'import.failed',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'import_job',
          objectId: job.id,
          data: { datasetId: job.datasetId, code: error.code, ...error.details },
        },
      ],
      now,
    );
  });
  removeJobFile(d, job.filePath);
}

/** The error a file problem is reported with. */
export function fileError(e: unknown): { code: Code; details: Record<string, unknown> } | null {
  if (e instanceof DomainError) return { code: e.code, details: e.details ?? {} };
  // The stored file failed its authentication (changed or truncated on disk).
  if (e instanceof EncryptedFileError) return { code: 'IMPORT_FILE_CHANGED', details: {} };
  return null;
}
