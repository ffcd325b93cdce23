/**
 * Re-encrypt every `*_enc` column onto the active field key, in small batches, while the app keeps
 * serving (reads decrypt any known key). Used by `kieskluis keys rotate` and the `keys.reencrypt` job.
 */
import type { Db, Queryable } from '../db.js';
import type { Keyring } from './keyring.js';

export interface EncryptedColumn {
  table: string;
  column: string;
}

export async function encryptedColumns(db: Queryable): Promise<EncryptedColumn[]> {
  const { rows } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.column_name LIKE '%\\_enc'
      ORDER BY c.table_name, c.column_name`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** How many encrypted fields are still on another key than the active one. */
export async function countFieldsOnOldKeys(db: Queryable, keyring: Keyring): Promise<number> {
  let total = 0;
  for (const c of await encryptedColumns(db)) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${ident(c.table)} WHERE ${ident(c.column)} IS NOT NULL AND ${ident(c.column)} NOT LIKE $1`,
      [`kk1:${keyring.activeKeyId}:%`],
    );
    total += rows[0]?.n ?? 0;
  }
  return total;
}

/** Re-encrypt up to `batch` fields per column per transaction until none is left; returns the count. */
export async function reencryptAll(db: Db, keyring: Keyring, batch = 500): Promise<number> {
  let done = 0;
  for (const c of await encryptedColumns(db)) {
    const aad = `${c.table}.${c.column.replace(/_enc$/, '')}`;
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string; v: string }>(
          `SELECT id, ${ident(c.column)} AS v FROM ${ident(c.table)}
            WHERE ${ident(c.column)} IS NOT NULL AND ${ident(c.column)} NOT LIKE $1
            LIMIT ${batch} FOR UPDATE SKIP LOCKED`,
          [`kk1:${keyring.activeKeyId}:%`],
        );
        for (const r of rows) {
          await tx.query(`UPDATE ${ident(c.table)} SET ${ident(c.column)} = $1 WHERE id = $2`, [
            keyring.encrypt(keyring.decrypt(r.v, aad), aad),
            r.id,
          ]);
        }
        return rows.length;
      });
      done += n;
      if (n < batch) break;
    }
  }
  if ((await countFieldsOnOldKeys(db, keyring)) === 0) {
    await db.query(
      `UPDATE encryption_keys SET retired_at = now() WHERE purpose = 'field' AND NOT active AND retired_at IS NULL`,
    );
  }
  return done;
}

/** Field keys that are neither active nor retired: a rotation whose re-encryption has not finished. */
export async function keysAwaitingReencryption(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM encryption_keys WHERE purpose = 'field' AND NOT active AND retired_at IS NULL ORDER BY created_at`,
  );
  return rows.map((r) => r.id);
}
