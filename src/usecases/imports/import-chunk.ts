/**
 * One chunk of an import, in the caller's transaction (C3): validate every row, skip persons on the
 * suppression list (SUPPRESSED_CONTACT with the entry's reason, R-58), skip duplicates by e-mail and phone
 * blind index — within the chunk, against earlier rows of this file and against the register — insert the
 * rest with provenance and the art 14 deadline, their memberships, the row results of the
 * report and the audit events (ids only). The caller commits all of it with the checkpoint, or nothing.
 */
import type { AuditEvent } from '../../domain/audit-events.js';
import type { Code } from '../../domain/codes.js';
import type { ImportPlan } from '../../domain/imports/mapping.js';
import type { OriginInfo } from '../../domain/imports/origins.js';
import {
  type RowContext,
  type RowError,
  type ValidRow,
  validateImportRow,
} from '../../domain/imports/rows.js';
import type { NewPerson, Provenance } from '../../domain/persons/types.js';
import { blocksPerson, suppressionDecisionReason } from '../../domain/suppression.js';
import type { TableRow } from '../../files/table.js';
import type { Queryable } from '../../storage/db.js';
import type { ImportCounts } from '../../storage/import-jobs-repo.js';
import { importResultsRepo } from '../../storage/import-results-repo.js';
import type { Deps } from '../deps.js';

export interface ChunkContext {
  jobId: string;
  datasetId: string;
  origin: OriginInfo;
  plan: ImportPlan;
  rowContext: RowContext;
  /** When the records count as collected (provenance). */
  collectedAt: Date;
  actor: { actorType: AuditEvent['actorType']; actorId: string | null };
}

interface Candidate {
  row: number;
  value: ValidRow;
  hashes: string[];
  emailIdx: string | null;
  phoneIdx: string | null;
}

const collectedBy = (jobId: string) => `import:${jobId}`;

/** A chunk validated and keyed outside the transaction (pure work, done while the previous chunk commits). */
export interface PreparedChunk {
  fromRow: number | null;
  toRow: number | null;
  counts: ImportCounts;
  errors: RowError[];
  valid: Candidate[];
}

/** 1. Validation (every problem of every row) and the keyed hashes the database steps look up. */
export function prepareChunk(
  d: Pick<Deps, 'persons' | 'suppression'>,
  ctx: ChunkContext,
  rows: readonly TableRow[],
): PreparedChunk {
  const errors: RowError[] = [];
  const counts: ImportCounts = { read: rows.length, inserted: 0, duplicates: 0, suppressed: 0, rejected: 0 };
  const valid: Candidate[] = [];
  for (const r of rows) {
    const v = validateImportRow(ctx.plan, r.cells, r.row, ctx.rowContext);
    if (v.value === null) {
      counts.rejected++;
      errors.push(...v.errors);
      continue;
    }
    const c = v.value.contact;
    valid.push({
      row: r.row,
      value: v.value,
      hashes: d.suppression.hashes(c).map((h) => h.hash),
      emailIdx: c.email ? d.persons.emailIndex(c.email) : null,
      phoneIdx: c.phone ? d.persons.phoneIndex(c.phone) : null,
    });
  }
  return { fromRow: rows[0]?.row ?? null, toRow: rows[rows.length - 1]?.row ?? null, counts, errors, valid };
}

