/**
 * Consent forms: the draft a campaign team edits, and the snapshot taken at publish that the public page
 * shows (pinned text versions, the notice snapshot). No personal data here.
 */

import type { FormItem } from '../domain/consent/request.js';
import type { ConsentLanguage } from '../domain/consent/types.js';
import type { Queryable } from './db.js';

/** What the public page of a published form shows, fixed at publish time. */
export interface PublishedForm {
  languages: ConsentLanguage[];
  titles: Partial<Record<ConsentLanguage, string>>;
  intros: Partial<Record<ConsentLanguage, string>>;
  controllerName: string;
  privacyNotice: { url: string | null; text: string | null };
  noticeId: string;
  /** One checkbox per purpose, with the text version pinned per language. */
  purposes: { purposeId: string; texts: Partial<Record<ConsentLanguage, string>> }[];
}

export interface FormDraftFields {
  slug: string;
  titles: Partial<Record<ConsentLanguage, string>>;
  intros: Partial<Record<ConsentLanguage, string>>;
  controllerName: string;
  privacyNoticeUrl: string | null;
  privacyNoticeText: string | null;
  serviceName: string | null;
  servicePurposeId: string | null;
  items: FormItem[];
}

export interface FormRecord extends FormDraftFields {
  id: string;
  status: 'draft' | 'published';
  published: PublishedForm | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;

function toForm(r: Row): FormRecord {
  return {
    id: r.id as string,
    slug: r.slug as string,
    titles: (r.titles as FormRecord['titles']) ?? {},
    intros: (r.intros as FormRecord['intros']) ?? {},
    controllerName: r.controller_name as string,
    privacyNoticeUrl: (r.privacy_notice_url as string | null) ?? null,
    privacyNoticeText: (r.privacy_notice_text as string | null) ?? null,
    serviceName: (r.service_name as string | null) ?? null,
    servicePurposeId: (r.service_purpose_id as string | null) ?? null,
    items: (r.items as FormItem[]) ?? [],
    status: r.status as FormRecord['status'],
    published: (r.published as PublishedForm | null) ?? null,
    publishedAt: (r.published_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export const consentFormsRepo = {
  async insert(tx: Queryable, f: FormDraftFields, createdBy: string | null, now: Date): Promise<FormRecord> {
    const { rows } = await tx.query(
      `INSERT INTO consent_forms (slug, titles, intros, controller_name, privacy_notice_url, privacy_notice_text,
          service_name, service_purpose_id, items, status, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11, $11) RETURNING *`,
      [
        f.slug,
        JSON.stringify(f.titles),
        JSON.stringify(f.intros),
        f.controllerName,
        f.privacyNoticeUrl,
        f.privacyNoticeText,
        f.serviceName,
        f.servicePurposeId,
        JSON.stringify(f.items),
        createdBy,
        now,
      ],
    );
    return toForm(rows[0]!);
  },

  /** Edit the draft; a published form keeps showing its snapshot until it is published again. */
  async update(tx: Queryable, id: string, f: FormDraftFields, now: Date): Promise<FormRecord | null> {
    const { rows } = await tx.query(
      `UPDATE consent_forms SET slug = $2, titles = $3, intros = $4, controller_name = $5, privacy_notice_url = $6,
          privacy_notice_text = $7, service_name = $8, service_purpose_id = $9, items = $10, updated_at = $11
        WHERE id = $1 RETURNING *`,
      [
        id,
        f.slug,
        JSON.stringify(f.titles),
        JSON.stringify(f.intros),
        f.controllerName,
        f.privacyNoticeUrl,
        f.privacyNoticeText,
        f.serviceName,
        f.servicePurposeId,
        JSON.stringify(f.items),
        now,
      ],
    );
    return rows[0] ? toForm(rows[0]) : null;
  },

  async publish(tx: Queryable, id: string, snapshot: PublishedForm, now: Date): Promise<FormRecord> {
    const { rows } = await tx.query(
      `UPDATE consent_forms SET status = 'published', published = $2, published_at = $3, notice_id = $4, updated_at = $3
        WHERE id = $1 RETURNING *`,
      [id, JSON.stringify(snapshot), now, snapshot.noticeId],
    );
    return toForm(rows[0]!);
  },

  async unpublish(tx: Queryable, id: string, now: Date): Promise<FormRecord | null> {
    const { rows } = await tx.query(
      `UPDATE consent_forms SET status = 'draft', published = NULL, updated_at = $2 WHERE id = $1 RETURNING *`,
      [id, now],
    );
    return rows[0] ? toForm(rows[0]) : null;
  },

  async byId(tx: Queryable, id: string, lock = false): Promise<FormRecord | null> {
    const { rows } = await tx.query(`SELECT * FROM consent_forms WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ? toForm(rows[0]) : null;
  },

  async bySlug(tx: Queryable, slug: string): Promise<FormRecord | null> {
    const { rows } = await tx.query('SELECT * FROM consent_forms WHERE slug = $1', [slug]);
    return rows[0] ? toForm(rows[0]) : null;
  },

  async list(tx: Queryable): Promise<FormRecord[]> {
    const { rows } = await tx.query('SELECT * FROM consent_forms ORDER BY created_at, slug');
    return rows.map(toForm);
  },
};
