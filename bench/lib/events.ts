/**
 * Realistic, fictional audit events (the mix a campaign day produces: reads of person records with a
 * purpose, logins, person writes), and the same rows flattened for the "bare limit" table.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../src/domain/audit-events.js';

const USERS = Array.from({ length: 50 }, () => randomUUID());
const PERSONS = Array.from({ length: 2_000 }, () => randomUUID());

export function benchEvent(i: number): AuditEvent {
  const user = USERS[i % USERS.length]!;
  const person = PERSONS[i % PERSONS.length]!;
  switch (i % 4) {
    case 0:
    case 1:
      return {
        type: 'person.read',
        actorType: 'user',
        actorId: user,
        personId: person,
        purpose: 'canvassing',
        data: { fields: ['first_name', 'last_name', 'postcode'], via: 'list' },
      };
    case 2:
      return {
        type: 'person.created',
        actorType: 'user',
        actorId: user,
        personId: person,
        data: { source: 'form', consent: 'newsletter' },
      };
    default:
      return { type: 'auth.login', actorType: 'user', actorId: user, data: { stage: 'mfa_verify' } };
  }
}

export function benchEvents(from: number, count: number): AuditEvent[] {
  const out: AuditEvent[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = benchEvent(from + k);
  return out;
}

/** 64 hex characters, the width of a stored hash. */
const FAKE_HASH = 'ab'.repeat(32);

/** The same 12 columns AuditLog.append writes, without chaining (constant hashes, plain JSON). */
export function plainRow(seq: number, e: AuditEvent, atIso: string): unknown[] {
  return [
    seq,
    atIso,
    e.type,
    e.actorType,
    e.actorId,
    e.personId ?? null,
    e.purpose ?? null,
    e.objectType ?? null,
    e.objectId ?? null,
    JSON.stringify(e.data ?? {}),
    FAKE_HASH,
    FAKE_HASH,
  ];
}

/** `($1, …, $12), ($13, …)` for `rows` rows of 12 columns. */
export function tuples12(rows: number): string {
  const out: string[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const b = r * 12;
    out[r] = `(${Array.from({ length: 12 }, (_, c) => `$${b + c + 1}`).join(', ')})`;
  }
  return out.join(', ');
}

export const PLAIN_TABLE = 'bench_plain_audit';

/** An unchained copy of audit_events: same columns, primary key and indexes; no head row, no triggers. */
export const CREATE_PLAIN_TABLE = `CREATE TABLE ${PLAIN_TABLE} (LIKE audit_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`;

export const PLAIN_INSERT_COLUMNS =
  '(seq, at, type, actor_type, actor_id, person_id, purpose, object_type, object_id, payload, prev_hash, hash)';
