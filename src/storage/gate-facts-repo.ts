/**
 * What the legal gate reads about persons (C4). An evaluation streams three cursors in person-id order
 * (the persons matching the prefilter, their memberships, their consent records) and asks the sparse
 * tables (regular-contact and public evidence, objections, open restrictions) only about the persons that
 * have rows there; lookups by id use one query per table per batch (`person_id = ANY`). Ciphertexts come
 * back as they are stored, times as epoch milliseconds; the caller decrypts only what the gate needs
 * (src/usecases/gate/person-facts.ts). No plaintext political data is ever compared in SQL: consent
 * purposes are matched by their keyed blind index. See docs/adr/0010.
 */
import type { Queryable } from './db.js';
import { type GateFactsFilter, gateFilterSql } from './gate-facts-filter.js';
import { gateLookupsRepo } from './gate-lookups-repo.js';

export { type GateFactsFilter, gateFilterSql } from './gate-facts-filter.js';

/** Milliseconds since the epoch, as `floor(extract(epoch …) * 1000)` returns it (no Date parsing). */
type Ms = number | null;

/** One person's row with its records, encrypted. Times are epoch milliseconds. */
export interface GateFactsRow {
  id: string;
  branch_id: string | null;
  postcode_area: number | null;
  language: string;
  candidate_ids: string[];
  source_kind: string;
  obtained_from_subject: boolean;
  art14_ms: Ms;
  /** null also when the caller did not ask for it (`PersonColumns.birthDate`). */
  birth_date_enc: string | null;
  age_band: string | null;
  email_enc: string | null;
  /** Only when `suppress_keys` is not computed yet (the reader hashes the address itself). */
  phone_enc: string | null;
  /** The suppression list's hashes of the e-mail and phone (migration 011); null: not computed yet. */
  suppress_keys: string[] | null;
  /** [id, status_enc, since_enc, until_enc] */
  ms: [string, string, string, string | null][];
  /** [consent_enc, channel, given, confirmed, age_at_consent, guardian_confirmed, withdrawn] */
  cs: [string, string, Ms, Ms, number | null, Ms, Ms][];
  /** [id, kind_enc, occurrences_enc, description_enc, recorded_by, recorded_ms] (not retracted) */
  ev: [string, string, string, string, string, number][];
  /** [active_act, audience_unrestricted, topic_enc] (not retracted) */
  pe: [string, boolean, string][];
  /** [kind, activity_id, overridden, created_ms] */
  ob: [string, string | null, boolean, number][];
  /** open restrictions: activity id or '*' for all processing */
  rs: string[];
  /** definition ids of tags held (not removed) */
  tg: string[];
}

export type GatePersonRow = Omit<GateFactsRow, 'ms' | 'cs' | 'ev' | 'pe' | 'ob' | 'rs' | 'tg'>;

/** What to read besides the clear columns. */
export interface PersonColumns {
  /** The birth date ciphertext (only processings that look at age need it, R-78). Default true. */
  birthDate?: boolean;
}

/** The persons with rows in the tables that few persons have rows in (read once per evaluation). */
export interface SparseIds {
  ev: Set<string>;
  pe: Set<string>;
  ob: Set<string>;
  rs: Set<string>;
}

const msOf = (col: string) => `floor(extract(epoch FROM ${col}) * 1000)::float8`;

function personColumns(c: PersonColumns): string {
  return `p.id, p.branch_id, p.postcode_area, p.language, p.candidate_ids::text[] AS candidate_ids,
    p.source_kind, p.obtained_from_subject, ${msOf('p.art14_informed_at')} AS art14_ms,
    ${c.birthDate === false ? 'NULL::text' : 'p.birth_date_enc'} AS birth_date_enc, p.age_band, p.email_enc,
    CASE WHEN p.suppress_keys IS NULL THEN p.phone_enc END AS phone_enc, p.suppress_keys`;
}

const MEMBERSHIP_COLUMNS = 'id, status_enc, since_enc, until_enc';
interface MembershipRecord {
  id: string;
  status_enc: string;
  since_enc: string;
  until_enc: string | null;
}
const membershipOf = (r: MembershipRecord): GateFactsRow['ms'][number] => [
  r.id,
  r.status_enc,
  r.since_enc,
  r.until_enc,
];

