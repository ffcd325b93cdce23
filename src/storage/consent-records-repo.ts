/**
 * Consent records: append-only evidence of each consent, one record per purpose. What the consent
 * is for is encrypted (`consent_enc`: the purpose may reveal a political opinion), found by a keyed blind
 * index of the purpose; guardian data, place, collector, user agent and the withdrawer's principal are
 * encrypted too. The trigger of migration 004 refuses any change to the facts.
 */
import type {
  CaptureDefect,
  ConsentChannel,
  ConsentFacts,
  WithdrawalChannel,
} from '../domain/consent/types.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

/** What the consent covers, as encrypted in `consent_enc`. */
export interface ConsentWhat {
  purposeId: string;
  textVersionId: string | null;
  /** SHA-256 (hex) of the text version's full text at the time. */
  textSha256: string | null;
  controllerNames: string[];
  explicit: boolean;
  captureDefects: CaptureDefect[];
  purposesInAction: number;
  formId: string | null;
  submissionId: string | null;
  noticeId: string | null;
}

export interface NewConsentRecord extends ConsentWhat {
  personId: string;
  channel: ConsentChannel;
  givenAt: Date;
  capturedBy: string | null;
  place: string | null;
  collector: string | null;
  ipHash: string | null;
  userAgent: string | null;
  scanId: string | null;
  confirmedAt: Date | null;
  ageAtConsent: number | null;
  guardianName: string | null;
  guardianEmail: string | null;
  guardianConfirmedAt: Date | null;
}

export interface ConsentRecordRow extends NewConsentRecord {
  id: string;
  withdrawnAt: Date | null;
  withdrawalChannel: WithdrawalChannel | null;
  withdrawnBy: string | null;
  onBehalfOf: string | null;
  createdAt: Date;
}

export interface Withdrawal {
  at: Date;
  channel: WithdrawalChannel;
  /** A user id, 'subject' or 'guardian'. */
  by: string;
  onBehalfOf: string | null;
}

export interface NewScan {
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
  bytes: Buffer;
  sha256: string;
  uploadedBy: string | null;
}

type Row = Record<string, unknown>;
const T = 'consent_records';

export class ConsentRecordsRepo {
  constructor(private readonly keyring: Keyring) {}

  purposeIndex(purposeId: string): string {
    return this.keyring.blindIndex('consent_purpose', purposeId);
  }

  private toRow(r: Row): ConsentRecordRow {
    const k = this.keyring;
    const what = JSON.parse(k.decrypt(r.consent_enc as string, `${T}.consent`)) as ConsentWhat;
    return {
      ...what,
      id: r.id as string,
      personId: r.person_id as string,
      channel: r.channel as ConsentChannel,
      givenAt: r.given_at as Date,
      capturedBy: (r.captured_by as string | null) ?? null,
      place: k.decryptNullable((r.place_enc as string | null) ?? null, `${T}.place`),
      collector: k.decryptNullable((r.collector_enc as string | null) ?? null, `${T}.collector`),
      ipHash: (r.ip_hash as string | null) ?? null,
      userAgent: k.decryptNullable((r.user_agent_enc as string | null) ?? null, `${T}.user_agent`),
      scanId: (r.scan_id as string | null) ?? null,
      confirmedAt: (r.confirmed_at as Date | null) ?? null,
      ageAtConsent: r.age_at_consent === null ? null : Number(r.age_at_consent),
      guardianName: k.decryptNullable((r.guardian_name_enc as string | null) ?? null, `${T}.guardian_name`),
      guardianEmail: k.decryptNullable(
        (r.guardian_email_enc as string | null) ?? null,
        `${T}.guardian_email`,
      ),
      guardianConfirmedAt: (r.guardian_confirmed_at as Date | null) ?? null,
      withdrawnAt: (r.withdrawn_at as Date | null) ?? null,
      withdrawalChannel: (r.withdrawal_channel as WithdrawalChannel | null) ?? null,
      withdrawnBy: (r.withdrawn_by as string | null) ?? null,
      onBehalfOf: k.decryptNullable((r.on_behalf_of_enc as string | null) ?? null, `${T}.on_behalf_of`),
      createdAt: r.created_at as Date,
    };
  }

