/** API tokens for integrations: `kk_<secret>`, stored as SHA-256, scoped, expiring, revocable. */

import { sha256 } from './crypto/tokens.js';
import type { Queryable } from './db.js';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const cols = 'id, user_id, name, scopes, created_at, expires_at, last_used_at, revoked_at';

function toRecord(r: Record<string, unknown>): ApiTokenRecord {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    name: r.name as string,
    scopes: r.scopes as string[],
    createdAt: r.created_at as Date,
    expiresAt: (r.expires_at as Date | null) ?? null,
    lastUsedAt: (r.last_used_at as Date | null) ?? null,
    revokedAt: (r.revoked_at as Date | null) ?? null,
  };
}

export const apiTokensRepo = {
  async insert(
    tx: Queryable,
    t: { userId: string; name: string; secret: string; scopes: string[]; expiresAt: Date | null },
    now: Date,
  ): Promise<ApiTokenRecord> {
    const { rows } = await tx.query(
      `INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${cols}`,
      [t.userId, t.name, sha256(t.secret), t.scopes, now, t.expiresAt],
    );
    return toRecord(rows[0]!);
  },
  async findBySecret(tx: Queryable, secret: string): Promise<ApiTokenRecord | null> {
    const { rows } = await tx.query(`SELECT ${cols} FROM api_tokens WHERE token_hash = $1`, [sha256(secret)]);
    return rows[0] ? toRecord(rows[0]) : null;
  },
  async listForUser(tx: Queryable, userId: string): Promise<ApiTokenRecord[]> {
    const { rows } = await tx.query(
      `SELECT ${cols} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
    return rows.map(toRecord);
  },
  async revoke(tx: Queryable, id: string, userId: string, now: Date): Promise<boolean> {
    const r = await tx.query(
      'UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL',
      [id, userId, now],
    );
    return r.rowCount > 0;
  },
  async touch(tx: Queryable, id: string, now: Date) {
    await tx.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, now]);
  },
};
