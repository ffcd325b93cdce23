/**
 * The consent catalogue: purposes, versioned consent texts (frozen once referenced, R-14) and privacy-notice
 * snapshots. No personal data here. The triggers of migration 004 are the last line of defence; their
 * refusal surfaces as DomainError('TEXT_VERSION_IMMUTABLE').
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/codes.js';
import type {
  ConsentLanguage,
  ConsentPurpose,
  ConsentTextContent,
  PermissionChannel,
} from '../domain/consent/types.js';
import type { Queryable } from './db.js';

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

export interface PurposeRecord extends ConsentPurpose {
  createdAt: Date;
  updatedAt: Date;
}

export interface NewPurpose {
  name: string;
  description: string;
  political: boolean;
  channels: PermissionChannel[];
  scopeUntil: string | null;
  refreshAfterMonths: number | null;
  recipients: string[];
}

export interface TextVersionRecord extends ConsentTextContent {
  id: string;
  purposeId: string;
  version: number;
  fullText: string;
  sha256: string;
  createdAt: Date;
  createdBy: string | null;
  /** When a consent record or a published form first used it; from then on it is frozen. */
  referencedAt: Date | null;
}

export interface NoticeRecord {
  id: string;
  url: string | null;
  body: string | null;
  sha256: string;
  createdAt: Date;
}

type Row = Record<string, unknown>;

const isoDate = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    // a date column read back as a local-midnight Date: take its calendar date
    const y = v.getFullYear();
    const m = String(v.getMonth() + 1).padStart(2, '0');
    const d = String(v.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(v).slice(0, 10);
};

function toPurpose(r: Row): PurposeRecord {
  return {
    id: r.id as string,
    name: r.name as string,
    description: r.description as string,
    political: r.political as boolean,
    channels: (r.channels as PermissionChannel[]) ?? [],
    scopeUntil: isoDate(r.scope_until_text ?? r.scope_until),
    refreshAfterMonths: r.refresh_after_months === null ? null : Number(r.refresh_after_months),
    recipients: (r.recipients as string[]) ?? [],
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

function toText(r: Row): TextVersionRecord {
  return {
    id: r.id as string,
    purposeId: r.purpose_id as string,
    language: r.language as ConsentLanguage,
    version: Number(r.version),
    controllerName: r.controller_name as string,
    statement: r.statement as string,
    specialCategoryMention: (r.special_category_mention as string | null) ?? null,
    purposeMention: (r.purpose_mention as string | null) ?? null,
    dataCategories: (r.data_categories as string[]) ?? [],
    withdrawalInstructions: r.withdrawal_instructions as string,
    automatedDecisionNotice: (r.automated_decision_notice as string | null) ?? null,
    transferNotice: (r.transfer_notice as string | null) ?? null,
    fullText: r.full_text as string,
    sha256: r.sha256 as string,
    createdAt: r.created_at as Date,
    createdBy: (r.created_by as string | null) ?? null,
    referencedAt: (r.referenced_at as Date | null) ?? null,
  };
}

const PURPOSE_COLS =
  'id, name, description, political, channels, scope_until::text AS scope_until_text, refresh_after_months, recipients, created_at, updated_at';

/** The triggers' refusal as the product code. */
async function frozen<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Error && e.message.includes('TEXT_VERSION_IMMUTABLE')) {
      throw new DomainError('TEXT_VERSION_IMMUTABLE');
    }
    throw e;
  }
}

const isUniqueViolation = (e: unknown) =>
  e instanceof Error &&
  ((e as { code?: string }).code === '23505' || /unique|duplicate key/i.test(e.message));

