/**
 * A person's history: the audit events about them (reads, writes, refusals), newest first, keyset by
 * sequence number; and the usernames behind user ids for display. Payloads hold ids only (never
 * plaintext personal data), so they can be shown as they are.
 */
import type { Queryable } from './db.js';

export interface HistoryEntry {
  seq: number;
  at: Date;
  type: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  purpose: string | null;
  objectType: string | null;
  objectId: string | null;
  data: Record<string, unknown>;
}

export const personHistoryRepo = {
  async history(
    tx: Queryable,
    personId: string,
    before: number | null,
    limit: number,
  ): Promise<HistoryEntry[]> {
    const params: unknown[] = [personId, limit];
    if (before !== null) params.push(before);
    const { rows } = await tx.query<{
      seq: string | number;
      at: Date;
      type: string;
      actor_type: string;
      actor_id: string | null;
      username: string | null;
      purpose: string | null;
      object_type: string | null;
      object_id: string | null;
      payload: string;
    }>(
      `SELECT e.seq, e.at, e.type, e.actor_type, e.actor_id, u.username, e.purpose, e.object_type, e.object_id, e.payload
         FROM audit_events e
         LEFT JOIN users u ON e.actor_type = 'user' AND u.id::text = e.actor_id
        WHERE e.person_id = $1 ${before !== null ? 'AND e.seq < $3' : ''}
        ORDER BY e.seq DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      type: r.type,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.username,
      purpose: r.purpose,
      objectType: r.object_type,
      objectId: r.object_id,
      data: JSON.parse(r.payload) as Record<string, unknown>,
    }));
  },

  /** Usernames of user ids (other ids, like `form:…` or `import:…`, are left out). */
  async usernames(tx: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const uuids = [...new Set(ids.filter((i): i is string => !!i && /^[0-9a-f-]{36}$/.test(i)))];
    if (uuids.length === 0) return new Map();
    const { rows } = await tx.query<{ id: string; username: string }>(
      'SELECT id::text AS id, username FROM users WHERE id = ANY ($1::uuid[])',
      [uuids],
    );
    return new Map(rows.map((r) => [r.id, r.username]));
  },

  async datasetName(tx: Queryable, id: string | null): Promise<string | null> {
    if (id === null) return null;
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM datasets WHERE id = $1', [id]);
    return rows[0]?.name ?? null;
  },
};
