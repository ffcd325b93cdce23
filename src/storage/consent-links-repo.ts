/**
 * Link tokens of the double opt-in and withdrawal mails (only their SHA-256 is stored) and the public
 * submissions by client submission id (idempotency). No personal data here.
 */
import { newSecret, sha256 } from './crypto/tokens.js';
import type { Queryable } from './db.js';

export interface LinkToken {
  id: string;
  kind: 'confirm' | 'withdraw';
  guardian: boolean;
  recordIds: string[];
  expiresAt: Date | null;
  usedAt: Date | null;
  createdAt: Date;
}

export type SubmissionOutcome = 'confirmation_sent' | 'guardian_confirmation_sent' | 'already_pending';

type Row = Record<string, unknown>;

function toToken(r: Row): LinkToken {
  return {
    id: r.id as string,
    kind: r.kind as LinkToken['kind'],
    guardian: r.guardian as boolean,
    recordIds: (r.record_ids as string[]) ?? [],
    expiresAt: (r.expires_at as Date | null) ?? null,
    usedAt: (r.used_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

export const consentLinksRepo = {
  /** A new token for a link; returns the token itself (it goes into the mail and is never stored). */
  async createToken(
    tx: Queryable,
    t: { kind: LinkToken['kind']; guardian: boolean; recordIds: readonly string[]; expiresAt: Date | null },
    now: Date,
  ): Promise<string> {
    const token = newSecret(32);
    await tx.query(
      `INSERT INTO consent_tokens (token_hash, kind, guardian, record_ids, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256(token), t.kind, t.guardian, [...t.recordIds], t.expiresAt, now],
    );
    return token;
  },

  async tokenByValue(tx: Queryable, token: string, lock = false): Promise<LinkToken | null> {
    const { rows } = await tx.query(
      `SELECT * FROM consent_tokens WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
      [sha256(token)],
    );
    return rows[0] ? toToken(rows[0]) : null;
  },

  async markUsed(tx: Queryable, id: string, now: Date): Promise<void> {
    await tx.query('UPDATE consent_tokens SET used_at = coalesce(used_at, $2) WHERE id = $1', [id, now]);
  },

  /**
   * Claim a submission key: true when this call inserted it; false when the same submission was seen
   * before (a concurrent duplicate waits for the first one's commit, then gets false).
   */
  async claimSubmission(tx: Queryable, keyHash: string, now: Date): Promise<boolean> {
    const { rows } = await tx.query(
      `INSERT INTO consent_submissions (key_hash, outcome, created_at) VALUES ($1, 'confirmation_sent', $2)
       ON CONFLICT (key_hash) DO NOTHING RETURNING id`,
      [keyHash, now],
    );
    return rows.length > 0;
  },

  async finishSubmission(
    tx: Queryable,
    keyHash: string,
    s: { outcome: SubmissionOutcome; recordIds: readonly string[]; createdPersonId: string | null },
  ): Promise<void> {
    await tx.query(
      'UPDATE consent_submissions SET outcome = $2, record_ids = $3, created_person_id = $4 WHERE key_hash = $1',
      [keyHash, s.outcome, [...s.recordIds], s.createdPersonId],
    );
  },

  async submissionOutcome(tx: Queryable, keyHash: string): Promise<SubmissionOutcome | null> {
    const { rows } = await tx.query<{ outcome: SubmissionOutcome }>(
      'SELECT outcome FROM consent_submissions WHERE key_hash = $1',
      [keyHash],
    );
    return rows[0]?.outcome ?? null;
  },

  /** Submissions older than `cutoff` (their idempotency window is over); returns the persons they created. */
  async purgeSubmissions(tx: Queryable, cutoff: Date): Promise<string[]> {
    const { rows } = await tx.query<{ created_person_id: string | null }>(
      'DELETE FROM consent_submissions WHERE created_at < $1 RETURNING created_person_id',
      [cutoff],
    );
    return rows.flatMap((r) => (r.created_person_id ? [r.created_person_id] : []));
  },
};
