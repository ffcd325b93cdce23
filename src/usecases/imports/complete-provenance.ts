/**
 * Complete a dataset's provenance record: the only way out of quarantine. The gate decides
 * again on the completed questionnaire; no role, the administrator included, can release a dataset
 * whose record is still incomplete (UNVERIFIED_DATASET, audited, naming what is missing). A refused
 * dataset stays refused: its reasons are reported again.
 */
import type { Actor } from '../../domain/access/actor.js';
import { type Code, DomainError } from '../../domain/codes.js';
import { assessDataset } from '../../domain/imports/gate.js';
import { ORIGIN_INFO } from '../../domain/imports/origins.js';
import { type DatasetRecord, datasetsRepo } from '../../storage/datasets-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { type ProvenanceInput, parseOrFail, provenanceSchema } from './dataset-input.js';
import { refuseImport } from './import-refusal.js';

export async function completeDatasetProvenance(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  datasetId: string,
  input: ProvenanceInput,
): Promise<DatasetRecord> {
  const object = { objectType: 'dataset', objectId: datasetId };
  const who = await importer(d, actor, 'dataset.complete_provenance', object);
  const provenance = parseOrFail(provenanceSchema.strict(), input);
  const now = d.now();
  const outcome = await d.db.transaction(async (tx) => {
    const ds = await datasetsRepo.find(tx, datasetId, { lock: true });
    if (!ds) throw new DomainError('NOT_FOUND');
    if (ds.status === 'refused') return { refused: ds.reasons, missing: [] as string[] };
    // Origin, name and what the dataset declared it holds are facts of the delivery: not changed here.
    const questionnaire = { ...ds.questionnaire, ...provenance };
    const a = assessDataset(questionnaire);
    const updated = await datasetsRepo.update(
      tx,
      ds.id,
      {
        questionnaire,
        sourceKind: ORIGIN_INFO[questionnaire.origin].sourceKind,
        status: a.status,
        reasons: a.reasons,
        obligations: a.obligations,
        missingProvenance: a.missingProvenance,
      },
      now,
    );
    if (a.status !== 'active') return { refused: a.reasons, missing: a.missingProvenance as string[] };
    await d.audit.append(
      tx,
      [
        {
          type: 'dataset.provenance_completed',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { previousStatus: ds.status, status: updated.status, obligations: updated.obligations },
        },
      ],
      now,
    );
    return updated;
  });
  if ('refused' in outcome) {
    return refuseImport(d, who, {
      type: 'dataset.refused',
      reasons: outcome.refused as Code[],
      objectType: 'dataset',
      objectId: datasetId,
      action: 'dataset.complete_provenance',
      details: { datasetId, missingProvenance: outcome.missing },
    });
  }
  return outcome;
}
