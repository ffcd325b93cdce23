/**
 * The catalogue of fields, tags and note kinds with their classification. No personal
 * data: keys and labels only. Membership definitions are seeded by the migration, locked political.
 */
import type { FieldDefinition, FieldKind } from '../domain/persons/field-definitions.js';
import type { DataClass, ProxyRisk } from '../domain/persons/types.js';
import type { Queryable } from './db.js';

interface Row {
  id: string;
  key: string;
  label_nl: string;
  label_en: string;
  kind: FieldKind;
  data_class: DataClass;
  proxy_risk: ProxyRisk;
  locked: boolean;
}

const toDef = (r: Row): FieldDefinition => ({
  id: r.id,
  key: r.key,
  labelNl: r.label_nl,
  labelEn: r.label_en,
  kind: r.kind,
  dataClass: r.data_class,
  proxyRisk: r.proxy_risk,
  locked: r.locked,
});

export class FieldDefinitionsRepo {
  async list(tx: Queryable): Promise<FieldDefinition[]> {
    const { rows } = await tx.query<Row>('SELECT * FROM field_definitions ORDER BY locked DESC, kind, key');
    return rows.map(toDef);
  }

  async findById(tx: Queryable, id: string): Promise<FieldDefinition | null> {
    const { rows } = await tx.query<Row>('SELECT * FROM field_definitions WHERE id = $1', [id]);
    return rows[0] ? toDef(rows[0]) : null;
  }

  async findByKey(tx: Queryable, key: string): Promise<FieldDefinition | null> {
    const { rows } = await tx.query<Row>('SELECT * FROM field_definitions WHERE key = $1', [key]);
    return rows[0] ? toDef(rows[0]) : null;
  }

  /** Insert; returns null when the key is taken. */
  async insert(
    tx: Queryable,
    d: Omit<FieldDefinition, 'id'>,
    createdBy: string | null,
    now: Date,
  ): Promise<FieldDefinition | null> {
    const { rows } = await tx.query<Row>(
      `INSERT INTO field_definitions (key, label_nl, label_en, kind, data_class, proxy_risk, locked, created_by,
          created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (key) DO NOTHING RETURNING *`,
      [d.key, d.labelNl, d.labelEn, d.kind, d.dataClass, d.proxyRisk, d.locked, createdBy, now],
    );
    return rows[0] ? toDef(rows[0]) : null;
  }

  async update(
    tx: Queryable,
    id: string,
    d: Pick<FieldDefinition, 'labelNl' | 'labelEn' | 'dataClass' | 'proxyRisk'>,
    now: Date,
  ): Promise<FieldDefinition> {
    const { rows } = await tx.query<Row>(
      `UPDATE field_definitions SET label_nl = $2, label_en = $3, data_class = $4, proxy_risk = $5, updated_at = $6
        WHERE id = $1 RETURNING *`,
      [id, d.labelNl, d.labelEn, d.dataClass, d.proxyRisk, now],
    );
    return toDef(rows[0]!);
  }

  /** How many current values use this definition (a definition in use is not reclassified). */
  async valuesInUse(tx: Queryable, id: string): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person_attributes WHERE definition_id = $1 AND removed_at IS NULL',
      [id],
    );
    return rows[0]?.n ?? 0;
  }
}
