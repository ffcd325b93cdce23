/**
 * Set the column mapping of an import before it starts (C3): validated against the file's columns, and
 * put through the gate with the dataset's questionnaire, whose verdict is returned so the screen can show
 * a refusal before the import is started.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { assessDataset, type DatasetAssessment } from '../../domain/imports/gate.js';
import { mappedColumns } from '../../domain/imports/mapping.js';
import { datasetsRepo } from '../../storage/datasets-repo.js';
import type { ImportJobRecord } from '../../storage/import-jobs-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { jobsRepo, readJobHeaders } from './import-files.js';
import { type MappingChoice, resolveMapping } from './resolve-mapping.js';

export async function setImportMapping(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring'>,
  actor: Actor,
  jobId: string,
  choice: MappingChoice,
): Promise<{ job: ImportJobRecord; assessment: DatasetAssessment }> {
  const who = await importer(d, actor, 'import.set_mapping', { objectType: 'import_job', objectId: jobId });
  const repo = jobsRepo(d);
  const found = await repo.find(d.db, jobId);
  if (!found) throw new DomainError('NOT_FOUND');
  const headers = await readJobHeaders(d, found, who);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const job = await repo.find(tx, jobId, { lock: true });
    if (!job) throw new DomainError('NOT_FOUND');
    if (job.status !== 'uploaded' && job.status !== 'previewed') {
      throw new DomainError('IMPORT_NOT_STARTABLE', { status: job.status });
    }
    const dataset = await datasetsRepo.find(tx, job.datasetId);
    if (!dataset) throw new DomainError('NOT_FOUND');
    const { mapping, name } = await resolveMapping(tx, headers, choice, job.mapping, job.mappingName);
    if (job.headers === null)
      await repo.setPreview(tx, job.id, { encoding: null, delimiter: null, headers }, now);
    await repo.setMapping(tx, job.id, mapping, name, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'import.mapping_set',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'import_job',
          objectId: job.id,
          data: { fields: Object.values(mapping).filter((f) => f !== null), mappingName: name },
        },
      ],
      now,
    );
    return {
      job: (await repo.find(tx, job.id))!,
      assessment: assessDataset(dataset.questionnaire, mappedColumns(headers, mapping)),
    };
  });
}