const consentColumns = (t: string) =>
  `${t}consent_enc, ${t}channel, ${msOf(`${t}given_at`)} AS g, ${msOf(`${t}confirmed_at`)} AS c,
   ${t}age_at_consent, ${msOf(`${t}guardian_confirmed_at`)} AS gu, ${msOf(`${t}withdrawn_at`)} AS w`;
const CONSENT_COLUMNS = consentColumns('');
const CONSENT_COLUMNS_C = consentColumns('c.');
interface ConsentRecord {
  consent_enc: string;
  channel: string;
  g: number | null;
  c: number | null;
  age_at_consent: number | null;
  gu: number | null;
  w: number | null;
}
const consentOf = (r: ConsentRecord): GateFactsRow['cs'][number] => [
  r.consent_enc,
  r.channel,
  r.g,
  r.c,
  r.age_at_consent,
  r.gu,
  r.w,
];

/**
 * Plan a cursor for reading its whole result. By default PostgreSQL plans a cursor for its first 10 %
 * (`cursor_tuple_fraction`), which for `ORDER BY p.id` means walking the primary key and visiting every
 * person's row at random, the filtered-out ones included: measured 10 s for a 28,000-person audience in
 * a million (docs/adr/0010). The setting is restored right after the DECLARE (plans are made there).
 */
async function wholeResultPlans(tx: Queryable, declare: () => Promise<unknown>): Promise<void> {
  const { rows } = await tx.query<{ f: string }>(`SELECT current_setting('cursor_tuple_fraction') AS f`);
  await tx.query(`SELECT set_config('cursor_tuple_fraction', '1', true)`);
  // (no finally: after a failed DECLARE the transaction is aborted, and the setting ends with it)
  await declare();
  await tx.query(`SELECT set_config('cursor_tuple_fraction', $1, true)`, [rows[0]?.f ?? '0.1']);
}

