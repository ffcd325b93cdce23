/**
 * Audiences, their frozen snapshots and snapshot members (migration 008). Criteria are ids and ranges, not
 * personal data; snapshot members are person ids only. The only personal data read here are the display
 * names of the persons an explanation shows (decrypted; the use case audits each read).
 */

import type { ScopeFilter } from '../domain/access/policies.js';
import type { AudienceCriteria, SegmentClass } from '../domain/audiences/types.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export interface AudienceClassificationDetail {
  why: { key: string; why: string }[];
  flags: string[];
  adClass: string;
}

export interface AudienceRow {
  id: string;
  name: string;
  activityId: string;
  activityName: string;
  criteria: AudienceCriteria;
  classification: SegmentClass;
  classificationDetail: AudienceClassificationDetail;
  /** null = the whole party. */
  ownerScope: ScopeFilter[] | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

export interface NewAudience {
  name: string;
  activityId: string;
  criteria: AudienceCriteria;
  classification: SegmentClass;
  classificationDetail: AudienceClassificationDetail;
  ownerScope: ScopeFilter[] | null;
  createdBy: string | null;
}

export interface SnapshotRow {
  id: string;
  audienceId: string;
  activityId: string;
  criteria: AudienceCriteria;
  classification: SegmentClass;
  referenceDate: Date;
  includedCount: number;
  excludedCounts: Record<string, number>;
  excludedPersons: number;
  usedFor: 'campaign' | 'export' | 'custom_audience' | 'review';
  createdBy: string | null;
  createdAt: Date;
}

export interface CatalogueRows {
  branches: { id: string; name: string }[];
  tags: {
    id: string;
    key: string;
    labelNl: string;
    labelEn: string;
    dataClass: 'ordinary' | 'political';
    proxyRisk: 'none' | 'low' | 'high';
  }[];
  purposes: { id: string; name: string; political: boolean; politicalAdvertising: boolean }[];
}

type Row = Record<string, unknown>;
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function toAudience(r: Row): AudienceRow {
  return {
    id: r.id as string,
    name: r.name as string,
    activityId: r.activity_id as string,
    activityName: (r.activity_name as string) ?? '',
    criteria: json<AudienceCriteria>(r.criteria),
    classification: r.classification as SegmentClass,
    classificationDetail: json<AudienceClassificationDetail>(r.classification_detail),
    ownerScope: r.owner_scope === null ? null : json<ScopeFilter[]>(r.owner_scope),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    archivedAt: (r.archived_at as Date | null) ?? null,
  };
}

function toSnapshot(r: Row): SnapshotRow {
  return {
    id: r.id as string,
    audienceId: r.audience_id as string,
    activityId: r.activity_id as string,
    criteria: json<AudienceCriteria>(r.criteria),
    classification: r.classification as SegmentClass,
    referenceDate: r.reference_date as Date,
    includedCount: Number(r.included_count),
    excludedCounts: json<Record<string, number>>(r.excluded_counts),
    excludedPersons: Number(r.excluded_persons),
    usedFor: r.used_for as SnapshotRow['usedFor'],
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

const SELECT_AUDIENCE = `SELECT a.*, pa.name AS activity_name FROM audiences a
  JOIN processing_activities pa ON pa.id = a.activity_id`;

export const audiencesRepo = {
  async insert(tx: Queryable, a: NewAudience, now: Date): Promise<AudienceRow> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO audiences (name, activity_id, criteria, classification, classification_detail, owner_scope,
         created_by, created_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6::jsonb, $7, $8, $8) RETURNING id`,
      [
        a.name,
        a.activityId,
        JSON.stringify(a.criteria),
        a.classification,
        JSON.stringify(a.classificationDetail),
        a.ownerScope === null ? null : JSON.stringify(a.ownerScope),
        a.createdBy,
        now,
      ],
    );
    return (await audiencesRepo.get(tx, rows[0]!.id))!;
  },

  async update(
    tx: Queryable,
    id: string,
    a: Pick<NewAudience, 'name' | 'activityId' | 'criteria' | 'classification' | 'classificationDetail'>,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE audiences SET name = $2, activity_id = $3, criteria = $4::jsonb, classification = $5,
         classification_detail = $6::jsonb, updated_at = $7 WHERE id = $1`,
      [
        id,
        a.name,
        a.activityId,
        JSON.stringify(a.criteria),
        a.classification,
        JSON.stringify(a.classificationDetail),
        now,
      ],
    );
  },

  async get(tx: Queryable, id: string): Promise<AudienceRow | null> {
    const { rows } = await tx.query<Row>(`${SELECT_AUDIENCE} WHERE a.id = $1`, [id]);
    return rows[0] ? toAudience(rows[0]) : null;
  },

  /** Every audience not archived, newest first (few per party; the use case filters by scope). */
  async list(tx: Queryable): Promise<AudienceRow[]> {
    const { rows } = await tx.query<Row>(
      `${SELECT_AUDIENCE} WHERE a.archived_at IS NULL ORDER BY a.created_at DESC, a.id`,
    );
    return rows.map(toAudience);
  },

  /** Branches, tags (field definitions of kind tag) and consent purposes: what criteria may reference. */
  async catalogue(tx: Queryable): Promise<CatalogueRows> {
    const branches = await tx.query<{ id: string; name: string }>(
      'SELECT id, name FROM branches ORDER BY name',
    );
    const tags = await tx.query<Row>(
      `SELECT id, key, label_nl, label_en, data_class, proxy_risk FROM field_definitions WHERE kind = 'tag'
       ORDER BY key`,
    );
    const purposes = await tx.query<Row>(
      'SELECT id, name, political, political_advertising FROM consent_purposes ORDER BY name',
    );
    return {
      branches: branches.rows,
      tags: tags.rows.map((r) => ({
        id: r.id as string,
        key: r.key as string,
        labelNl: r.label_nl as string,
        labelEn: r.label_en as string,
        dataClass: r.data_class as 'ordinary' | 'political',
        proxyRisk: r.proxy_risk as 'none' | 'low' | 'high',
      })),
      purposes: purposes.rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        political: r.political as boolean,
        politicalAdvertising: r.political_advertising as boolean,
      })),
    };
  },

  async insertSnapshot(tx: Queryable, s: Omit<SnapshotRow, 'id' | 'createdAt'>, now: Date): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO audience_snapshots (audience_id, activity_id, criteria, classification, reference_date,
         included_count, excluded_counts, excluded_persons, used_for, created_by, created_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8, $9, $10, $11) RETURNING id`,
      [
        s.audienceId,
        s.activityId,
        JSON.stringify(s.criteria),
        s.classification,
        s.referenceDate,
        s.includedCount,
        JSON.stringify(s.excludedCounts),
        s.excludedPersons,
        s.usedFor,
        s.createdBy,
        now,
      ],
    );
    return rows[0]!.id;
  },

  /** Add members in multi-row statements. */
  async insertMembers(tx: Queryable, snapshotId: string, personIds: readonly string[]): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < personIds.length; i += CHUNK) {
      const part = personIds.slice(i, i + CHUNK);
      await tx.query(
        `INSERT INTO audience_snapshot_members (snapshot_id, person_id)
         SELECT $1::uuid, p FROM unnest($2::uuid[]) AS p ON CONFLICT DO NOTHING`,
        [snapshotId, part],
      );
    }
  },

  async listSnapshots(tx: Queryable, audienceId: string): Promise<SnapshotRow[]> {
    const { rows } = await tx.query<Row>(
      'SELECT * FROM audience_snapshots WHERE audience_id = $1 ORDER BY created_at DESC, id',
      [audienceId],
    );
    return rows.map(toSnapshot);
  },

  async getSnapshot(tx: Queryable, id: string): Promise<SnapshotRow | null> {
    const { rows } = await tx.query<Row>('SELECT * FROM audience_snapshots WHERE id = $1', [id]);
    return rows[0] ? toSnapshot(rows[0]) : null;
  },

  async snapshotMembers(tx: Queryable, snapshotId: string): Promise<string[]> {
    const { rows } = await tx.query<{ person_id: string }>(
      'SELECT person_id FROM audience_snapshot_members WHERE snapshot_id = $1 ORDER BY person_id',
      [snapshotId],
    );
    return rows.map((r) => r.person_id);
  },
};

/** Display names and branch of persons shown in an explanation (decrypted; reads audited by the caller). */
export async function personDisplayRows(
  keyring: Keyring,
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, { displayName: string; branchId: string | null; branchName: string | null }>> {
  const out = new Map<string, { displayName: string; branchId: string | null; branchName: string | null }>();
  if (ids.length === 0) return out;
  const { rows } = await tx.query<Row>(
    `SELECT p.id, p.first_name_enc, p.infix_enc, p.last_name_enc, p.branch_id, b.name AS branch_name
     FROM persons p LEFT JOIN branches b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  for (const r of rows) {
    const parts = [
      keyring.decrypt(r.first_name_enc as string, 'persons.first_name'),
      keyring.decryptNullable(r.infix_enc as string | null, 'persons.infix'),
      keyring.decrypt(r.last_name_enc as string, 'persons.last_name'),
    ].filter((x): x is string => x !== null && x !== '');
    out.set(r.id as string, {
      displayName: parts.join(' '),
      branchId: (r.branch_id as string | null) ?? null,
      branchName: (r.branch_name as string | null) ?? null,
    });
  }
  return out;
}
