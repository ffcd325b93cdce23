/**
 * A custom-audience request: a list of hashed e-mail addresses for a platform to
 * match. Each person is assessed like any disclosure (member data leaving the party need explicit consent
 * naming the platform; a political ad needs the separate TTPA consent, a DPIA and an art 26 arrangement);
 * those refused are left out and counted per reason. A lookalike request is refused
 * (LOOKALIKE_NOT_SUPPORTED, with the R-23 reasons the gate reports). When allowed, the file is the
 * SHA-256 hex of each normalised e-mail (trimmed, lower case), one per line, sorted, nothing else; it is
 * kept encrypted with the record. Kieskluis never uploads anything itself.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { normaliseEmailForHash } from '../../domain/exports/csv.js';
import { customAudienceDestinationReasons } from '../../domain/exports/destination-check.js';
import { sha256Hex } from '../../storage/consent-catalogue-repo.js';
import { type CustomAudienceRecord, exportsRepo } from '../../storage/exports-repo.js';
import type { Deps } from '../deps.js';
import { assessDisclosure } from './assess-disclosure.js';
import { exportActor } from './authorize-exports.js';
import { type ExportSource, loadExportInputs } from './load-export-inputs.js';
import { refusalError } from './request-export.js';

export interface CustomAudienceInput extends ExportSource {
  lookalike: boolean;
}

export function hashedEmail(email: string): string {
  return createHash('sha256').update(email, 'utf8').digest('hex');
}

export async function requestCustomAudience(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'suppression'>,
  actor: Actor,
  input: CustomAudienceInput,
): Promise<CustomAudienceRecord> {
  const who = await exportActor(d, actor, 'request', 'custom_audience.request');
  const now = d.now();
  const record = await d.db.transaction(async (tx) => {
    const { snapshot, activity, destination } = await loadExportInputs(
      d,
      actor,
      tx,
      input,
      'custom_audience',
    );
    if (activity.kind !== 'CUSTOM_AUDIENCE' && activity.kind !== 'LOOKALIKE') {
      throw new DomainError('VALIDATION_FAILED', {
        in: 'body',
        fields: [
          {
            field: 'activityId',
            rule: 'kind',
            problem: 'a platform list needs an activity of kind CUSTOM_AUDIENCE',
          },
        ],
      });
    }
    const lookalike = input.lookalike || activity.kind === 'LOOKALIKE';
    const outcome = await assessDisclosure(
      d,
      tx,
      {
        assignments: who.assignments,
        snapshot,
        activity,
        destination,
        kind: lookalike ? 'LOOKALIKE' : 'CUSTOM_AUDIENCE',
        needs: (s) => normaliseEmailForHash(s.email) !== null,
      },
      now,
    );
    const productRefusals = lookalike
      ? [...new Set(['LOOKALIKE_NOT_SUPPORTED', ...outcome.productRefusals])]
      : [];
    const reasons: string[] = [...customAudienceDestinationReasons(destination)];
    const none = outcome.included.length === 0;
    if (lookalike || none || reasons.length > 0) {
      for (const r of outcome.reasons) if (!reasons.includes(r)) reasons.push(r);
      if (none && !lookalike) {
        for (const r of outcome.productRefusals) if (!reasons.includes(r)) reasons.push(r);
      }
      if (reasons.length === 0 && productRefusals.length === 0) reasons.push('EXPORT_EMPTY');
    }
    const refused = lookalike || reasons.length > 0;
    const lines = refused
      ? []
      : outcome.included.map((s) => hashedEmail(normaliseEmailForHash(s.email)!)).sort();
    const file = refused ? null : `${lines.join('\n')}\n`;
    const row = await exportsRepo.insertCustomAudience(
      tx,
      {
        snapshotId: snapshot.id,
        destinationId: destination?.id ?? null,
        activityId: activity.id,
        lookalike,
        status: refused ? 'refused' : 'produced',
        includedCount: refused ? 0 : lines.length,
        excludedCounts: outcome.excluded,
        reasons,
        productRefusals,
        fileEnc: file === null ? null : d.keyring.encrypt(file, 'custom_audience_requests.file'),
        fileSha256: file === null ? null : sha256Hex(Buffer.from(file, 'utf8')),
        createdBy: who.userId,
      },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: refused ? 'custom_audience.refused' : 'custom_audience.requested',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'custom_audience_request',
          objectId: row.id,
          data: {
            snapshotId: snapshot.id,
            activityId: activity.id,
            destinationId: destination?.id ?? null,
            lookalike,
            includedCount: outcome.included.length,
            excluded: outcome.excluded,
            reasons,
            productRefusals,
            sha256: row.fileSha256,
          },
        },
      ],
      now,
    );
    return row;
  });
  if (record.status === 'refused') {
    throw refusalError([...record.productRefusals, ...record.reasons], {
      requestId: record.id,
      productRefusals: record.productRefusals,
      includedCount: 0,
      excluded: record.excludedCounts,
    });
  }
  return record;
}