  async insert(tx: Queryable, c: NewConsentRecord, now: Date): Promise<string> {
    const k = this.keyring;
    const what: ConsentWhat = {
      purposeId: c.purposeId,
      textVersionId: c.textVersionId,
      textSha256: c.textSha256,
      controllerNames: c.controllerNames,
      explicit: c.explicit,
      captureDefects: c.captureDefects,
      purposesInAction: c.purposesInAction,
      formId: c.formId,
      submissionId: c.submissionId,
      noticeId: c.noticeId,
    };
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO consent_records (person_id, purpose_bidx, consent_enc, channel, given_at, captured_by, place_enc,
          collector_enc, ip_hash, user_agent_enc, scan_id, confirmed_at, age_at_consent, guardian_name_enc,
          guardian_email_enc, guardian_confirmed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        c.personId,
        this.purposeIndex(c.purposeId),
        k.encrypt(JSON.stringify(what), `${T}.consent`),
        c.channel,
        c.givenAt,
        c.capturedBy,
        k.encryptNullable(c.place, `${T}.place`),
        k.encryptNullable(c.collector, `${T}.collector`),
        c.ipHash,
        k.encryptNullable(c.userAgent, `${T}.user_agent`),
        c.scanId,
        c.confirmedAt,
        c.ageAtConsent,
        k.encryptNullable(c.guardianName, `${T}.guardian_name`),
        k.encryptNullable(c.guardianEmail, `${T}.guardian_email`),
        c.guardianConfirmedAt,
        now,
      ],
    );
    return rows[0]!.id;
  }

  async byId(tx: Queryable, id: string): Promise<ConsentRecordRow | null> {
    const { rows } = await tx.query(`SELECT * FROM ${T} WHERE id = $1`, [id]);
    return rows[0] ? this.toRow(rows[0]) : null;
  }

  async byIds(tx: Queryable, ids: readonly string[], lock = false): Promise<ConsentRecordRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.query(
      `SELECT * FROM ${T} WHERE id = ANY ($1::uuid[]) ORDER BY given_at, seq${lock ? ' FOR UPDATE' : ''}`,
      [[...new Set(ids)]],
    );
    return rows.map((r) => this.toRow(r));
  }

  /** Every record of these persons, oldest first (batch: one query). */
  async byPersons(tx: Queryable, personIds: readonly string[]): Promise<ConsentRecordRow[]> {
    if (personIds.length === 0) return [];
    const { rows } = await tx.query(
      `SELECT * FROM ${T} WHERE person_id = ANY ($1::uuid[]) ORDER BY person_id, given_at, seq`,
      [[...new Set(personIds)]],
    );
    return rows.map((r) => this.toRow(r));
  }

  /** Records of a person for a purpose (through the blind index). */
  async byPersonAndPurpose(tx: Queryable, personId: string, purposeId: string): Promise<ConsentRecordRow[]> {
    const { rows } = await tx.query(
      `SELECT * FROM ${T} WHERE person_id = $1 AND purpose_bidx = $2 ORDER BY given_at, seq`,
      [personId, this.purposeIndex(purposeId)],
    );
    return rows.map((r) => this.toRow(r));
  }

  /** Set the double opt-in click time (and the guardian's, R-19) where not set yet; returns the ids set. */
  async confirm(tx: Queryable, ids: readonly string[], at: Date, guardian: boolean): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE ${T} SET confirmed_at = coalesce(confirmed_at, $2)
          ${guardian ? ', guardian_confirmed_at = coalesce(guardian_confirmed_at, $2)' : ''}
        WHERE id = ANY ($1::uuid[]) AND withdrawn_at IS NULL AND confirmed_at IS NULL RETURNING id`,
      [[...new Set(ids)], at],
    );
    return rows.map((r) => r.id);
  }

  /** Withdraw the records not withdrawn yet; returns the ids withdrawn now. */
  async withdraw(tx: Queryable, ids: readonly string[], w: Withdrawal): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE ${T} SET withdrawn_at = $2, withdrawal_channel = $3, withdrawn_by = $4, on_behalf_of_enc = $5
        WHERE id = ANY ($1::uuid[]) AND withdrawn_at IS NULL RETURNING id`,
      [
        [...new Set(ids)],
        w.at,
        w.channel,
        w.by,
        this.keyring.encryptNullable(w.onBehalfOf, `${T}.on_behalf_of`),
      ],
    );
    return rows.map((r) => r.id);
  }

  async attachScan(tx: Queryable, ids: readonly string[], scanId: string): Promise<void> {
    await tx.query(`UPDATE ${T} SET scan_id = $2 WHERE id = ANY ($1::uuid[]) AND scan_id IS NULL`, [
      [...new Set(ids)],
      scanId,
    ]);
  }

  async insertScan(tx: Queryable, s: NewScan, now: Date): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO consent_scans (content_type, size_bytes, sha256, bytes_enc, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        s.contentType,
        s.bytes.length,
        s.sha256,
        this.keyring.encrypt(s.bytes.toString('base64'), 'consent_scans.bytes'),
        s.uploadedBy,
        now,
      ],
    );
    return rows[0]!.id;
  }

  async scanMeta(
    tx: Queryable,
    id: string,
  ): Promise<{ id: string; contentType: string; sizeBytes: number; sha256: string; createdAt: Date } | null> {
    const { rows } = await tx.query(
      'SELECT id, content_type, size_bytes, sha256, created_at FROM consent_scans WHERE id = $1',
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id as string,
          contentType: r.content_type as string,
          sizeBytes: Number(r.size_bytes),
          sha256: r.sha256 as string,
          createdAt: r.created_at as Date,
        }
      : null;
  }

  async scanById(
    tx: Queryable,
    id: string,
  ): Promise<{ id: string; contentType: string; sizeBytes: number; sha256: string; bytes: Buffer } | null> {
    const { rows } = await tx.query('SELECT * FROM consent_scans WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      contentType: r.content_type as string,
      sizeBytes: Number(r.size_bytes),
      sha256: r.sha256 as string,
      bytes: Buffer.from(this.keyring.decrypt(r.bytes_enc as string, 'consent_scans.bytes'), 'base64'),
    };
  }

  /** Unconfirmed web sign-ups given before `cutoff` (R-17: purged on day 15); returns what was deleted. */
  async purgePending(tx: Queryable, cutoff: Date): Promise<{ id: string; personId: string }[]> {
    const { rows } = await tx.query<{ id: string; person_id: string }>(
      `DELETE FROM ${T} WHERE channel = 'WEB_FORM' AND confirmed_at IS NULL AND given_at < $1
        RETURNING id, person_id`,
      [cutoff],
    );
    return rows.map((r) => ({ id: r.id, personId: r.person_id }));
  }

  /**
   * Delete a person a purged web sign-up created, when no consent record refers to them any more.
   * Another table still referring to the person (the register grew in between) keeps them: false.
   */
  async deleteOrphanSignupPerson(tx: Queryable, personId: string): Promise<boolean> {
    try {
      const { rowCount } = await tx.query(
        `DELETE FROM persons WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ${T} WHERE person_id = $1)`,
        [personId],
      );
      return rowCount > 0;
    } catch (e) {
      if ((e as { code?: string }).code === '23503') return false;
      throw e;
    }
  }

  async countForPerson(tx: Queryable, personId: string): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${T} WHERE person_id = $1`,
      [personId],
    );
    return rows[0]?.n ?? 0;
  }
}

/** The record as the consent rules see it. */
export function consentFacts(r: ConsentRecordRow): ConsentFacts {
  return {
    id: r.id,
    purposeId: r.purposeId,
    textVersionId: r.textVersionId,
    controllerNames: r.controllerNames,
    channel: r.channel,
    givenAt: r.givenAt,
    explicit: r.explicit,
    captureDefects: r.captureDefects,
    purposesInAction: r.purposesInAction,
    confirmedAt: r.confirmedAt,
    hasScan: r.scanId !== null,
    ageAtConsent: r.ageAtConsent,
    guardianConfirmedAt: r.guardianConfirmedAt,
    withdrawnAt: r.withdrawnAt,
  };
}
