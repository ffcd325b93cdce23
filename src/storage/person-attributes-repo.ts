/**
 * Values of fields, tags and notes on persons. The value is encrypted; the class is copied from the
 * definition when written, with provenance and the writer. Removal keeps the row (who, when)
 * and clears the value.
 */
import type { FieldKind } from '../domain/persons/field-definitions.js';
import type { DataClass, Provenance } from '../domain/persons/types.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export interface AttributeRecord {
  id: string;
  personId: string;
  definitionId: string;
  key: string;
  labelNl: string;
  labelEn: string;
  kind: FieldKind;
  value: string | null;
  dataClass: DataClass;
  publicEvidenceId: string | null;
  provenance: Provenance;
  createdBy: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  person_id: string;
  definition_id: string;
  key: string;
  label_nl: string;
  label_en: string;
  kind: FieldKind;
  value_enc: string | null;
  data_class: DataClass;
  public_evidence_id: string | null;
  dataset_id: string | null;
  source_kind: Provenance['sourceKind'];
  channel: Provenance['channel'];
  collected_at: Date;
  collected_by: string | null;
  created_by: string | null;
  created_at: Date;
}

export class PersonAttributesRepo {
  constructor(private readonly keyring: Keyring) {}

  async insert(
    tx: Queryable,
    a: {
      personId: string;
      definitionId: string;
      value: string | null;
      dataClass: DataClass;
      publicEvidenceId: string | null;
      provenance: Provenance;
      createdBy: string | null;
    },
    now: Date,
  ): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO person_attributes (person_id, definition_id, value_enc, data_class, public_evidence_id, dataset_id,
          source_kind, channel, collected_at, collected_by, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        a.personId,
        a.definitionId,
        this.keyring.encryptNullable(a.value, 'person_attributes.value'),
        a.dataClass,
        a.publicEvidenceId,
        a.provenance.datasetId,
        a.provenance.sourceKind,
        a.provenance.channel,
        a.provenance.collectedAt,
        a.provenance.collectedBy,
        a.createdBy,
        now,
      ],
    );
    return rows[0]!.id;
  }

  /** Current (not removed) values of a definition on a person: fields and tags hold at most one. */
  async currentIds(tx: Queryable, personId: string, definitionId: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      'SELECT id FROM person_attributes WHERE person_id = $1 AND definition_id = $2 AND removed_at IS NULL',
      [personId, definitionId],
    );
    return rows.map((r) => r.id);
  }

  async find(
    tx: Queryable,
    id: string,
  ): Promise<{ personId: string; dataClass: DataClass; removedAt: Date | null } | null> {
    const { rows } = await tx.query<{ person_id: string; data_class: DataClass; removed_at: Date | null }>(
      'SELECT person_id, data_class, removed_at FROM person_attributes WHERE id = $1',
      [id],
    );
    return rows[0]
      ? { personId: rows[0].person_id, dataClass: rows[0].data_class, removedAt: rows[0].removed_at }
      : null;
  }

  /** Mark values removed and clear their content (data minimisation: a removed value is not kept). */
  async remove(tx: Queryable, ids: readonly string[], by: string, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE person_attributes SET removed_at = $2, removed_by = $3, value_enc = NULL
        WHERE id = ANY ($1::uuid[]) AND removed_at IS NULL`,
      [ids, now, by],
    );
  }

  /** Current values on a person, with their definition; `political` false leaves political ones out. */
  async forPerson(tx: Queryable, personId: string, opts: { political: boolean }): Promise<AttributeRecord[]> {
    const { rows } = await tx.query<Row>(
      `SELECT a.*, d.key, d.label_nl, d.label_en, d.kind FROM person_attributes a
         JOIN field_definitions d ON d.id = a.definition_id
        WHERE a.person_id = $1 AND a.removed_at IS NULL ${opts.political ? '' : "AND a.data_class = 'ordinary'"}
        ORDER BY a.created_at, a.id`,
      [personId],
    );
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      definitionId: r.definition_id,
      key: r.key,
      labelNl: r.label_nl,
      labelEn: r.label_en,
      kind: r.kind,
      value: this.keyring.decryptNullable(r.value_enc, 'person_attributes.value'),
      dataClass: r.data_class,
      publicEvidenceId: r.public_evidence_id,
      provenance: {
        datasetId: r.dataset_id,
        sourceKind: r.source_kind,
        channel: r.channel,
        collectedAt: r.collected_at,
        collectedBy: r.collected_by,
      },
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }
}
