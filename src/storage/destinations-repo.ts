/**
 * Registered destinations (recipients) with their role and agreements.
 * No personal data here.
 */

import type { RecipientRole as DestinationRole } from '../domain/gate/types.js';
import type { Queryable } from './db.js';

export {
  RECIPIENT_ROLES as DESTINATION_ROLES,
  type RecipientRole as DestinationRole,
} from '../domain/gate/types.js';

export interface NewDestination {
  name: string;
  role: DestinationRole;
  platform: boolean;
  vetted: boolean;
  processorAgreementComplete: boolean;
  art26Arrangement: boolean;
  outsideEea: boolean;
  transferMechanism: boolean;
  notes: string;
}

export interface DestinationRow extends NewDestination {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Record<string, unknown>;

function toRow(r: Row): DestinationRow {
  return {
    id: r.id as string,
    name: r.name as string,
    role: r.role as DestinationRole,
    platform: r.platform as boolean,
    vetted: r.vetted as boolean,
    processorAgreementComplete: r.processor_agreement_complete as boolean,
    art26Arrangement: r.art26_arrangement as boolean,
    outsideEea: r.outside_eea as boolean,
    transferMechanism: r.transfer_mechanism as boolean,
    notes: r.notes as string,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

const COLS = `id, name, role, platform, vetted, processor_agreement_complete, art26_arrangement, outside_eea,
  transfer_mechanism, notes, created_at, updated_at`;

const values = (d: NewDestination) => [
  d.name,
  d.role,
  d.platform,
  d.vetted,
  d.processorAgreementComplete,
  d.art26Arrangement,
  d.outsideEea,
  d.transferMechanism,
  d.notes,
];

export class DestinationsRepo {
  async get(tx: Queryable, id: string): Promise<DestinationRow | null> {
    const { rows } = await tx.query<Row>(`SELECT ${COLS} FROM destinations WHERE id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(tx: Queryable): Promise<DestinationRow[]> {
    const { rows } = await tx.query<Row>(`SELECT ${COLS} FROM destinations ORDER BY lower(name)`);
    return rows.map(toRow);
  }

  async insert(
    tx: Queryable,
    d: NewDestination,
    createdBy: string | null,
    now: Date,
  ): Promise<DestinationRow> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO destinations (name, role, platform, vetted, processor_agreement_complete, art26_arrangement,
         outside_eea, transfer_mechanism, notes, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING ${COLS}`,
      [...values(d), createdBy, now],
    );
    return toRow(rows[0]!);
  }

  async update(tx: Queryable, id: string, d: NewDestination, now: Date): Promise<DestinationRow | null> {
    const { rows } = await tx.query<Row>(
      `UPDATE destinations SET name = $1, role = $2, platform = $3, vetted = $4,
         processor_agreement_complete = $5, art26_arrangement = $6, outside_eea = $7, transfer_mechanism = $8,
         notes = $9, updated_at = $10
       WHERE id = $11 RETURNING ${COLS}`,
      [...values(d), now, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }
}

export const destinationsRepo = new DestinationsRepo();
