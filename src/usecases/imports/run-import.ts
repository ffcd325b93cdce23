/**
 * Run an import (C3): the job-queue handler in the server, called inline by the CLI, and what a restart
 * resumes. Two passes over the stored file, both streaming in bounded memory:
 *
 * 1. a check of the whole file (structure, encoding, row count for progress, the file's hash) before any
 *    row is written: a malformed file fails the import naming the line, with nothing written;
 * 2. chunks of CHUNK_ROWS rows, each in ONE transaction with its persons, memberships, row results,
 *    audit events and the checkpoint (importChunk). A crash loses at most the open chunk; the next run
 *    skips the rows up to the checkpoint, so nothing is imported twice.
 *
 * The job is claimed first (only one runner at a time, see import-runner.ts); a cancelled job stops at
 * the next chunk. At the end the uploaded file is deleted.
 */
import { createHash } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { DomainError } from '../../domain/codes.js';
import { normalizeHeader } from '../../domain/imports/fields.js';
import { assessDataset } from '../../domain/imports/gate.js';
import { mappedColumns, planImport } from '../../domain/imports/mapping.js';
import { ORIGIN_INFO } from '../../domain/imports/origins.js';
import type { TextEncoding } from '../../files/decode.js';
import { openImportFile } from '../../files/import-files.js';
import { openTable, type TableRow } from '../../files/table.js';
import { branchesRepo } from '../../storage/branches-repo.js';
import { datasetsRepo } from '../../storage/datasets-repo.js';
import type { ImportCounts, ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { failImport, fileError } from './fail-import.js';
import { type ChunkContext, importChunk, type PreparedChunk, prepareChunk } from './import-chunk.js';
import { FILE_PROBLEMS, jobsRepo, removeJobFile } from './import-files.js';
import { newRunnerId, runnerAlive, runningHere } from './import-runner.js';

export const CHUNK_ROWS = 1000;
const HEARTBEAT_MS = 10_000;

export interface ImportProgress {
  jobId: string;
  phase: 'checking' | 'importing' | 'done';
  /** Data rows in the file (known after the check). */
  total: number | null;
  counts: ImportCounts;
}

export interface RunImportOptions {
  chunkRows?: number;
  onProgress?: (p: ImportProgress) => void;
}

type RunDeps = Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring' | 'persons' | 'suppression'>;

const SYSTEM = { actorType: 'system' as const, actorId: null };

/** Run (or resume) the import; returns the job as it ended, or null when another runner holds it. */
export async function runImport(
  d: RunDeps,
  jobId: string,
  opts: RunImportOptions = {},
): Promise<ImportJobRecord | null> {
  if (runningHere.has(jobId)) return null;
  runningHere.add(jobId);
  try {
    return await run(d, jobId, opts);
  } finally {
    runningHere.delete(jobId);
  }
}

async function run(d: RunDeps, jobId: string, opts: RunImportOptions): Promise<ImportJobRecord | null> {
  const repo = jobsRepo(d);
  const runner = newRunnerId();
  const seen = await repo.find(d.db, jobId);
  if (!seen) throw new DomainError('NOT_FOUND');
  if (seen.status !== 'queued' && seen.status !== 'running') return seen;
  if (seen.status === 'running' && runnerAlive(seen.runner, seen.heartbeatAt, d.now())) return null;
  const job = await d.db.transaction((tx) => repo.claim(tx, jobId, runner, seen.runner, d.now()));
  if (!job) return null;

  const dataset = await datasetsRepo.find(d.db, job.datasetId);
  if (dataset?.status !== 'active' || !job.mapping || !job.headers) {
    await failImport(d, job, SYSTEM, {
      code:
        dataset && dataset.status !== 'active'
          ? (dataset.reasons[0] ?? 'UNVERIFIED_DATASET')
          : 'IMPORT_NOT_STARTABLE',
      details: { reasons: dataset?.reasons ?? [] },
    });
    return repo.find(d.db, jobId);
  }
  const counts = { ...job.counts };
  const progress = (phase: ImportProgress['phase'], total: number | null) =>
    opts.onProgress?.({ jobId, phase, total, counts: { ...counts } });

  // Pass 1: check the whole file before anything is written (skipped when resuming after a checkpoint).
  let total = job.totalRows;
  let encoding = (job.encoding as TextEncoding | null) ?? null;
  let delimiter = job.delimiter;
  if (total === null || job.checkpoint === 0) {
    progress('checking', null);
    try {
      const checked = await checkFile(d, job, runner);
      total = checked.rows;
      encoding = checked.encoding;
      delimiter = checked.delimiter;
      await repo.setTotal(d.db, jobId, runner, { totalRows: total, encoding, delimiter }, d.now());
    } catch (e) {
      const err = fileError(e);
      if (err && FILE_PROBLEMS.has(err.code)) {
        await failImport(d, job, SYSTEM, err);
        return repo.find(d.db, jobId);
      }
      throw e;
    }
  }

  // Pass 2: the rows, chunk by chunk, after the checkpoint.
  const branches = await branchesRepo.list(d.db);
  const origin = ORIGIN_INFO[dataset.questionnaire.origin];
  const columns = mappedColumns(job.headers, job.mapping);
  const ctx: ChunkContext = {
    jobId,
    datasetId: dataset.id,
    origin,
    plan: planImport(job.headers, job.mapping),
    rowContext: {
      now: d.now(),
      branches: new Map(branches.map((b) => [normalizeHeader(b.name), b.id])),
      // political columns from a public source need the 9(2)(e) evidence on every row.
      evidenceRequired:
        dataset.questionnaire.origin === 'PUBLIC_SOURCE' &&
        assessDataset(
          dataset.questionnaire,
          columns.filter((c) => c.field !== 'publicEvidenceUrl'),
        ).reasons.includes('NOT_MANIFESTLY_PUBLIC'),
    },
    // the art 14 clock runs from when the party obtained data not collected from the person (now);
    // data the party collected itself keep the collection date of the dataset when it is known.
    collectedAt: origin.fromSubject
      ? (collectionDate(dataset.questionnaire.collectedUntil) ?? d.now())
      : d.now(),
    actor: SYSTEM,
  };
  let checkpoint = job.checkpoint;
  const chunkRows = opts.chunkRows ?? CHUNK_ROWS;
  progress('importing', total);
  const key = await repo.fileKey(d.db, jobId);
  if (!key || !job.filePath) {
    await failImport(d, job, SYSTEM, { code: 'IMPORT_FILE_GONE', details: {} });
    return repo.find(d.db, jobId);
  }
  const table = await openTable(openImportFile(d.config.dataDir, job.filePath, key), job.format, {
    encoding,
    delimiter,
  });
  let skipped = 0;
  let chunk: TableRow[] = [];
  const commit = async (prepared: PreparedChunk): Promise<boolean> => {
    const now = d.now();
    const ok = await d.db.transaction(async (tx) => {
      if (!(await repo.lockForChunk(tx, jobId, runner, checkpoint))) return null;
      const delta = await importChunk(d, tx, ctx, prepared, now);
      await repo.commitChunk(tx, jobId, delta, checkpoint + prepared.counts.read, now);
      return delta;
    });
    if (ok === null) return false;
    checkpoint += prepared.counts.read;
    for (const k of Object.keys(counts) as (keyof ImportCounts)[]) counts[k] += ok[k];
    progress('importing', total);
    return true;
  };
  // Chunk n commits while chunk n+1 is read and validated; commits stay strictly one after another.
  let inflight: Promise<boolean> | null = null;
  let failure: unknown = null;
  const settle = async (): Promise<boolean> => {
    const ok = inflight ? await inflight : true;
    inflight = null;
    if (failure !== null) throw failure;
    return ok;
  };
  const send = async (rows: TableRow[]): Promise<boolean> => {
    const prepared = prepareChunk(d, ctx, rows);
    if (!(await settle())) return false;
    inflight = commit(prepared).catch((e: unknown) => {
      failure = e;
      return false;
    });
    return true;
  };
  try {
    for await (const r of table.rows) {
      if (skipped < job.checkpoint) {
        skipped++;
        continue;
      }
      chunk.push(r);
      if (chunk.length >= chunkRows) {
        const rows = chunk;
        chunk = [];
        if (!(await send(rows))) return repo.find(d.db, jobId);
      }
    }
    if (chunk.length > 0 && !(await send(chunk))) return repo.find(d.db, jobId);
    if (!(await settle())) return repo.find(d.db, jobId);
  } catch (e) {
    // Let a chunk still committing finish first (its rows and checkpoint are consistent either way).
    await (inflight as Promise<boolean> | null)?.catch(() => false);
    const err = fileError(e);
    if (err && FILE_PROBLEMS.has(err.code)) {
      await failImport(d, job, SYSTEM, err);
      return repo.find(d.db, jobId);
    }
    throw e;
  } finally {
    await table.rows.return(undefined);
  }

  const now = d.now();
  const finished = await d.db.transaction(async (tx) => {
    if (!(await repo.lockForChunk(tx, jobId, runner, checkpoint))) return false;
    await repo.finish(tx, jobId, 'done', now);
    await d.audit.append(
      tx,
      [
        {
          type: 'import.finished',
          ...SYSTEM,
          objectType: 'import_job',
          objectId: jobId,
          data: { datasetId: dataset.id, total, ...counts, obligations: dataset.obligations },
        },
      ],
      now,
    );
    return true;
  });
  if (finished) {
    removeJobFile(d, job.filePath);
    progress('done', total);
  }
  return repo.find(d.db, jobId);
}

function collectionDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T12:00:00Z`) : null;
}

/**
 * Pass 1: read the whole file once — header, every record, the encoding — and compare its hash with the
 * upload's; keep the job's heartbeat fresh meanwhile. Returns the number of data rows.
 */
async function checkFile(
  d: RunDeps,
  job: ImportJobRecord,
  runner: string,
): Promise<{ rows: number; encoding: TextEncoding | null; delimiter: string | null }> {
  const key = await jobsRepo(d).fileKey(d.db, job.id);
  if (!key || !job.filePath) throw new DomainError('IMPORT_FILE_GONE');
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _e, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const source = openImportFile(d.config.dataDir, job.filePath, key);
  const table = await openTable(
    pipeline(source, hashing, () => undefined),
    job.format,
    {
      delimiter: job.delimiter,
    },
  );
  let rows = 0;
  let beat = Date.now();
  for await (const _r of table.rows) {
    rows++;
    if ((rows & 1023) === 0 && Date.now() - beat > HEARTBEAT_MS) {
      beat = Date.now();
      await jobsRepo(d).heartbeat(d.db, job.id, runner, d.now());
    }
  }
  if (hash.digest('hex') !== job.sha256) throw new DomainError('IMPORT_FILE_CHANGED');
  return {
    rows,
    encoding: table.encoding() ?? (job.format === 'csv' ? 'utf-8' : null),
    delimiter: table.delimiter(),
  };
}
