/**
 * The register of processing activities (purposes) every audience, campaign and export is bound to
 * . No personal data here.
 */
import type { AdClass, DpiaStatus, ProcessingChannel, ProcessingKind } from '../domain/gate/types.js';
import type { Queryable } from './db.js';

export { DPIA_STATUSES, type DpiaStatus } from '../domain/gate/types.js';

export interface NewActivity {
  name: string;
  purpose: string;
  kind: ProcessingKind;
  channel: ProcessingChannel;
  directMarketing: boolean;
  politicalData: boolean;
  adClass: AdClass;
  consentPurposeId: string | null;
  destinationId: string | null;
  dpiaStatus: DpiaStatus;
  memberCommunicationOverride: boolean;
  overrideReason: string | null;
}

export interface ActivityRow extends NewActivity {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;

function toRow(r: Row): ActivityRow {
  return {
    id: r.id as string,
    name: r.name as string,
    purpose: r.purpose as string,
    kind: r.kind as ProcessingKind,
    channel: r.channel as ProcessingChannel,
    directMarketing: r.direct_marketing as boolean,
    politicalData: r.political_data as boolean,
    adClass: r.ad_class as AdClass,
    consentPurposeId: (r.consent_purpose_id as string | null) ?? null,
    destinationId: (r.destination_id as string | null) ?? null,
    dpiaStatus: r.dpia_status as DpiaStatus,
    memberCommunicationOverride: r.member_communication_override as boolean,
    overrideReason: (r.override_reason as string | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

const COLS = `id, name, purpose, kind, channel, direct_marketing, political_data, ad_class, consent_purpose_id,
  destination_id, dpia_status, member_communication_override, override_reason, created_at, updated_at`;

const values = (a: NewActivity) => [
  a.name,
  a.purpose,
  a.kind,
  a.channel,
  a.directMarketing,
  a.politicalData,
  a.adClass,
  a.consentPurposeId,
  a.destinationId,
  a.dpiaStatus,
  a.memberCommunicationOverride,
  a.overrideReason,
];

export class ActivitiesRepo {
  async get(tx: Queryable, id: string): Promise<ActivityRow | null> {
    const { rows } = await tx.query<Row>(`SELECT ${COLS} FROM processing_activities WHERE id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(tx: Queryable): Promise<ActivityRow[]> {
    const { rows } = await tx.query<Row>(`SELECT ${COLS} FROM processing_activities ORDER BY lower(name)`);
    return rows.map(toRow);
  }

  async insert(tx: Queryable, a: NewActivity, createdBy: string | null, now: Date): Promise<ActivityRow> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO processing_activities (name, purpose, kind, channel, direct_marketing, political_data, ad_class,
         consent_purpose_id, destination_id, dpia_status, member_communication_override, override_reason,
         created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING ${COLS}`,
      [...values(a), createdBy, now],
    );
    return toRow(rows[0]!);
  }

  async update(tx: Queryable, id: string, a: NewActivity, now: Date): Promise<ActivityRow | null> {
    const { rows } = await tx.query<Row>(
      `UPDATE processing_activities SET name = $1, purpose = $2, kind = $3, channel = $4, direct_marketing = $5,
         political_data = $6, ad_class = $7, consent_purpose_id = $8, destination_id = $9, dpia_status = $10,
         member_communication_override = $11, override_reason = $12, updated_at = $13
       WHERE id = $14 RETURNING ${COLS}`,
      [...values(a), now, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The consent purposes an activity can rely on (catalogue data, no personal data). */
  async consentPurposeOptions(tx: Queryable): Promise<{ id: string; name: string; political: boolean }[]> {
    const { rows } = await tx.query<{ id: string; name: string; political: boolean }>(
      'SELECT id, name, political FROM consent_purposes ORDER BY lower(name)',
    );
    return rows;
  }

  async consentPurposeExists(tx: Queryable, id: string): Promise<boolean> {
    const { rows } = await tx.query('SELECT 1 FROM consent_purposes WHERE id = $1', [id]);
    return rows.length > 0;
  }
}

export const activitiesRepo = new ActivitiesRepo();
