/**
 * Request a CSV export of a frozen audience snapshot to a destination (C5; ).
 * The destination must be a registered, vetted processor with a complete agreement (and a transfer
 * mechanism outside the EEA): otherwise the export is refused with every reason. Each person is decided
 * by the legal gate; those refused are left out and counted per reason. Above the configured threshold
 * the file waits for the FG's approval (EXPORT_NEEDS_APPROVAL). The file holds only the columns the
 * activity's channel needs; it is kept encrypted so a download gives exactly what was decided. The
 * request, its counts and its outcome are audited in the same transaction; a refusal is recorded and then
 * reported as an error whose details list every reason.
 */
import type { Actor } from '../../domain/access/actor.js';
import { CODES, type Code, DomainError } from '../../domain/codes.js';
import { columnsFor, type ExportPerson, tally, toCsv } from '../../domain/exports/csv.js';
import { exportDestinationReasons } from '../../domain/exports/destination-check.js';
import { sha256Hex } from '../../storage/consent-catalogue-repo.js';
import { type ExportRecord, type ExportStatus, exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { assessDisclosure } from './assess-disclosure.js';
import { exportActor } from './authorize-exports.js';
import { type ExportSource, loadExportInputs } from './load-export-inputs.js';

export type ExportRequestInput = ExportSource;

/** Throw the refusal of a recorded request: the first reason as the code, all of them in details. */
export function refusalError(reasons: readonly string[], details: Record<string, unknown>): DomainError {
  const first = reasons.find((r) => r in CODES) ?? 'EXPORT_EMPTY';
  return new DomainError(first as Code, { reasons, ...details });
}

export async function requestExport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression' | 'persons' | 'config'>,
  actor: Actor,
  input: ExportRequestInput,
): Promise<ExportRecord> {
  const who = await exportActor(d, actor, 'request', 'export.request');
  const now = d.now();
  const record = await d.db.transaction(async (tx) => {
    const { snapshot, activity, destination } = await loadExportInputs(d, actor, tx, input, 'export');
    const { columns, required } = columnsFor(activity.channel);
    const outcome = await assessDisclosure(
      d,
      tx,
      { assignments: who.assignments, snapshot, activity, destination },
      now,
    );
    const persons: ExportPerson[] = [];
    for (const s of outcome.included) {
      const p = await d.persons.findById(tx, s.personId);
      if (!p || (required !== null && !p[required])) {
        tally(outcome.excluded, ['CONTACT_DATA_MISSING']);
        continue;
      }
      persons.push({
        firstName: p.firstName,
        infix: p.infix,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        street: p.street,
        houseNumber: p.houseNumber,
        postcode: p.postcode,
        city: p.city,
      });
    }
    const reasons: string[] = exportDestinationReasons(destination);
    if (reasons.length === 0 && persons.length === 0) {
      reasons.push(...outcome.reasons, ...outcome.productRefusals);
      if (reasons.length === 0) reasons.push('EXPORT_EMPTY');
    }
    const status: ExportStatus =
      reasons.length > 0
        ? 'refused'
        : persons.length > d.config.exportApprovalThreshold
          ? 'awaiting_approval'
          : 'produced';
    const file = status === 'refused' ? null : toCsv(columns, persons);
    const row = await exportsRepo.insertExport(
      tx,
      {
        snapshotId: snapshot.id,
        destinationId: destination?.id ?? null,
        activityId: activity.id,
        status,
        personCount: status === 'refused' ? 0 : persons.length,
        excludedCounts: outcome.excluded,
        reasons,
        columns,
        requestedBy: who.userId,
        fileEnc: file === null ? null : d.keyring.encrypt(file, 'exports.file'),
        fileSha256: file === null ? null : sha256Hex(Buffer.from(file, 'utf8')),
      },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type:
            status === 'refused'
              ? 'export.refused'
              : status === 'produced'
                ? 'export.produced'
                : 'export.requested',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'export',
          objectId: row.id,
          data: {
            status,
            snapshotId: snapshot.id,
            activityId: activity.id,
            destinationId: destination?.id ?? null,
            includedCount: persons.length,
            excluded: outcome.excluded,
            reasons,
            columns,
            sha256: row.fileSha256,
          },
        },
      ],
      now,
    );
    return row;
  });
  if (record.status === 'refused') {
    throw refusalError(record.reasons, {
      exportId: record.id,
      includedCount: 0,
      excluded: record.excludedCounts,
    });
  }
  return record;
}
