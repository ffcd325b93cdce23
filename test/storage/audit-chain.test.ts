/**
 * The audit trail is append-only and tamper-evident (R-39, R-63, Appendix C.0): `verifyAuditChain`
 * reports a changed, removed or inserted entry by position, on both engines. Tampering is done the way
 * an attacker with database-owner access would: disabling the append-only trigger first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kernel } from '../../src/app/kernel.js';
import type { AuditEvent } from '../../src/domain/audit-events.js';
import { entryHash, GENESIS, verifyAuditChain } from '../../src/storage/audit-log.js';
import { migrate } from '../../src/storage/migrate.js';
import { openPostgres } from '../../src/storage/postgres-db.js';
import { engines, testKernel } from '../support/engines.js';
import { createThrowawayDatabase, postgresUrls } from '../support/postgres-env.js';

const ev = (i: number): AuditEvent => ({
  type: 'person.read',
  actorType: 'user',
  actorId: `user-${i % 3}`,
  personId: null,
  purpose: `test ${i}`,
  data: { i, nested: { b: 2, a: 1 } },
});

async function freshChain(k: Kernel, n: number) {
  await k.db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
  await k.db.exec(`DELETE FROM audit_events; UPDATE audit_head SET seq = 0, hash = '${GENESIS}'`);
  await k.db.exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
  for (let i = 0; i < n; i += 10) {
    await k.db.transaction((tx) =>
      k.audit.append(
        tx,
        Array.from({ length: Math.min(10, n - i) }, (_, j) => ev(i + j)),
        new Date(Date.UTC(2026, 10, 23, 12, 0, i)),
      ),
    );
  }
}

async function tamper(k: Kernel, sql: string, params: unknown[] = []) {
  await k.db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
  try {
    await k.db.query(sql, params);
  } finally {
    await k.db.exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
  }
}

describe.each(engines())('audit chain on %s', (engine) => {
  let t: Awaited<ReturnType<typeof testKernel>>;
  beforeAll(async () => {
    t = await testKernel(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('an untouched chain verifies, in several batches', async () => {
    await freshChain(t.kernel, 55);
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey, { batch: 7 });
    expect(r).toMatchObject({ ok: true, entries: 55, lastPosition: 55, problems: [] });
  });

  it('entries link to their predecessor and carry an HMAC over their content', async () => {
    await freshChain(t.kernel, 3);
    const { rows } = await t.kernel.db.query<{ seq: number; prev_hash: string; hash: string }>(
      'SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq',
    );
    expect(rows[0]!.prev_hash).toBe(GENESIS);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    // The same fields under another key give another hash: a forger without the key cannot rebuild the chain.
    const row = (await t.kernel.db.query('SELECT * FROM audit_events WHERE seq = 1')).rows[0] as Record<
      string,
      unknown
    >;
    const fields = { ...row, at: (row.at as Date).toISOString() } as Parameters<typeof entryHash>[2];
    expect(entryHash(t.kernel.keyring.auditKey, GENESIS, fields)).toBe(rows[0]!.hash);
    expect(entryHash(Buffer.alloc(32, 7), GENESIS, fields)).not.toBe(rows[0]!.hash);
  });

  it('the append-only trigger refuses UPDATE, DELETE and TRUNCATE', async () => {
    await freshChain(t.kernel, 3);
    await expect(t.kernel.db.query("UPDATE audit_events SET purpose = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.kernel.db.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.kernel.db.exec('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey)).ok).toBe(true);
  });

  it('reports a changed entry by position', async () => {
    await freshChain(t.kernel, 20);
    await tamper(t.kernel, "UPDATE audit_events SET purpose = 'bulk export' WHERE seq = 7");
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey, { batch: 6 });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ position: 7, kind: 'changed' })]);
  });

  it('reports a changed entry whose hash was rewritten too', async () => {
    await freshChain(t.kernel, 20);
    await tamper(t.kernel, "UPDATE audit_events SET purpose = 'x', hash = repeat('a', 64) WHERE seq = 12");
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r.problems).toEqual([expect.objectContaining({ position: 12, kind: 'changed' })]);
  });

  it('reports a removed entry by position', async () => {
    await freshChain(t.kernel, 20);
    await tamper(t.kernel, 'DELETE FROM audit_events WHERE seq = 9');
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r.problems).toEqual([expect.objectContaining({ position: 9, kind: 'removed' })]);
  });

  it('reports removed entries at the end of the chain (head knows more)', async () => {
    await freshChain(t.kernel, 20);
    await tamper(t.kernel, 'DELETE FROM audit_events WHERE seq > 18');
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r.problems).toEqual([expect.objectContaining({ position: 19, kind: 'removed' })]);
  });

  it('reports a removal hidden by renumbering the entries after it', async () => {
    await freshChain(t.kernel, 20);
    await tamper(t.kernel, 'DELETE FROM audit_events WHERE seq = 5');
    await tamper(t.kernel, 'UPDATE audit_events SET seq = seq - 1 WHERE seq > 5');
    await t.kernel.db.query('UPDATE audit_head SET seq = 19 WHERE id = 1');
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r.problems).toEqual([expect.objectContaining({ position: 5, kind: 'removed' })]);
  });

  it('reports an entry inserted in the middle (entries after it renumbered)', async () => {
    await freshChain(t.kernel, 20);
    await tamper(t.kernel, 'UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 10');
    await tamper(t.kernel, 'UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1010');
    const prev = (await t.kernel.db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = 9'))
      .rows[0]!.hash;
    await t.kernel.db.query(
      `INSERT INTO audit_events (seq, at, type, actor_type, actor_id, payload, prev_hash, hash)
       VALUES (10, now(), 'person.read', 'user', 'intruder', '{}', $1, repeat('b', 64))`,
      [prev],
    );
    await t.kernel.db.query('UPDATE audit_head SET seq = 21 WHERE id = 1');
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r.problems).toEqual([expect.objectContaining({ position: 10, kind: 'inserted' })]);
  });

  it('reports an entry appended outside the log', async () => {
    await freshChain(t.kernel, 5);
    const prev = (await t.kernel.db.query<{ hash: string }>('SELECT hash FROM audit_head')).rows[0]!.hash;
    await t.kernel.db.query(
      `INSERT INTO audit_events (seq, at, type, actor_type, actor_id, payload, prev_hash, hash)
       VALUES (6, now(), 'person.read', 'user', 'intruder', '{}', $1, repeat('c', 64))`,
      [prev],
    );
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r.problems).toEqual([expect.objectContaining({ position: 6, kind: 'inserted' })]);
  });

  it('appends from concurrent transactions form one unbroken chain', async () => {
    await freshChain(t.kernel, 0);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.kernel.db.transaction((tx) => t.kernel.audit.append(tx, [ev(i), ev(i + 100)], new Date())),
      ),
    );
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r).toMatchObject({ ok: true, entries: 24 });
  });

  it('one append of more entries than fit in one statement (PostgreSQL: 65,535 parameters) stays one chain', async () => {
    await freshChain(t.kernel, 0);
    const many = Array.from({ length: 6_001 }, (_, i) => ev(i));
    await t.kernel.db.transaction((tx) => t.kernel.audit.append(tx, many, new Date()));
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r).toMatchObject({ ok: true, entries: 6_001 });
  });

  it('a rolled-back transaction leaves no audit entry (written in the same transaction)', async () => {
    await freshChain(t.kernel, 2);
    await expect(
      t.kernel.db.transaction(async (tx) => {
        await t.kernel.audit.append(tx, [ev(1)], new Date());
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const r = await verifyAuditChain(t.kernel.db, t.kernel.keyring.auditKey);
    expect(r).toMatchObject({ ok: true, entries: 2 });
  });
});

describe.skipIf(postgresUrls() === null)('the app database role on PostgreSQL', () => {
  it('cannot update or delete audit rows, but can append and read them', async () => {
    const urls = postgresUrls()!;
    const dbx = await createThrowawayDatabase('kk_audit_role');
    try {
      const owner = await openPostgres(dbx.ownerUrl, 1);
      await migrate(owner, { appRole: new URL(urls.app).username });
      await owner.close();
      const app = await openPostgres(dbx.appUrl, 1);
      try {
        await app.query(
          `INSERT INTO audit_events (seq, at, type, actor_type, payload, prev_hash, hash)
           VALUES (1, now(), 'auth.login', 'user', '{}', $1, repeat('d', 64))`,
          [GENESIS],
        );
        expect((await app.query('SELECT count(*)::int AS n FROM audit_events')).rows[0]).toEqual({ n: 1 });
        await expect(app.query("UPDATE audit_events SET type = 'x'")).rejects.toThrow(/permission denied/);
        await expect(app.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
        await expect(app.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
        await expect(app.query('ALTER TABLE audit_events DISABLE TRIGGER USER')).rejects.toThrow(
          /must be owner/,
        );
      } finally {
        await app.close();
      }
    } finally {
      await dbx.drop();
    }
  });
});