export const consentCatalogueRepo = {
  isUniqueViolation,

  /** The party's own name: the controller every consent must name. Null before setup. */
  async partyName(tx: Queryable): Promise<string | null> {
    const { rows } = await tx.query<{ party_name: string }>(
      'SELECT party_name FROM party_settings WHERE id = 1',
    );
    return rows[0]?.party_name ?? null;
  },

  /** The system dataset of persons who signed up through the party's own forms (origin OWN_FORMS). */
  async ownFormsDataset(tx: Queryable, now: Date): Promise<string> {
    const find = async () =>
      (
        await tx.query<{ id: string }>(
          `SELECT id FROM datasets WHERE origin = 'OWN_FORMS' AND provenance ->> 'system' = 'consent-forms'
            ORDER BY created_at LIMIT 1`,
        )
      ).rows[0]?.id ?? null;
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['kieskluis:own-forms-dataset']);
    const found = await find();
    if (found) return found;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO datasets (name, origin, source_kind, provenance, contains_political, status, created_at, updated_at)
       VALUES ('Eigen formulieren', 'OWN_FORMS', 'DATA_SUBJECT', $1, true, 'active', $2, $2) RETURNING id`,
      [
        JSON.stringify({
          system: 'consent-forms',
          notice: 'Privacyverklaring gelinkt op elk formulier (AVG art. 13)',
          lawfulness: 'Toestemming per doel via de eigen formulieren, met dubbele bevestiging (R-14, R-17)',
        }),
        now,
      ],
    );
    return rows[0]!.id;
  },

  /** Serialise work on one key (e.g. one e-mail address's blind index) until the transaction ends. */
  async lockKey(tx: Queryable, key: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  },

  async insertPurpose(
    tx: Queryable,
    p: NewPurpose,
    createdBy: string | null,
    now: Date,
  ): Promise<PurposeRecord> {
    const { rows } = await tx.query(
      `INSERT INTO consent_purposes (name, description, political, channels, scope_until, refresh_after_months,
          recipients, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${PURPOSE_COLS}`,
      [
        p.name,
        p.description,
        p.political,
        p.channels,
        p.scopeUntil,
        p.refreshAfterMonths,
        p.recipients,
        createdBy,
        now,
      ],
    );
    return toPurpose(rows[0]!);
  },

  async updatePurpose(tx: Queryable, id: string, p: NewPurpose, now: Date): Promise<PurposeRecord | null> {
    const { rows } = await tx.query(
      `UPDATE consent_purposes SET name = $2, description = $3, political = $4, channels = $5, scope_until = $6,
          refresh_after_months = $7, recipients = $8, updated_at = $9
        WHERE id = $1 RETURNING ${PURPOSE_COLS}`,
      [
        id,
        p.name,
        p.description,
        p.political,
        p.channels,
        p.scopeUntil,
        p.refreshAfterMonths,
        p.recipients,
        now,
      ],
    );
    return rows[0] ? toPurpose(rows[0]) : null;
  },

  async listPurposes(tx: Queryable): Promise<PurposeRecord[]> {
    const { rows } = await tx.query(`SELECT ${PURPOSE_COLS} FROM consent_purposes ORDER BY lower(name)`);
    return rows.map(toPurpose);
  },

  async purposesByIds(tx: Queryable, ids: readonly string[]): Promise<Map<string, PurposeRecord>> {
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query(
      `SELECT ${PURPOSE_COLS} FROM consent_purposes WHERE id = ANY ($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id as string, toPurpose(r)]));
  },

  async purposeById(tx: Queryable, id: string, lock = false): Promise<PurposeRecord | null> {
    const { rows } = await tx.query(
      `SELECT ${PURPOSE_COLS} FROM consent_purposes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toPurpose(rows[0]) : null;
  },

  /** Whether any text version of the purpose is referenced (a record or a published form uses it). */
  async purposeReferenced(tx: Queryable, id: string): Promise<boolean> {
    const { rows } = await tx.query(
      'SELECT 1 FROM consent_texts WHERE purpose_id = $1 AND referenced_at IS NOT NULL LIMIT 1',
      [id],
    );
    return rows.length > 0;
  },

  /** A new version (number = latest + 1) of the purpose's text in that language. Lock the purpose first. */
  async insertText(
    tx: Queryable,
    purposeId: string,
    c: ConsentTextContent,
    fullText: string,
    createdBy: string | null,
    now: Date,
  ): Promise<TextVersionRecord> {
    const { rows } = await tx.query(
      `INSERT INTO consent_texts (purpose_id, language, version, controller_name, statement, special_category_mention,
          purpose_mention, data_categories, withdrawal_instructions, automated_decision_notice, transfer_notice,
          full_text, sha256, created_by, created_at)
       VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM consent_texts WHERE purpose_id = $1 AND language = $2),
          $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING *`,
      [
        purposeId,
        c.language,
        c.controllerName,
        c.statement,
        c.specialCategoryMention,
        c.purposeMention,
        c.dataCategories,
        c.withdrawalInstructions,
        c.automatedDecisionNotice,
        c.transferNotice,
        fullText,
        sha256Hex(fullText),
        createdBy,
        now,
      ],
    );
    return toText(rows[0]!);
  },

  /** Change a version in place: only while nothing references it (the trigger refuses otherwise). */
  async updateText(
    tx: Queryable,
    id: string,
    c: ConsentTextContent,
    fullText: string,
  ): Promise<TextVersionRecord | null> {
    return frozen(async () => {
      const { rows } = await tx.query(
        `UPDATE consent_texts SET controller_name = $2, statement = $3, special_category_mention = $4,
            purpose_mention = $5, data_categories = $6, withdrawal_instructions = $7, automated_decision_notice = $8,
            transfer_notice = $9, full_text = $10, sha256 = $11
          WHERE id = $1 RETURNING *`,
        [
          id,
          c.controllerName,
          c.statement,
          c.specialCategoryMention,
          c.purposeMention,
          c.dataCategories,
          c.withdrawalInstructions,
          c.automatedDecisionNotice,
          c.transferNotice,
          fullText,
          sha256Hex(fullText),
        ],
      );
      return rows[0] ? toText(rows[0]) : null;
    });
  },

  async deleteText(tx: Queryable, id: string): Promise<boolean> {
    return frozen(async () => {
      const { rowCount } = await tx.query('DELETE FROM consent_texts WHERE id = $1', [id]);
      return rowCount > 0;
    });
  },

  async textById(tx: Queryable, id: string, lock = false): Promise<TextVersionRecord | null> {
    const { rows } = await tx.query(`SELECT * FROM consent_texts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ? toText(rows[0]) : null;
  },

  async textsByIds(tx: Queryable, ids: readonly string[]): Promise<Map<string, TextVersionRecord>> {
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query('SELECT * FROM consent_texts WHERE id = ANY ($1::uuid[])', [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id as string, toText(r)]));
  },

  /** All versions, newest first per purpose and language; optionally of one purpose. */
  async listTexts(tx: Queryable, purposeId: string | null): Promise<TextVersionRecord[]> {
    const { rows } = await tx.query(
      `SELECT * FROM consent_texts ${purposeId ? 'WHERE purpose_id = $1' : ''}
        ORDER BY purpose_id, language, version DESC`,
      purposeId ? [purposeId] : [],
    );
    return rows.map(toText);
  },

  /** The newest version per (purpose, language) for these purposes. */
  async latestTexts(tx: Queryable, purposeIds: readonly string[]): Promise<TextVersionRecord[]> {
    if (purposeIds.length === 0) return [];
    const { rows } = await tx.query(
      `SELECT DISTINCT ON (purpose_id, language) * FROM consent_texts WHERE purpose_id = ANY ($1::uuid[])
        ORDER BY purpose_id, language, version DESC`,
      [[...new Set(purposeIds)]],
    );
    return rows.map(toText);
  },

  /** Freeze these versions: a consent record or a published form uses them. */
  async markReferenced(tx: Queryable, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      'UPDATE consent_texts SET referenced_at = $2 WHERE id = ANY ($1::uuid[]) AND referenced_at IS NULL',
      [[...new Set(ids)], now],
    );
  },

  /** The snapshot of a privacy notice, shared by everyone who saw the same notice. */
  async notice(tx: Queryable, url: string | null, body: string | null, now: Date): Promise<NoticeRecord> {
    const sha = sha256Hex(JSON.stringify({ url, body }));
    await tx.query(
      `INSERT INTO consent_notices (url, body, sha256, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
      [url, body, sha, now],
    );
    const { rows } = await tx.query('SELECT * FROM consent_notices WHERE sha256 = $1', [sha]);
    const r = rows[0]!;
    return {
      id: r.id as string,
      url: (r.url as string | null) ?? null,
      body: (r.body as string | null) ?? null,
      sha256: r.sha256 as string,
      createdAt: r.created_at as Date,
    };
  },

  async noticeById(tx: Queryable, id: string): Promise<NoticeRecord | null> {
    const { rows } = await tx.query('SELECT * FROM consent_notices WHERE id = $1', [id]);
    const r = rows[0];
    return r
      ? {
          id: r.id as string,
          url: (r.url as string | null) ?? null,
          body: (r.body as string | null) ?? null,
          sha256: r.sha256 as string,
          createdAt: r.created_at as Date,
        }
      : null;
  },
};
