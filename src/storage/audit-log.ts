/**
 * Append-only, hash-chained audit log. Each entry stores `prev_hash` (the previous entry's hash) and its
 * own `hash` = HMAC-SHA256(audit key, prev_hash | canonical fields). The audit key is wrapped by the master
 * key, so someone with only database access cannot forge a valid chain. Appends lock the single
 * `audit_head` row, so entries form one chain even with concurrent transactions and app instances.
 * UPDATE, DELETE and TRUNCATE on `audit_events` are refused by a trigger, and on PostgreSQL the app role
 * has only SELECT and INSERT on it (migrations).
 */
import { createHmac } from 'node:crypto';
import type { AuditEvent } from '../domain/audit-events.js';
import type { Queryable } from './db.js';

export const GENESIS = '0'.repeat(64);

interface StoredFields {
  at: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  person_id: string | null;
  purpose: string | null;
  object_type: string | null;
  object_id: string | null;
  payload: string;
}

/** Stable JSON with sorted keys, so the same facts always give the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function entryHash(key: Buffer, prevHash: string, f: StoredFields): string {
  const body = JSON.stringify([
    f.at,
    f.type,
    f.actor_type,
    f.actor_id,
    f.person_id,
    f.purpose,
    f.object_type,
    f.object_id,
    f.payload,
  ]);
  return createHmac('sha256', key).update(prevHash).update('|').update(body).digest('hex');
}

/** Entries per INSERT statement (12 parameters each, under PostgreSQL's 65,535 limit). */
export const APPEND_CHUNK = 2000;

export class AuditLog {
  constructor(private readonly key: Buffer) {}

  /** Append events in the caller's transaction. `at` is the use case's clock reading. */
  async append(tx: Queryable, events: readonly AuditEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    const head = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
    );
    let seq = head.rows[0]!.seq;
    let prev = head.rows[0]!.hash;
    const atIso = at.toISOString();
    // PostgreSQL allows 65,535 parameters per statement (12 per entry): insert in chunks under the one lock.
    for (let i = 0; i < events.length; i += APPEND_CHUNK) {
      const chunk = events.slice(i, i + APPEND_CHUNK);
      const r = this.insertChunk(chunk, seq, prev, atIso);
      await tx.query(
        `INSERT INTO audit_events (seq, at, type, actor_type, actor_id, person_id, purpose, object_type, object_id, payload, prev_hash, hash)
         VALUES ${r.tuples.join(', ')}`,
        r.values,
      );
      seq = r.seq;
      prev = r.prev;
    }
    await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
  }

  private insertChunk(events: readonly AuditEvent[], startSeq: number, startPrev: string, atIso: string) {
    let seq = startSeq;
    let prev = startPrev;
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const e of events) {
      seq += 1;
      const f: StoredFields = {
        at: atIso,
        type: e.type,
        actor_type: e.actorType,
        actor_id: e.actorId,
        person_id: e.personId ?? null,
        purpose: e.purpose ?? null,
        object_type: e.objectType ?? null,
        object_id: e.objectId ?? null,
        payload: canonicalJson(e.data ?? {}),
      };
      const hash = entryHash(this.key, prev, f);
      const b = values.length;
      tuples.push(
        `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}, $${b + 11}, $${b + 12})`,
      );
      values.push(
        seq,
        f.at,
        f.type,
        f.actor_type,
        f.actor_id,
        f.person_id,
        f.purpose,
        f.object_type,
        f.object_id,
        f.payload,
        prev,
        hash,
      );
      prev = hash;
    }
    return { tuples, values, seq, prev };
  }
}

export type ProblemKind = 'changed' | 'removed' | 'inserted';

export interface AuditProblem {
  /** Position in the chain (the entry's sequence number, 1-based). */
  position: number;
  kind: ProblemKind;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  lastPosition: number;
  problems: AuditProblem[];
  /** True when more problems exist than are listed. */
  truncated: boolean;
}

interface Row extends StoredFields {
  seq: number;
  prev_hash: string;
  hash: string;
}

/**
 * Walk the whole chain in order (keyset batches, constant memory) and report every changed, removed or
 * inserted entry by position. An entry whose MAC fails is "inserted" when the next entry links past it
 * (to its predecessor), else "changed". A link that skips entries is "removed".
 */
export async function verifyAuditChain(
  db: Queryable,
  key: Buffer,
  opts: { batch?: number; maxProblems?: number } = {},
): Promise<VerifyReport> {
  const batch = opts.batch ?? 10_000;
  const maxProblems = opts.maxProblems ?? 100;
  const problems: AuditProblem[] = [];
  let truncated = false;
  const report = (p: AuditProblem) => {
    if (problems.length < maxProblems) problems.push(p);
    else truncated = true;
  };
  let expectedPrev = GENESIS;
  let expectedSeq = 1;
  let pending: Row | null = null;
  let entries = 0;
  let lastSeq = 0;
  let after = 0;
  for (;;) {
    const { rows } = await db.query<Omit<Row, 'at'> & { at: unknown }>(
      `SELECT seq, at, type, actor_type, actor_id, person_id, purpose, object_type, object_id, payload, prev_hash, hash
         FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT ${batch}`,
      [after],
    );
    for (const raw of rows) {
      const row: Row = { ...raw, at: raw.at instanceof Date ? raw.at.toISOString() : String(raw.at) };
      entries += 1;
      if (pending) {
        if (row.prev_hash === pending.prev_hash) {
          report({ position: pending.seq, kind: 'inserted', detail: 'entry does not belong to the chain' });
          expectedPrev = pending.prev_hash;
        } else {
          report({ position: pending.seq, kind: 'changed', detail: 'content does not match its hash' });
          expectedPrev = row.prev_hash; // resynchronise on what the next entry links to
        }
        pending = null;
      }
      if (row.seq > expectedSeq) {
        report({
          position: expectedSeq,
          kind: 'removed',
          detail: `entries ${expectedSeq}–${row.seq - 1} are missing`,
        });
        expectedPrev = row.prev_hash; // resynchronise after the gap
      }
      const valid = entryHash(key, row.prev_hash, row) === row.hash;
      if (!valid) {
        pending = row;
      } else {
        if (row.prev_hash !== expectedPrev) {
          report({ position: row.seq, kind: 'removed', detail: 'the entry before this one was removed' });
        }
        expectedPrev = row.hash;
      }
      expectedSeq = row.seq + 1;
      lastSeq = row.seq;
    }
    if (rows.length < batch) break;
    after = rows[rows.length - 1]!.seq;
  }
  const head = (
    await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')
  ).rows[0];
  if (pending) {
    const p = pending as Row;
    const kind: ProblemKind = head && head.seq < p.seq ? 'inserted' : 'changed';
    report({
      position: p.seq,
      kind,
      detail: kind === 'inserted' ? 'entry was added outside the log' : 'content does not match its hash',
    });
  }
  if (head && head.seq > lastSeq) {
    report({
      position: lastSeq + 1,
      kind: 'removed',
      detail: `entries ${lastSeq + 1}–${head.seq} are missing`,
    });
  }
  return { ok: problems.length === 0, entries, lastPosition: lastSeq, problems, truncated };
}
