/**
 * The mail outbox (migration 006): one row per outgoing mail. Recipient, subject and bodies are encrypted
 * with the field key; the list decrypts only what it shows. Delivery passes claim due rows with a lease
 * (`claimed_until`), so two processes flushing at once never send the same mail twice.
 */
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'held'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface NewOutboxMail {
  kind: string;
  personId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: Extract<MailStatus, 'queued' | 'held'>;
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
      `INSERT INTO mail_outbox (kind, person_id, recipient_enc, subject_enc, text_enc, html_enc, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        m.kind,
        m.personId,
        k.encrypt(m.to, 'mail_outbox.recipient'),
        k.encrypt(m.subject, 'mail_outbox.subject'),
        k.encrypt(m.text, 'mail_outbox.text'),
        k.encryptNullable(m.html, 'mail_outbox.html'),
        m.status,
        now,
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
        RETURNING id, seq, recipient_enc, subject_enc, text_enc, html_enc, attempts`,
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
      }));
  }

  async markSent(tx: Queryable, id: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL,
              next_attempt_at = NULL, claimed_until = NULL WHERE id = $1`,
      [id, now],
    );
  }

  /** One failed attempt: the error stays visible; `nextAttemptAt` null means no retry is left. */
  async markFailed(tx: Queryable, id: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    await tx.query(
      `UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2,
              next_attempt_at = $3, claimed_until = NULL WHERE id = $1`,
      [id, error.slice(0, 1000), nextAttemptAt],
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
