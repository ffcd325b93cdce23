/**
 * Record a dataset with its provenance questionnaire and put it through the gate (C3; ):
 * every dataset is recorded, with its status, reasons and obligations, and audited. A refused dataset is
 * refused: the error carries every reason (and the new dataset's id); a dataset without a complete
 * provenance record is created in quarantine, usable by no one until the record is completed.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { assessDataset } from '../../domain/imports/gate.js';
import { ORIGIN_INFO } from '../../domain/imports/origins.js';
import { type DatasetRecord, datasetsRepo } from '../../storage/datasets-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import {
  parseOrFail,
  type QuestionnaireInput,
  questionnaireSchema,
  toQuestionnaire,
} from './dataset-input.js';

export async function createDataset(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: QuestionnaireInput,
): Promise<DatasetRecord> {
  const who = await importer(d, actor, 'dataset.create');
  const parsed = parseOrFail(questionnaireSchema, input);
  const questionnaire = toQuestionnaire(parsed);
  const assessment = assessDataset(
    questionnaire,
    parsed.columns.map((header) => ({ header, field: null })),
  );
  const now = d.now();
  const dataset = await d.db.transaction(async (tx) => {
    const ds = await datasetsRepo.insert(
      tx,
      {
        questionnaire,
        sourceKind: ORIGIN_INFO[questionnaire.origin].sourceKind,
        status: assessment.status,
        reasons: assessment.reasons,
        obligations: assessment.obligations,
        missingProvenance: assessment.missingProvenance,
      },
      who.userId,
      now,
    );
    const base = { actorType: who.actorType, actorId: who.actorId, objectType: 'dataset', objectId: ds.id };
    await d.audit.append(
      tx,
      [
        {
          ...base,
          type: 'dataset.created',
          data: {
            origin: questionnaire.origin,
            status: ds.status,
            reasons: ds.reasons,
            obligations: ds.obligations,
            missingProvenance: ds.missingProvenance,
          },
        },
        ...(ds.status === 'refused'
          ? [
              {
                ...base,
                type: 'dataset.refused' as const,
                data: { codes: ds.reasons, action: 'dataset.create' },
              },
            ]
          : []),
      ],
      now,
    );
    return ds;
  });
  if (dataset.status === 'refused') {
    throw new DomainError(dataset.reasons[0]!, {
      reasons: dataset.reasons,
      datasetId: dataset.id,
      columns: assessment.columns,
    });
  }
  return dataset;
}