export const gateFactsRepo = {
  /**
   * Open a cursor over the persons matching the filter, with their clear columns and the ciphertexts
   * the gate may need, in id order, inside the caller's transaction: one scan for the whole evaluation
   * (keyset pages restarted the consent-record merge join on every page, and a separate id cursor
   * meant a second lookup per person). Fetch with `fetchPersons`, close with `closeCursor`.
   */
  async openPersonCursor(
    tx: Queryable,
    name: string,
    filter: GateFactsFilter,
    columns: PersonColumns = {},
  ): Promise<void> {
    const params: unknown[] = [];
    const where = gateFilterSql(filter, params);
    await wholeResultPlans(tx, () =>
      tx.query(
        `DECLARE ${name} NO SCROLL CURSOR FOR SELECT ${personColumns(columns)} FROM persons p WHERE ${where} ORDER BY p.id`,
        params,
      ),
    );
  },

  async fetchPersons(tx: Queryable, name: string, count: number): Promise<GatePersonRow[]> {
    const { rows } = await tx.query<GatePersonRow>(`FETCH FORWARD ${Math.trunc(count)} FROM ${name}`);
    return rows;
  },

  async closeCursor(tx: Queryable, name: string): Promise<void> {
    await tx.query(`CLOSE ${name}`);
  },

  /** These persons' rows, in id order (unknown ids are left out). */
  async persons(
    tx: Queryable,
    ids: readonly string[],
    columns: PersonColumns = {},
  ): Promise<GatePersonRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.query<GatePersonRow>(
      `SELECT ${personColumns(columns)} FROM persons p WHERE p.id = ANY ($1::uuid[]) ORDER BY p.id`,
      [ids],
    );
    return rows;
  },

  /** Count the persons matching the filter (the bare count an evaluation is measured against). */
  async count(tx: Queryable, filter: GateFactsFilter): Promise<number> {
    const params: unknown[] = [];
    const where = gateFilterSql(filter, params);
    const { rows } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM persons p WHERE ${where}`,
      params,
    );
    return rows[0]?.n ?? 0;
  },

  /**
   * Open two more cursors over the memberships and the consent records (of `consentPurposeBidx`, when
   * given) of the persons matching the filter, ordered by person id like the persons cursor: the caller
   * merges them with the persons batch by batch. One ordered scan each instead of an index probe per
   * person per batch (measured: about a third of the time, docs/adr/0010). Close with `closeCursor`.
   */
  async openRecordCursors(
    tx: Queryable,
    names: { memberships: string; consents: string },
    filter: GateFactsFilter,
    consentPurposeBidx: readonly string[] | null,
  ): Promise<void> {
    const mp: unknown[] = [];
    const mw = gateFilterSql(filter, mp);
    await wholeResultPlans(tx, () =>
      tx.query(
        `DECLARE ${names.memberships} NO SCROLL CURSOR FOR
         SELECT m.person_id, ${MEMBERSHIP_COLUMNS.replace(/(^|, )/g, '$1m.')} FROM memberships m
           JOIN persons p ON p.id = m.person_id WHERE ${mw} ORDER BY m.person_id, m.created_at, m.id`,
        mp,
      ),
    );
    const cp: unknown[] = [];
    const cw = gateFilterSql(filter, cp);
    let purpose = '';
    if (consentPurposeBidx !== null) {
      cp.push(consentPurposeBidx);
      purpose = ` AND c.purpose_bidx = ANY ($${cp.length}::text[])`;
    }
    await wholeResultPlans(tx, () =>
      tx.query(
        `DECLARE ${names.consents} NO SCROLL CURSOR FOR
         SELECT c.person_id, ${CONSENT_COLUMNS_C} FROM consent_records c
           JOIN persons p ON p.id = c.person_id WHERE ${cw}${purpose} ORDER BY c.person_id, c.given_at, c.seq`,
        cp,
      ),
    );
  },

  async fetchMemberships(
    tx: Queryable,
    name: string,
    count: number,
  ): Promise<{ personId: string; record: GateFactsRow['ms'][number] }[]> {
    const { rows } = await tx.query<MembershipRecord & { person_id: string }>(
      `FETCH FORWARD ${Math.trunc(count)} FROM ${name}`,
    );
    return rows.map((r) => ({ personId: r.person_id, record: membershipOf(r) }));
  },

  async fetchConsents(
    tx: Queryable,
    name: string,
    count: number,
  ): Promise<{ personId: string; record: GateFactsRow['cs'][number] }[]> {
    const { rows } = await tx.query<ConsentRecord & { person_id: string }>(
      `FETCH FORWARD ${Math.trunc(count)} FROM ${name}`,
    );
    return rows.map((r) => ({ personId: r.person_id, record: consentOf(r) }));
  },

  /**
   * Which persons have regular-contact evidence, public evidence, objections or open restrictions: few
   * do, so an evaluation reads these once and asks those tables only about the persons listed.
   */
  async sparseIds(tx: Queryable): Promise<SparseIds> {
    const ids = async (sql: string) => new Set((await tx.query<{ id: string }>(sql)).rows.map((r) => r.id));
    return {
      ev: await ids(
        'SELECT DISTINCT person_id AS id FROM regular_contact_evidence WHERE retracted_at IS NULL',
      ),
      pe: await ids('SELECT DISTINCT person_id AS id FROM public_evidence WHERE retracted_at IS NULL'),
      ob: await ids('SELECT DISTINCT person_id AS id FROM person_objections'),
      rs: await ids('SELECT DISTINCT person_id AS id FROM person_restrictions WHERE lifted_at IS NULL'),
    };
  },

  /**
   * The records of these persons (`persons`, in id order), one query per table over the whole batch
   * (`person_id = ANY`), measured faster than one query with correlated json_agg subqueries per person
   * (docs/adr/0010). `consentPurposeBidx` (when given) limits the consent records to those purposes: the
   * rest need not be read nor decrypted. Sparse tables are asked only about the persons `sparse` lists
   * (all of them when null); tags only when `tags`.
   */
  async records(
    tx: Queryable,
    persons: readonly GatePersonRow[],
    opts: {
      consentPurposeBidx: readonly string[] | null;
      sparse: SparseIds | null;
      tags: boolean;
      /** false: the caller reads memberships and consent records through `openRecordCursors`. */
      memberships?: boolean;
      consents?: boolean;
    },
  ): Promise<GateFactsRow[]> {
    const out = new Map<string, GateFactsRow>();
    const rowsOut: GateFactsRow[] = persons.map((r) => {
      // fields named one by one: spreading the driver's row objects measured ~7 µs a row
      const g: GateFactsRow = {
        id: r.id,
        branch_id: r.branch_id,
        postcode_area: r.postcode_area,
        language: r.language,
        candidate_ids: r.candidate_ids,
        source_kind: r.source_kind,
        obtained_from_subject: r.obtained_from_subject,
        art14_ms: r.art14_ms,
        birth_date_enc: r.birth_date_enc,
        age_band: r.age_band,
        email_enc: r.email_enc,
        phone_enc: r.phone_enc,
        suppress_keys: r.suppress_keys,
        ms: [],
        cs: [],
        ev: [],
        pe: [],
        ob: [],
        rs: [],
        tg: [],
      };
      out.set(r.id, g);
      return g;
    });
    if (persons.length === 0) return rowsOut;
    const ids = persons.map((r) => r.id);
    const among = (set: Set<string> | undefined) => (set ? ids.filter((id) => set.has(id)) : ids);
    type R = Record<string, unknown> & { person_id: string };
    const each = async (
      sql: string,
      only: string[],
      extra: unknown[],
      add: (g: GateFactsRow, r: R) => void,
    ): Promise<void> => {
      if (only.length === 0) return;
      const { rows } = await tx.query<R>(sql, [only, ...extra]);
      for (const r of rows) {
        const g = out.get(r.person_id);
        if (g) add(g, r);
      }
    };
    await each(
      `SELECT person_id, ${MEMBERSHIP_COLUMNS} FROM memberships WHERE person_id = ANY ($1::uuid[])
        ORDER BY created_at, id`,
      opts.memberships === false ? [] : ids,
      [],
      (g, r) => g.ms.push(membershipOf(r as unknown as MembershipRecord)),
    );
    const bidx = opts.consentPurposeBidx;
    await each(
      `SELECT person_id, ${CONSENT_COLUMNS} FROM consent_records
        WHERE person_id = ANY ($1::uuid[]) ${bidx === null ? '' : 'AND purpose_bidx = ANY ($2::text[])'}
        ORDER BY given_at, seq`,
      opts.consents === false ? [] : ids,
      bidx === null ? [] : [bidx],
      (g, r) => g.cs.push(consentOf(r as unknown as ConsentRecord)),
    );
    const sp = opts.sparse;
    await each(
      `SELECT person_id, id, kind_enc, occurrences_enc, description_enc, recorded_by, ${msOf('recorded_at')} AS at
         FROM regular_contact_evidence WHERE person_id = ANY ($1::uuid[]) AND retracted_at IS NULL`,
      among(sp?.ev),
      [],
      (g, r) =>
        g.ev.push([
          r.id,
          r.kind_enc,
          r.occurrences_enc,
          r.description_enc,
          r.recorded_by,
          r.at,
        ] as GateFactsRow['ev'][number]),
    );
    await each(
      `SELECT person_id, active_act, audience_unrestricted, topic_enc FROM public_evidence
        WHERE person_id = ANY ($1::uuid[]) AND retracted_at IS NULL`,
      among(sp?.pe),
      [],
      (g, r) => g.pe.push([r.active_act, r.audience_unrestricted, r.topic_enc] as GateFactsRow['pe'][number]),
    );
    await each(
      `SELECT person_id, kind, activity_id, overridden, ${msOf('created_at')} AS at FROM person_objections
        WHERE person_id = ANY ($1::uuid[]) ORDER BY created_at`,
      among(sp?.ob),
      [],
      (g, r) => g.ob.push([r.kind, r.activity_id, r.overridden, r.at] as GateFactsRow['ob'][number]),
    );
    await each(
      `SELECT person_id, coalesce(activity_id::text, '*') AS a FROM person_restrictions
        WHERE person_id = ANY ($1::uuid[]) AND lifted_at IS NULL`,
      among(sp?.rs),
      [],
      (g, r) => g.rs.push(r.a as string),
    );
    if (opts.tags) {
      await each(
        `SELECT a.person_id, a.definition_id::text AS d FROM person_attributes a JOIN field_definitions f ON f.id = a.definition_id
          WHERE a.person_id = ANY ($1::uuid[]) AND f.kind = 'tag' AND a.removed_at IS NULL`,
        ids,
        [],
        (g, r) => g.tg.push(r.d as string),
      );
    }
    return rowsOut;
  },

  ...gateLookupsRepo,
};