/** 2.–4. The database steps of a prepared chunk, in the caller's transaction. */
export async function importChunk(
  d: Pick<Deps, 'audit' | 'persons' | 'suppression'>,
  tx: Queryable,
  ctx: ChunkContext,
  prepared: PreparedChunk,
  now: Date,
): Promise<ImportCounts> {
  const { valid, errors } = prepared;
  const counts = { ...prepared.counts };
  const { headers, index } = ctx.plan;
  const column = (f: 'email' | 'phone') => (index[f] === undefined ? null : headers[index[f]!]!);

  // 2. The suppression list: erased and objecting persons never come back.
  const suppressed = await d.suppression.matchMany(
    tx,
    valid.flatMap((c) => c.hashes),
  );
  const notSuppressed: Candidate[] = [];
  for (const c of valid) {
    const blocked = blocksPerson(c.hashes.flatMap((h) => suppressed.get(h) ?? []));
    if (!blocked) {
      notSuppressed.push(c);
      continue;
    }
    counts.suppressed++;
    errors.push({
      row: c.row,
      column: null,
      rule: 'suppressed',
      code: 'SUPPRESSED_CONTACT',
      reason: suppressionDecisionReason(blocked.reason),
    });
  }

  // 3. Duplicates by blind index: in this chunk, and in the database (earlier chunks of this file or the
  //    register; the person's provenance tells which).
  const emails = await d.persons.existingByEmailIndex(
    tx,
    notSuppressed.flatMap((c) => (c.emailIdx ? [c.emailIdx] : [])),
  );
  const phones = await d.persons.existingByPhoneIndex(
    tx,
    notSuppressed.flatMap((c) => (c.phoneIdx ? [c.phoneIdx] : [])),
  );
  const ours = await importResultsRepo.insertedBy(
    tx,
    [...emails.values(), ...phones.values()],
    collectedBy(ctx.jobId),
  );
  const seenEmail = new Set<string>();
  const seenPhone = new Set<string>();
  const accepted: Candidate[] = [];
  for (const c of notSuppressed) {
    const dup = (
      idx: string | null,
      seen: Set<string>,
      existing: Map<string, string>,
      field: 'email' | 'phone',
    ): RowError | null => {
      if (idx === null) return null;
      const inDb = existing.get(idx);
      if (seen.has(idx) || (inDb !== undefined && ours.has(inDb))) {
        return { row: c.row, column: column(field), rule: 'duplicate.in_file', code: 'PERSON_DUPLICATE' };
      }
      if (inDb !== undefined) {
        return { row: c.row, column: column(field), rule: 'duplicate.in_register', code: 'PERSON_DUPLICATE' };
      }
      return null;
    };
    const found = dup(c.emailIdx, seenEmail, emails, 'email') ?? dup(c.phoneIdx, seenPhone, phones, 'phone');
    if (c.emailIdx) seenEmail.add(c.emailIdx);
    if (c.phoneIdx) seenPhone.add(c.phoneIdx);
    if (found) {
      counts.duplicates++;
      errors.push(found);
    } else accepted.push(c);
  }

  // 4. Insert the accepted persons and their memberships, with provenance and art 14.
  const provenance: Provenance = {
    datasetId: ctx.datasetId,
    sourceKind: ctx.origin.sourceKind,
    channel: 'import',
    collectedAt: ctx.collectedAt,
    collectedBy: collectedBy(ctx.jobId),
  };
  const persons: NewPerson[] = accepted.map((c) => ({
    ...c.value.contact,
    candidateIds: [],
    provenance,
    obtainedFromSubject: ctx.origin.fromSubject,
  }));
  const ids = await d.persons.insertMany(tx, persons, now);
  counts.inserted = ids.length;
  const members = accepted.flatMap((c, i) =>
    c.value.membership ? [{ ...c.value.membership, personId: ids[i]!, provenance }] : [],
  );
  const membershipIds = await d.persons.memberships.insertMany(tx, members, now);
  await importResultsRepo.insertMany(
    tx,
    ctx.jobId,
    errors.sort((a, b) => a.row - b.row),
  );

  const base = { actorType: ctx.actor.actorType, actorId: ctx.actor.actorId };
  const data = {
    channel: 'import',
    sourceKind: ctx.origin.sourceKind,
    datasetId: ctx.datasetId,
    importJobId: ctx.jobId,
    obtainedFromSubject: ctx.origin.fromSubject,
  };
  const events: AuditEvent[] = ids.map((id) => ({ ...base, type: 'person.created', personId: id, data }));
  members.forEach((m, i) => {
    events.push({
      ...base,
      type: 'person.membership_recorded',
      personId: m.personId,
      objectType: 'membership',
      objectId: membershipIds[i]!,
      data: { importJobId: ctx.jobId },
    });
  });
  events.push({
    ...base,
    type: 'import.chunk_committed',
    objectType: 'import_job',
    objectId: ctx.jobId,
    data: {
      fromRow: prepared.fromRow,
      toRow: prepared.toRow,
      ...counts,
      codes: [...new Set(errors.map((e) => e.code))] as Code[],
    },
  });
  await d.audit.append(tx, events, now);
  return counts;
}
