/**
 * Campaigns and their messages (migration 009): one message row per recipient, UNIQUE per campaign, so
 * a restarted send continues where it stopped and never creates a second message. The `why_you` text is
 * encrypted (it names the person's basis).
 */
import type { LanguageRule, TemplateLanguage } from '../domain/outreach/templates.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

/**
 * `held`: finished, with (some of) its mail held in the outbox because no SMTP server was configured (the
 * embedded demo); that mail is never delivered later.
 */
export const CAMPAIGN_STATUSES = [
  'draft',
  'queued',
  'sending',
  'sent',
  'held',
  'cancelled',
  'failed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const MESSAGE_STATUSES = [
  'pending',
  'excluded',
  'queued',
  'held',
  'sending',
  'sent',
  'failed',
  'in_doubt',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface CampaignRow {
  id: string;
  name: string;
  audienceId: string;
  snapshotId: string;
  activityId: string;
  templateId: string;
  languageRule: LanguageRule;
  status: CampaignStatus;
  throttlePerMinute: number;
  createdBy: string | null;
  createdAt: Date;
  queuedAt: Date | null;
  finishedAt: Date | null;
}

export interface MessageRow {
  id: string;
  campaignId: string;
  personId: string;
  status: MessageStatus;
  exclusionReasons: string[];
  language: TemplateLanguage | null;
  outboxId: string | null;
  attempts: number;
  lastError: string | null;
}

/** What rendering and addressing a campaign message need of its recipient. */
export interface Recipient {
  firstName: string;
  email: string | null;
  branchName: string | null;
}

type Row = Record<string, unknown>;
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

function toCampaign(r: Row): CampaignRow {
  return {
    id: r.id as string,
    name: r.name as string,
    audienceId: r.audience_id as string,
    snapshotId: r.snapshot_id as string,
    activityId: r.activity_id as string,
    templateId: r.template_id as string,
    languageRule: r.language_rule as LanguageRule,
    status: r.status as CampaignStatus,
    throttlePerMinute: Number(r.throttle_per_minute),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: date(r.created_at)!,
    queuedAt: date(r.queued_at),
    finishedAt: date(r.finished_at),
  };
}

function toMessage(r: Row): MessageRow {
  return {
    id: r.id as string,
    campaignId: r.campaign_id as string,
    personId: r.person_id as string,
    status: r.status as MessageStatus,
    exclusionReasons: (r.exclusion_reasons as string[]) ?? [],
    language: (r.language as TemplateLanguage | null) ?? null,
    outboxId: (r.outbox_id as string | null) ?? null,
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
  };
}

export class CampaignsRepo {
  constructor(private readonly keyring: Keyring) {}

  async insert(
    tx: Queryable,
    c: Omit<CampaignRow, 'id' | 'status' | 'createdAt' | 'queuedAt' | 'finishedAt'>,
    now: Date,
  ): Promise<CampaignRow> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO campaigns (name, audience_id, snapshot_id, activity_id, template_id, language_rule, status,
              throttle_per_minute, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9) RETURNING *`,
      [
        c.name,
        c.audienceId,
        c.snapshotId,
        c.activityId,
        c.templateId,
        c.languageRule,
        c.throttlePerMinute,
        c.createdBy,
        now,
      ],
    );
    return toCampaign(rows[0]!);
  }

  /** One pending message per snapshot member (INSERT … SELECT; a repeat adds nothing). */
  async addMembersFromSnapshot(
    tx: Queryable,
    campaignId: string,
    snapshotId: string,
    now: Date,
  ): Promise<number> {
    const { rowCount } = await tx.query(
      `INSERT INTO campaign_messages (campaign_id, person_id, status, created_at, updated_at)
       SELECT $1, person_id, 'pending', $3, $3 FROM audience_snapshot_members WHERE snapshot_id = $2
       ON CONFLICT (campaign_id, person_id) DO NOTHING`,
      [campaignId, snapshotId, now],
    );
    return rowCount ?? 0;
  }

  async get(tx: Queryable, id: string, lock = false): Promise<CampaignRow | null> {
    const { rows } = await tx.query<Row>(
      `SELECT * FROM campaigns WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toCampaign(rows[0]) : null;
  }

  async list(tx: Queryable, limit: number): Promise<CampaignRow[]> {
    const { rows } = await tx.query<Row>('SELECT * FROM campaigns ORDER BY created_at DESC LIMIT $1', [
      limit,
    ]);
    return rows.map(toCampaign);
  }

  async setStatus(
    tx: Queryable,
    id: string,
    status: CampaignStatus,
    now: Date,
    extra: { queuedBy?: string | null; error?: string | null } = {},
  ): Promise<void> {
    await tx.query(
      `UPDATE campaigns SET status = $2,
              queued_at = CASE WHEN $2 = 'queued' THEN $3 ELSE queued_at END,
              queued_by = CASE WHEN $2 = 'queued' THEN $4 ELSE queued_by END,
              finished_at = CASE WHEN $2 IN ('sent', 'held', 'cancelled', 'failed') THEN $3 ELSE finished_at END,
              last_error = coalesce($5, last_error)
        WHERE id = $1`,
      [id, status, now, extra.queuedBy ?? null, extra.error ?? null],
    );
  }

  /** The next pending messages, locked so two workers never take the same one. */
  async claimPending(tx: Queryable, campaignId: string, limit: number): Promise<MessageRow[]> {
    const { rows } = await tx.query<Row>(
      `SELECT * FROM campaign_messages WHERE campaign_id = $1 AND status = 'pending'
        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [campaignId, limit],
    );
    return rows.map(toMessage);
  }

  async exclude(tx: Queryable, id: string, reasons: readonly string[], now: Date): Promise<void> {
    await tx.query(
      `UPDATE campaign_messages SET status = 'excluded', exclusion_reasons = $2, updated_at = $3 WHERE id = $1`,
      [id, [...reasons], now],
    );
  }

  /** Queued in the outbox; `held` when the outbox holds it (no SMTP server configured). */
  async markQueued(
    tx: Queryable,
    id: string,
    m: { outboxId: string; language: TemplateLanguage; whyYou: string },
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE campaign_messages
          SET status = CASE WHEN (SELECT status FROM mail_outbox WHERE id = $2) = 'held' THEN 'held' ELSE 'queued' END,
              outbox_id = $2, language = $3, why_you_enc = $4, updated_at = $5
        WHERE id = $1`,
      [id, m.outboxId, m.language, this.keyring.encrypt(m.whyYou, 'campaign_messages.why_you'), now],
    );
  }

  async getMessage(tx: Queryable, campaignId: string, id: string, lock = false): Promise<MessageRow | null> {
    const { rows } = await tx.query<Row>(
      `SELECT * FROM campaign_messages WHERE campaign_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [campaignId, id],
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async setMessageStatus(tx: Queryable, id: string, status: MessageStatus, now: Date): Promise<void> {
    await tx.query('UPDATE campaign_messages SET status = $2, updated_at = $3 WHERE id = $1', [
      id,
      status,
      now,
    ]);
  }

  /** Messages whose queued mail was cancelled (an objection, a withdrawal): excluded with the reasons. */
  async excludeByIds(
    tx: Queryable,
    ids: readonly string[],
    reasons: string | readonly string[],
    now: Date,
  ): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE campaign_messages SET status = 'excluded', exclusion_reasons = $2::text[], updated_at = $3
        WHERE id = ANY ($1::uuid[]) AND status IN ('queued', 'pending')`,
      [[...ids], typeof reasons === 'string' ? [reasons] : [...reasons], now],
    );
  }

  /** A person's campaign messages whose mail waits in the outbox (queued, or failed with a retry left). */
  async waitingForPerson(
    tx: Queryable,
    personId: string,
  ): Promise<{ messageId: string; campaignId: string }[]> {
    const { rows } = await tx.query<{ id: string; campaign_id: string }>(
      `SELECT m.id, m.campaign_id FROM campaign_messages m JOIN mail_outbox o ON o.id = m.outbox_id
        WHERE m.person_id = $1 AND m.status = 'queued'
          AND (o.status = 'queued' OR (o.status = 'failed' AND o.next_attempt_at IS NOT NULL))
        ORDER BY m.campaign_id, m.id`,
      [personId],
    );
    return rows.map((r) => ({ messageId: r.id, campaignId: r.campaign_id }));
  }

  /** Counts per status and per exclusion reason (no open or click counts: there are none, R-69). */
  async report(
    tx: Queryable,
    campaignId: string,
  ): Promise<{ byStatus: Record<MessageStatus, number>; byReason: Record<string, number> }> {
    const byStatus = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
    const s = await tx.query<{ status: MessageStatus; n: string }>(
      'SELECT status, count(*)::text AS n FROM campaign_messages WHERE campaign_id = $1 GROUP BY status',
      [campaignId],
    );
    for (const r of s.rows) byStatus[r.status] = Number(r.n);
    const byReason: Record<string, number> = {};
    const e = await tx.query<{ reason: string; n: string }>(
      `SELECT reason, count(*)::text AS n FROM campaign_messages, unnest(exclusion_reasons) AS reason
        WHERE campaign_id = $1 GROUP BY reason ORDER BY reason`,
      [campaignId],
    );
    for (const r of e.rows) byReason[r.reason] = Number(r.n);
    return { byStatus, byReason };
  }

  /** A recipient of the campaign: the given person when they are one, else the first; null when none. */
  async recipient(tx: Queryable, campaignId: string, personId: string | null): Promise<string | null> {
    const { rows } = await tx.query<{ person_id: string }>(
      `SELECT person_id FROM campaign_messages WHERE campaign_id = $1 AND ($2::uuid IS NULL OR person_id = $2)
        ORDER BY id LIMIT 1`,
      [campaignId, personId],
    );
    return rows[0]?.person_id ?? null;
  }

  /** The campaigns of these messages (to settle them once their messages are). */
  async campaignsOfMessages(tx: Queryable, messageIds: readonly string[]): Promise<string[]> {
    if (messageIds.length === 0) return [];
    const { rows } = await tx.query<{ campaign_id: string }>(
      'SELECT DISTINCT campaign_id FROM campaign_messages WHERE id = ANY ($1::uuid[])',
      [[...messageIds]],
    );
    return rows.map((r) => r.campaign_id);
  }

  /**
   * What a campaign message needs of its recipients (first name, branch name, e-mail), for many persons in
   * one query. Persons that no longer exist are missing from the map.
   */
  async recipients(tx: Queryable, personIds: readonly string[]): Promise<Map<string, Recipient>> {
    const out = new Map<string, Recipient>();
    if (personIds.length === 0) return out;
    const { rows } = await tx.query<{
      id: string;
      first_name_enc: string;
      email_enc: string | null;
      branch_name: string | null;
    }>(
      `SELECT p.id, p.first_name_enc, p.email_enc, b.name AS branch_name
         FROM persons p LEFT JOIN branches b ON b.id = p.branch_id WHERE p.id = ANY ($1::uuid[])`,
      [[...personIds]],
    );
    const k = this.keyring;
    for (const r of rows)
      out.set(r.id, {
        firstName: k.decrypt(r.first_name_enc, 'persons.first_name'),
        email: k.decryptNullable(r.email_enc, 'persons.email'),
        branchName: r.branch_name,
      });
    return out;
  }

  /** Messages that are in doubt (for the report): ids only. */
  async inDoubt(tx: Queryable, campaignId: string, limit: number): Promise<MessageRow[]> {
    const { rows } = await tx.query<Row>(
      `SELECT * FROM campaign_messages WHERE campaign_id = $1 AND status = 'in_doubt' ORDER BY id LIMIT $2`,
      [campaignId, limit],
    );
    return rows.map(toMessage);
  }
}
