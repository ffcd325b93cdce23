/**
 * Objection links (migration 009; only the SHA-256 of the token is stored, as for consent links) and
 * objection records (person_objections of migration 007).
 */
import { newSecret, sha256 } from './crypto/tokens.js';
import type { Queryable } from './db.js';

export type ObjectionChannel = 'LINK' | 'LIST_UNSUBSCRIBE' | 'STAFF' | 'EMAIL' | 'PHONE' | 'PAPER';

export const objectionsRepo = {
  /** A new objection link for a person; returns the token (it goes into the mail, never stored). */
  async createLink(tx: Queryable, personId: string, campaignId: string | null, now: Date): Promise<string> {
    const token = newSecret(32);
    await tx.query(
      `INSERT INTO objection_links (token_hash, person_id, campaign_id, created_at) VALUES ($1, $2, $3, $4)`,
      [sha256(token), personId, campaignId, now],
    );
    return token;
  },

  async linkByToken(
    tx: Queryable,
    token: string,
    lock = false,
  ): Promise<{ id: string; personId: string; campaignId: string | null; usedAt: Date | null } | null> {
    const { rows } = await tx.query<Record<string, unknown>>(
      `SELECT id, person_id, campaign_id, used_at FROM objection_links WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
      [sha256(token)],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      personId: r.person_id as string,
      campaignId: (r.campaign_id as string | null) ?? null,
      usedAt: r.used_at ? new Date(r.used_at as string) : null,
    };
  },

  async markLinkUsed(tx: Queryable, id: string, now: Date): Promise<void> {
    await tx.query('UPDATE objection_links SET used_at = coalesce(used_at, $2) WHERE id = $1', [id, now]);
  },

  /** The person's standing direct-marketing objection, if any (it is absolute and never lapses). */
  async directMarketing(tx: Queryable, personId: string): Promise<{ id: string; at: Date } | null> {
    const { rows } = await tx.query<{ id: string; created_at: string }>(
      `SELECT id, created_at FROM person_objections WHERE person_id = $1 AND kind = 'DIRECT_MARKETING'
        ORDER BY created_at LIMIT 1`,
      [personId],
    );
    return rows[0] ? { id: rows[0].id, at: new Date(rows[0].created_at) } : null;
  },

  async insertDirectMarketing(
    tx: Queryable,
    o: { personId: string; channel: ObjectionChannel; createdBy: string | null },
    now: Date,
  ): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO person_objections (person_id, kind, channel, created_by, created_at)
       VALUES ($1, 'DIRECT_MARKETING', $2, $3, $4) RETURNING id`,
      [o.personId, o.channel, o.createdBy, now],
    );
    return rows[0]!.id;
  },
};
