/**
 * The mail outbox (migration 006): one row per outgoing mail. Recipient, subject and bodies are encrypted
 * with the field key; the list decrypts only what it shows. Delivery passes claim due rows with a lease
 * (`claimed_until`), so two processes flushing at once never send the same mail twice.
 */
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export const MAIL_STATUSES = [
  'queued',
  'sent',
  'failed',
  'held',
  'sending',
  'in_doubt',
  'cancelled',
] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface NewOutboxMail {
  kind: string;
  personId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: Extract<MailStatus, 'queued' | 'held'>;
  headers?: Record<string, string> | null;
  campaignMessageId?: string | null;
  /** Not before this time (campaign throttle); null: at once. */
  notBefore?: Date | null;
}

/** What the outbox list shows (recipient in full: the caller masks it). */
export interface OutboxSummary {
  id: string;
  kind: string;
  personId: string | null;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxMessage extends OutboxSummary {
  text: string;
  html: string | null;
}

/** A claimed row, ready to hand to the transport. */
export interface DueMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
  headers: Record<string, string> | null;
  /** Campaign mail: its outcome is reported to the campaign message, and it is never resent blindly. */
  campaignMessageId: string | null;
}

type Row = Record<string, unknown>;

const summaryCols =
  'id, kind, person_id, recipient_enc, subject_enc, status, attempts, last_error, next_attempt_at, created_at, sent_at';

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export class MailOutboxRepo {
  constructor(private readonly keyring: Keyring) {}

  async insert(tx: Queryable, m: NewOutboxMail, now: Date): Promise<string> {
    const k = this.keyring;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO mail_outbox (kind, person_id, recipient_enc, subject_enc, text_enc, html_enc, status, created_at,
              headers_enc, campaign_message_id, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        m.kind,
        m.personId,
        k.encrypt(m.to, 'mail_outbox.recipient'),
        k.encrypt(m.subject, 'mail_outbox.subject'),
        k.encrypt(m.text, 'mail_outbox.text'),
        k.encryptNullable(m.html, 'mail_outbox.html'),
        m.status,
        now,
        m.headers ? k.encrypt(JSON.stringify(m.headers), 'mail_outbox.headers') : null,
        m.campaignMessageId ?? null,
        m.notBefore ?? null,
      ],
    );
    return rows[0]!.id;
  }

  /** Newest first, keyset-paged by `seq`. */
  async list(
    tx: Queryable,
    opts: { limit: number; beforeSeq?: number | null; status?: MailStatus | null },
  ): Promise<{ items: OutboxSummary[]; nextBefore: number | null }> {
    const params: unknown[] = [opts.limit + 1];
    const where: string[] = [];
    if (opts.beforeSeq) {
      params.push(opts.beforeSeq);
      where.push(`seq < $${params.length}`);
    }
    if (opts.status) {
      params.push(opts.status);
      where.push(`status = $${params.length}`);
    }
    const { rows } = await tx.query<Row>(
      `SELECT ${summaryCols}, seq::text AS seq FROM mail_outbox
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, opts.limit);
    return {
      items: page.map((r) => this.toSummary(r)),
      nextBefore: rows.length > opts.limit ? Number(page[page.length - 1]!.seq) : null,
    };
  }

  async get(tx: Queryable, id: string): Promise<OutboxMessage | null> {
    const { rows } = await tx.query<Row>(
      `SELECT ${summaryCols}, text_enc, html_enc FROM mail_outbox WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      ...this.toSummary(r),
      text: this.keyring.decrypt(r.text_enc as string, 'mail_outbox.text'),
      html: this.keyring.decryptNullable((r.html_enc as string | null) ?? null, 'mail_outbox.html'),
    };
  }

  /**
   * Claim up to `limit` rows that are due (queued, or failed with a retry time that has come) and not
   * held by another pass, until `leaseUntil`. A failed row without a retry time is final.
   */
  async claimDue(
    tx: Queryable,
    now: Date,
    leaseUntil: Date,
    maxAttempts: number,
    limit: number,
  ): Promise<DueMail[]> {
    const { rows } = await tx.query<Row>(
      `UPDATE mail_outbox SET claimed_until = $2
        WHERE id IN (
          SELECT id FROM mail_outbox
           WHERE ((status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= $1))
               OR (status = 'failed' AND attempts < $3 AND next_attempt_at <= $1))
             AND (claimed_until IS NULL OR claimed_until <= $1)
           ORDER BY seq LIMIT $4
           FOR UPDATE SKIP LOCKED)
        RETURNING id, seq, recipient_enc, subject_enc, text_enc, html_enc, attempts, headers_enc, campaign_message_id`,
      [now, leaseUntil, maxAttempts, limit],
    );
    const k = this.keyring;
    return rows
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map((r) => ({
        id: r.id as string,
        to: k.decrypt(r.recipient_enc as string, 'mail_outbox.recipient'),
        subject: k.decrypt(r.subject_enc as string, 'mail_outbox.subject'),
        text: k.decrypt(r.text_enc as string, 'mail_outbox.text'),
        html: k.decryptNullable((r.html_enc as string | null) ?? null, 'mail_outbox.html'),
        attempts: Number(r.attempts),
        headers: r.headers_enc
          ? (JSON.parse(k.decrypt(r.headers_enc as string, 'mail_outbox.headers')) as Record<string, string>)
          : null,
        campaignMessageId: (r.campaign_message_id as string | null) ?? null,
      }));
  }

  /**
   * Campaign mail: record that the message is being handed to SMTP, committed before the hand-off. A row
   * still `sending` after its lease means the process stopped mid-hand-off: see `markStaleInDoubt`.
   */
  async markSending(tx: Queryable, id: string, campaignMessageId: string, now: Date): Promise<void> {
    await tx.query(`UPDATE mail_outbox SET status = 'sending' WHERE id = $1`, [id]);
    await tx.query(
      `UPDATE campaign_messages SET status = 'sending', attempts = attempts + 1, updated_at = $2
        WHERE id = $1 AND status IN ('queued', 'sending')`,
      [campaignMessageId, now],
    );
  }

  /**
   * Campaign mail whose hand-off outcome is unknown (the process stopped, or the connection broke after
   * the data went out) becomes `in_doubt`: never resent automatically, visible in the campaign report.
   */
  async markInDoubt(tx: Queryable, id: string, error: string, now: Date): Promise<void> {
    const { rows } = await tx.query<{ campaign_message_id: string | null }>(
      `UPDATE mail_outbox SET status = 'in_doubt', last_error = $2, next_attempt_at = NULL, claimed_until = NULL
        WHERE id = $1 RETURNING campaign_message_id`,
      [id, error.slice(0, 1000)],
    );
    const cm = rows[0]?.campaign_message_id;
    if (cm)
      await tx.query(
        `UPDATE campaign_messages SET status = 'in_doubt', last_error = $2, updated_at = $3 WHERE id = $1`,
        [cm, error.slice(0, 1000), now],
      );
  }

  /**
   * Rows left `sending` by a stopped process (their lease has passed): in doubt. Returns their campaign
   * message ids.
   */
  async markStaleInDoubt(tx: Queryable, now: Date): Promise<string[]> {
    const { rows } = await tx.query<{ id: string; campaign_message_id: string | null }>(
      `SELECT id, campaign_message_id FROM mail_outbox
        WHERE status = 'sending' AND (claimed_until IS NULL OR claimed_until <= $1)
        FOR UPDATE SKIP LOCKED`,
      [now],
    );
    for (const r of rows)
      await this.markInDoubt(tx, r.id, 'delivery outcome unknown: the sending process stopped', now);
    return rows.flatMap((r) => (r.campaign_message_id ? [r.campaign_message_id] : []));
  }

  /** Give an in-doubt campaign mail back to the queue (an operator decided to resend it). */
  async requeueInDoubt(tx: Queryable, id: string, now: Date): Promise<boolean> {
    const { rowCount } = await tx.query(
      `UPDATE mail_outbox SET status = 'queued', next_attempt_at = $2, claimed_until = NULL
        WHERE id = $1 AND status = 'in_doubt'`,
      [id, now],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Cancel campaign mail of a person not yet handed to SMTP (an objection arrived, R-27). */
  async cancelQueuedCampaignMail(
    tx: Queryable,
    personId: string,
    reason: string,
    now: Date,
  ): Promise<string[]> {
    const { rows } = await tx.query<{ campaign_message_id: string }>(
      `UPDATE mail_outbox SET status = 'cancelled', last_error = $2, next_attempt_at = NULL, claimed_until = NULL
        WHERE person_id = $1 AND campaign_message_id IS NOT NULL
          AND (status = 'queued' OR (status = 'failed' AND next_attempt_at IS NOT NULL))
          AND (claimed_until IS NULL OR claimed_until <= $3)
        RETURNING campaign_message_id`,
      [personId, reason, now],
    );
    return rows.map((r) => r.campaign_message_id);
  }

  /**
   * Cancel the mail of these campaign messages when it still waits (queued, or failed with a retry left)
   * and no delivery pass holds it. Returns the campaign message ids whose mail was cancelled.
   */
  async cancelCampaignMessages(
    tx: Queryable,
    campaignMessageIds: readonly string[],
    reason: string,
    now: Date,
  ): Promise<string[]> {
    if (campaignMessageIds.length === 0) return [];
    const { rows } = await tx.query<{ campaign_message_id: string }>(
      `UPDATE mail_outbox SET status = 'cancelled', last_error = $2, next_attempt_at = NULL, claimed_until = NULL
        WHERE campaign_message_id = ANY ($1::uuid[])
          AND (status = 'queued' OR (status = 'failed' AND next_attempt_at IS NOT NULL))
          AND (claimed_until IS NULL OR claimed_until <= $3)
        RETURNING campaign_message_id`,
      [[...campaignMessageIds], reason, now],
    );
    return rows.map((r) => r.campaign_message_id);
  }

  async markSent(tx: Queryable, id: string, now: Date): Promise<void> {
    const { rows } = await tx.query<{ campaign_message_id: string | null }>(
      `UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL,
              next_attempt_at = NULL, claimed_until = NULL WHERE id = $1 RETURNING campaign_message_id`,
      [id, now],
    );
    const cm = rows[0]?.campaign_message_id;
    if (cm)
      await tx.query(
        `UPDATE campaign_messages SET status = 'sent', last_error = NULL, updated_at = $2 WHERE id = $1`,
        [cm, now],
      );
  }

  /** One failed attempt: the error stays visible; `nextAttemptAt` null means no retry is left. */
  async markFailed(
    tx: Queryable,
    id: string,
    error: string,
    nextAttemptAt: Date | null,
    now: Date,
  ): Promise<void> {
    const { rows } = await tx.query<{ campaign_message_id: string | null }>(
      `UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2,
              next_attempt_at = $3, claimed_until = NULL WHERE id = $1 RETURNING campaign_message_id`,
      [id, error.slice(0, 1000), nextAttemptAt],
    );
    const cm = rows[0]?.campaign_message_id;
    // A campaign message waits in `queued` for its retry; with no retry left it has failed for good.
    if (cm)
      await tx.query(
        `UPDATE campaign_messages SET status = $2, last_error = $3, updated_at = $4 WHERE id = $1`,
        [cm, nextAttemptAt ? 'queued' : 'failed', error.slice(0, 1000), now],
      );
  }

  /** Give claimed rows back untried (a pass stopped early). */
  async release(tx: Queryable, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(`UPDATE mail_outbox SET claimed_until = NULL WHERE id = ANY ($1::uuid[])`, [ids]);
  }

  private toSummary(r: Row): OutboxSummary {
    const k = this.keyring;
    return {
      id: r.id as string,
      kind: r.kind as string,
      personId: (r.person_id as string | null) ?? null,
      to: k.decrypt(r.recipient_enc as string, 'mail_outbox.recipient'),
      subject: k.decrypt(r.subject_enc as string, 'mail_outbox.subject'),
      status: r.status as MailStatus,
      attempts: Number(r.attempts),
      lastError: (r.last_error as string | null) ?? null,
      nextAttemptAt: date(r.next_attempt_at),
      createdAt: date(r.created_at)!,
      sentAt: date(r.sent_at),
    };
  }
}
