/**
 * Start an import (C3): the dataset must be usable; the mapping is resolved and validated against the
 * file's columns; the gate decides on the dataset's questionnaire with these columns (every reason,
 * Appendix C.0). A refusal ends the import (status refused, file deleted) and, when the reason taints the
 * dataset itself (scraped, a third-party list with political data, consent not naming the party), the
 * dataset too. Otherwise the job is queued: on the job queue when the server runs one, in this process
 * in the background when it does not, or left for the caller to run (`inline`, the CLI with its
 * progress bar).
 */
import type { Actor } from '../../domain/access/actor.js';
import { type Code, DomainError } from '../../domain/codes.js';
import { assessDataset, DATASET_TAINTING_REASONS } from '../../domain/imports/gate.js';
import { mappedColumns } from '../../domain/imports/mapping.js';
import { ORIGIN_INFO } from '../../domain/imports/origins.js';
import { datasetsRepo } from '../../storage/datasets-repo.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { failImport } from './fail-import.js';
import { jobsRepo, readJobHeaders, removeJobFile } from './import-files.js';
import { requireUsableDataset } from './import-refusal.js';
import { IMPORT_RUN_JOB } from './import-runner.js';
import { type MappingChoice, resolveMapping } from './resolve-mapping.js';
import { runImport } from './run-import.js';

export interface StartImportOptions extends MappingChoice {
  /** The caller runs the import itself (CLI); otherwise the queue or a background run in this process. */
  inline?: boolean;
}

type StartDeps = Pick<
  Deps,
  'db' | 'audit' | 'now' | 'config' | 'keyring' | 'persons' | 'suppression' | 'jobs'
>;

export async function startImport(
  d: StartDeps,
  actor: Actor,
  jobId: string,
  opts: StartImportOptions = {},
): Promise<ImportJobRecord> {
  const object = { objectType: 'import_job', objectId: jobId };
  const who = await importer(d, actor, 'import.start', object);
  const repo = jobsRepo(d);
  const found = await repo.find(d.db, jobId);
  if (!found) throw new DomainError('NOT_FOUND');
  const ds = await datasetsRepo.find(d.db, found.datasetId);
  if (!ds) throw new DomainError('NOT_FOUND');
  await requireUsableDataset(d, who, ds, 'import.start');
  if (found.status !== 'uploaded' && found.status !== 'previewed') {
    throw new DomainError('IMPORT_NOT_STARTABLE', { status: found.status });
  }
  const headers = await readJobHeaders(d, found, who);
  const now = d.now();
  type Outcome =
    | { kind: 'unusable' }
    | { kind: 'refused'; reasons: Code[]; columns: Record<string, unknown>; filePath: string | null }
    | { kind: 'queued'; job: ImportJobRecord };
  const outcome = await d.db.transaction(async (tx): Promise<Outcome> => {
    const job = await repo.find(tx, jobId, { lock: true });
    if (!job) throw new DomainError('NOT_FOUND');
    if (job.status !== 'uploaded' && job.status !== 'previewed') {
      throw new DomainError('IMPORT_NOT_STARTABLE', { status: job.status });
    }
    const dataset = await datasetsRepo.find(tx, job.datasetId, { lock: true });
    if (dataset?.status !== 'active') return { kind: 'unusable' };
    const { mapping, name } = await resolveMapping(tx, headers, opts, job.mapping, job.mappingName);
    if (job.headers === null)
      await repo.setPreview(tx, job.id, { encoding: null, delimiter: null, headers }, now);
    await repo.setMapping(tx, job.id, mapping, name, now);
    const a = assessDataset(dataset.questionnaire, mappedColumns(headers, mapping));
    const base = { actorType: who.actorType, actorId: who.actorId, ...object };
    if (a.status !== 'active') {
      const reasons = a.reasons;
      await repo.finish(tx, job.id, 'refused', now, {
        code: reasons[0]!,
        details: { reasons, columns: a.columns },
      });
      await repo.setStatus(tx, job.id, 'refused', now, { refusalCodes: reasons as Code[] });
      const tainting = reasons.filter((r) => DATASET_TAINTING_REASONS.includes(r));
      if (tainting.length > 0) {
        const all = [...new Set([...dataset.reasons, ...reasons])];
        await datasetsRepo.update(
          tx,
          dataset.id,
          {
            questionnaire: dataset.questionnaire,
            sourceKind: ORIGIN_INFO[dataset.questionnaire.origin].sourceKind,
            status: 'refused',
            reasons: all,
            obligations: [],
            missingProvenance: a.missingProvenance,
          },
          now,
        );
      }
      await d.audit.append(
        tx,
        [
          {
            ...base,
            type: 'import.refused',
            data: { codes: reasons, action: 'import.start', columns: a.columns },
          },
          ...(tainting.length
            ? [
                {
                  ...base,
                  type: 'dataset.refused' as const,
                  objectType: 'dataset',
                  objectId: dataset.id,
                  data: { codes: reasons, action: 'import.start', importJobId: job.id },
                },
              ]
            : []),
        ],
        now,
      );
      return { kind: 'refused', reasons, columns: a.columns, filePath: job.filePath };
    }
    await repo.setStatus(tx, job.id, 'queued', now);
    await d.audit.append(
      tx,
      [
        {
          ...base,
          type: 'import.started',
          data: {
            datasetId: dataset.id,
            fields: Object.values(mapping).filter((f) => f !== null),
            mappingName: name,
            obligations: a.obligations,
          },
        },
      ],
      now,
    );
    return { kind: 'queued', job: (await repo.find(tx, job.id))! };
  });
  if (outcome.kind === 'unusable') {
    const latest = await datasetsRepo.find(d.db, found.datasetId);
    if (latest) await requireUsableDataset(d, who, latest, 'import.start');
    throw new DomainError('NOT_FOUND');
  }
  if (outcome.kind === 'refused') {
    removeJobFile(d, outcome.filePath);
    throw new DomainError(outcome.reasons[0]!, { reasons: outcome.reasons, columns: outcome.columns, jobId });
  }
  if (!opts.inline) await launch(d, jobId);
  return outcome.job;
}

/** Hand the job to the queue, or run it in the background in this process when there is no queue. */
export async function launch(d: StartDeps, jobId: string): Promise<void> {
  if (d.jobs) {
    await d.jobs.send(IMPORT_RUN_JOB, { jobId });
    return;
  }
  // No queue (KIESKLUIS_JOBS=false): run here. Nothing retries an unexpected failure in this mode, so the
  // import ends as failed (rows committed so far stay; the error's text is not kept: it may quote data).
  void runImport(d, jobId).catch(async () => {
    const job = await jobsRepo(d)
      .find(d.db, jobId)
      .catch(() => null);
    if (job && (job.status === 'running' || job.status === 'queued')) {
      await failImport(
        d,
        job,
        { actorType: 'system', actorId: null },
        { code: 'INTERNAL_ERROR', details: {} },
      ).catch(() => undefined);
    }
  });
}
