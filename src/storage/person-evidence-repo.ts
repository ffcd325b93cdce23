/**
 * Evidence behind the 9(2)(d) regular-contact ground and the 9(2)(e) manifestly-public ground
 * . The facts are political data (being a volunteer or donor, a statement of opinion): encrypted.
 * Evidence is never deleted; it is retracted, with who and why, and then no longer counts.
 */
import type {
  ActiveAct,
  PublicEvidence,
  RegularContactEvidence,
  RegularContactKind,
} from '../domain/persons/types.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

export interface RegularContactRecord extends RegularContactEvidence {
  personId: string;
  retractedBy: string | null;
  retractionReason: string | null;
}

export interface PublicEvidenceRecord extends PublicEvidence {
  personId: string;
  retractedAt: Date | null;
  retractedBy: string | null;
  retractionReason: string | null;
}

interface RegularRow {
  id: string;
  person_id: string;
  kind_enc: string;
  occurrences_enc: string;
  description_enc: string;
  recorded_by: string;
  recorded_at: Date;
  retracted_at: Date | null;
  retracted_by: string | null;
  retraction_reason_enc: string | null;
}

interface PublicRow {
  id: string;
  person_id: string;
  url_enc: string;
  quote_enc: string;
  topic_enc: string;
  capture_method_enc: string;
  captured_at: Date;
  active_act: ActiveAct;
  audience_unrestricted: boolean;
  reviewed_by: string;
  reviewed_at: Date;
  retracted_at: Date | null;
  retracted_by: string | null;
  retraction_reason_enc: string | null;
}

export type EvidenceKind = 'regular_contact' | 'public';
const TABLE: Record<EvidenceKind, string> = {
  regular_contact: 'regular_contact_evidence',
  public: 'public_evidence',
};

export class PersonEvidenceRepo {
  constructor(private readonly keyring: Keyring) {}

  async insertRegularContact(
    tx: Queryable,
    e: {
      personId: string;
      kind: RegularContactKind;
      occurrences: string[];
      description: string;
      recordedBy: string;
    },
    now: Date,
  ): Promise<string> {
    const k = this.keyring;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO regular_contact_evidence (person_id, kind_enc, occurrences_enc, description_enc, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        e.personId,
        k.encrypt(e.kind, 'regular_contact_evidence.kind'),
        k.encrypt(JSON.stringify(e.occurrences), 'regular_contact_evidence.occurrences'),
        k.encrypt(e.description, 'regular_contact_evidence.description'),
        e.recordedBy,
        now,
      ],
    );
    return rows[0]!.id;
  }

  async insertPublic(
    tx: Queryable,
    e: Omit<PublicEvidence, 'id' | 'reviewedBy' | 'reviewedAt' | 'retractedAt'> & {
      personId: string;
      reviewedBy: string;
    },
    now: Date,
  ): Promise<string> {
    const k = this.keyring;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO public_evidence (person_id, url_enc, quote_enc, topic_enc, capture_method_enc, captured_at, active_act,
          audience_unrestricted, reviewed_by, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        e.personId,
        k.encrypt(e.url, 'public_evidence.url'),
        k.encrypt(e.quote, 'public_evidence.quote'),
        k.encrypt(e.topic, 'public_evidence.topic'),
        k.encrypt(e.captureMethod, 'public_evidence.capture_method'),
        e.capturedAt,
        e.activeAct,
        e.audienceUnrestricted,
        e.reviewedBy,
        now,
      ],
    );
    return rows[0]!.id;
  }

  private regular(r: RegularRow): RegularContactRecord {
    const k = this.keyring;
    return {
      id: r.id,
      personId: r.person_id,
      kind: k.decrypt(r.kind_enc, 'regular_contact_evidence.kind') as RegularContactKind,
      occurrences: JSON.parse(
        k.decrypt(r.occurrences_enc, 'regular_contact_evidence.occurrences'),
      ) as string[],
      description: k.decrypt(r.description_enc, 'regular_contact_evidence.description'),
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
      retractedAt: r.retracted_at,
      retractedBy: r.retracted_by,
      retractionReason: k.decryptNullable(
        r.retraction_reason_enc,
        'regular_contact_evidence.retraction_reason',
      ),
    };
  }

  private publicEvidence(r: PublicRow): PublicEvidenceRecord {
    const k = this.keyring;
    return {
      id: r.id,
      personId: r.person_id,
      url: k.decrypt(r.url_enc, 'public_evidence.url'),
      quote: k.decrypt(r.quote_enc, 'public_evidence.quote'),
      topic: k.decrypt(r.topic_enc, 'public_evidence.topic'),
      captureMethod: k.decrypt(r.capture_method_enc, 'public_evidence.capture_method'),
      capturedAt: r.captured_at,
      activeAct: r.active_act,
      audienceUnrestricted: r.audience_unrestricted,
      reviewedBy: r.reviewed_by,
      reviewedAt: r.reviewed_at,
      retractedAt: r.retracted_at,
      retractedBy: r.retracted_by,
      retractionReason: k.decryptNullable(r.retraction_reason_enc, 'public_evidence.retraction_reason'),
    };
  }

  async regularForPersons(
    tx: Queryable,
    personIds: readonly string[],
  ): Promise<Map<string, RegularContactRecord[]>> {
    const out = new Map<string, RegularContactRecord[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    const { rows } = await tx.query<RegularRow>(
      'SELECT * FROM regular_contact_evidence WHERE person_id = ANY ($1::uuid[]) ORDER BY recorded_at, id',
      [personIds],
    );
    for (const r of rows) out.get(r.person_id)?.push(this.regular(r));
    return out;
  }

  async publicForPersons(
    tx: Queryable,
    personIds: readonly string[],
  ): Promise<Map<string, PublicEvidenceRecord[]>> {
    const out = new Map<string, PublicEvidenceRecord[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    const { rows } = await tx.query<PublicRow>(
      'SELECT * FROM public_evidence WHERE person_id = ANY ($1::uuid[]) ORDER BY captured_at, id',
      [personIds],
    );
    for (const r of rows) out.get(r.person_id)?.push(this.publicEvidence(r));
    return out;
  }

  /** The person and retraction state of one evidence record, or null. */
  async find(
    tx: Queryable,
    kind: EvidenceKind,
    id: string,
  ): Promise<{ personId: string; retractedAt: Date | null } | null> {
    const { rows } = await tx.query<{ person_id: string; retracted_at: Date | null }>(
      `SELECT person_id, retracted_at FROM ${TABLE[kind]} WHERE id = $1`,
      [id],
    );
    return rows[0] ? { personId: rows[0].person_id, retractedAt: rows[0].retracted_at } : null;
  }

  async retract(
    tx: Queryable,
    kind: EvidenceKind,
    id: string,
    by: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE ${TABLE[kind]} SET retracted_at = $2, retracted_by = $3, retraction_reason_enc = $4
        WHERE id = $1 AND retracted_at IS NULL`,
      [id, now, by, this.keyring.encrypt(reason, `${TABLE[kind]}.retraction_reason`)],
    );
  }
}
