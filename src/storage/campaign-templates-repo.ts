/**
 * Campaign templates (migration 009): versioned; a version a campaign used is never changed (an edit
 * adds a version). Templates hold no personal data.
 */
import type { TemplateContent } from '../domain/outreach/templates.js';
import type { Queryable } from './db.js';

export interface TemplateRow {
  id: string;
  familyId: string;
  version: number;
  name: string;
  content: TemplateContent;
  createdBy: string | null;
  createdAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
}

type Row = Record<string, unknown>;

function toRow(r: Row): TemplateRow {
  const en =
    r.en_subject === null || r.en_subject === undefined
      ? null
      : {
          subject: r.en_subject as string,
          text: r.en_text as string,
          html: (r.en_html as string | null) ?? null,
        };
  return {
    id: r.id as string,
    familyId: r.family_id as string,
    version: Number(r.version),
    name: r.name as string,
    content: {
      nl: {
        subject: r.nl_subject as string,
        text: r.nl_text as string,
        html: (r.nl_html as string | null) ?? null,
      },
      en,
    },
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    usedAt: r.used_at ? new Date(r.used_at as string) : null,
    supersededAt: r.superseded_at ? new Date(r.superseded_at as string) : null,
  };
}

const contentValues = (c: TemplateContent) => [
  c.nl.subject,
  c.nl.text,
  c.nl.html,
  c.en?.subject ?? null,
  c.en?.text ?? null,
  c.en?.html ?? null,
];

export const campaignTemplatesRepo = {
  async insert(
    tx: Queryable,
    t: {
      familyId: string | null;
      version: number;
      name: string;
      content: TemplateContent;
      createdBy: string | null;
    },
    now: Date,
  ): Promise<TemplateRow> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO campaign_templates (family_id, version, name, nl_subject, nl_text, nl_html, en_subject, en_text,
              en_html, created_by, created_at)
       VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [t.familyId, t.version, t.name, ...contentValues(t.content), t.createdBy, now],
    );
    return toRow(rows[0]!);
  },

  /** Change a version no campaign used yet, in place. */
  async update(
    tx: Queryable,
    id: string,
    t: { name: string; content: TemplateContent },
  ): Promise<TemplateRow> {
    const { rows } = await tx.query<Row>(
      `UPDATE campaign_templates SET name = $2, nl_subject = $3, nl_text = $4, nl_html = $5, en_subject = $6,
              en_text = $7, en_html = $8
        WHERE id = $1 AND used_at IS NULL RETURNING *`,
      [id, t.name, ...contentValues(t.content)],
    );
    return toRow(rows[0]!);
  },

  async supersede(tx: Queryable, id: string, now: Date): Promise<void> {
    await tx.query('UPDATE campaign_templates SET superseded_at = $2 WHERE id = $1', [id, now]);
  },

  async markUsed(tx: Queryable, id: string, now: Date): Promise<void> {
    await tx.query('UPDATE campaign_templates SET used_at = coalesce(used_at, $2) WHERE id = $1', [id, now]);
  },

  async get(tx: Queryable, id: string, lock = false): Promise<TemplateRow | null> {
    const { rows } = await tx.query<Row>(
      `SELECT * FROM campaign_templates WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** The current version of every template, by name. */
  async listCurrent(tx: Queryable): Promise<TemplateRow[]> {
    const { rows } = await tx.query<Row>(
      'SELECT * FROM campaign_templates WHERE superseded_at IS NULL ORDER BY lower(name), created_at',
    );
    return rows.map(toRow);
  },
};
