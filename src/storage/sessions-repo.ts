/** Server-side sessions; the cookie holds a random token, the table only its hash. */

import { sha256 } from './crypto/tokens.js';
import type { Queryable } from './db.js';

export type SessionStage = 'mfa_verify' | 'mfa_enroll' | 'active';

export interface SessionRecord {
  idHash: string;
  userId: string;
  stage: SessionStage;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export const sessionsRepo = {
  async insert(tx: Queryable, token: string, userId: string, stage: SessionStage, csrf: string, now: Date) {
    await tx.query(
      'INSERT INTO sessions (id_hash, user_id, stage, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)',
      [sha256(token), userId, stage, csrf, now],
    );
  },
  async find(tx: Queryable, token: string): Promise<SessionRecord | null> {
    const { rows } = await tx.query<{
      id_hash: string;
      user_id: string;
      stage: SessionStage;
      csrf_token: string;
      created_at: Date;
      last_seen_at: Date;
    }>('SELECT * FROM sessions WHERE id_hash = $1', [sha256(token)]);
    const r = rows[0];
    return r
      ? {
          idHash: r.id_hash,
          userId: r.user_id,
          stage: r.stage,
          csrfToken: r.csrf_token,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
        }
      : null;
  },
  async touch(tx: Queryable, idHash: string, now: Date) {
    await tx.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
  },
  async promote(tx: Queryable, idHash: string, stage: SessionStage, csrf: string, now: Date) {
    await tx.query('UPDATE sessions SET stage = $2, csrf_token = $3, last_seen_at = $4 WHERE id_hash = $1', [
      idHash,
      stage,
      csrf,
      now,
    ]);
  },
  async delete(tx: Queryable, idHash: string) {
    await tx.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  },
  async deleteForUser(tx: Queryable, userId: string) {
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  },
};
