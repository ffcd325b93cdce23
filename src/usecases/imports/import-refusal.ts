/**
 * Refusals of the import capability report every applicable reason (Appendix C.0): the first is the
 * error code, all are in `details.reasons`. Each is audited in its own transaction, so the entry survives
 * the refusal that follows.
 */
import type { AuditEventType } from '../../domain/audit-events.js';
import { type Code, DomainError } from '../../domain/codes.js';
import type { DatasetRecord } from '../../storage/datasets-repo.js';
import type { Deps } from '../deps.js';
import type { Importer } from './authorize-imports.js';

export async function refuseImport(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  who: Pick<Importer, 'actorType' | 'actorId'>,
  what: {
    type: Extract<AuditEventType, 'import.refused' | 'dataset.refused'>;
    reasons: readonly Code[];
    objectType: 'dataset' | 'import_job';
    objectId: string;
    action: string;
    details?: Record<string, unknown>;
  },
): Promise<never> {
  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [
        {
          type: what.type,
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: what.objectType,
          objectId: what.objectId,
          data: { codes: [...what.reasons], action: what.action },
        },
      ],
      d.now(),
    ),
  );
  throw new DomainError(what.reasons[0]!, { reasons: [...what.reasons], ...what.details });
}

/** A dataset may be used only when active: refused datasets with their reasons, quarantine UNVERIFIED_DATASET. */
export async function requireUsableDataset(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  who: Pick<Importer, 'actorType' | 'actorId'>,
  dataset: DatasetRecord,
  action: string,
): Promise<void> {
  if (dataset.status === 'active') return;
  await refuseImport(d, who, {
    type: 'import.refused',
    reasons: dataset.status === 'quarantine' ? ['UNVERIFIED_DATASET'] : dataset.reasons,
    objectType: 'dataset',
    objectId: dataset.id,
    action,
    details: {
      datasetId: dataset.id,
      datasetStatus: dataset.status,
      ...(dataset.status === 'quarantine' ? { missingProvenance: dataset.missingProvenance } : {}),
    },
  });
}
