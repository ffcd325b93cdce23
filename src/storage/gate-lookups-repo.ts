/**
 * The small lookups the legal gate's facts need besides the persons and their records (C4): the
 * suppression list's entries and key kinds, the persons' stored suppression keys (migration 011) and
 * their backfill, tag keys, the party settings and the consent purposes. Spread into `gateFactsRepo`.
 */
import type { Queryable } from './db.js';

export const gateLookupsRepo = {
  /** The suppression list's entries on e-mail and phone keys, when there are at most `limit`. */
  async suppressionEntries(
    tx: Queryable,
    limit: number,
  ): Promise<{ key_hash: string; reason: string; purpose_id: string | null }[] | null> {
    const { rows } = await tx.query<{ key_hash: string; reason: string; purpose_id: string | null }>(
      `SELECT key_hash, reason, purpose_id FROM suppression WHERE key_kind IN ('email', 'phone') LIMIT $1`,
      [limit + 1],
    );
    return rows.length > limit ? null : rows;
  },

  /** Persons whose suppression keys are not computed yet (migration 011), with their contact ciphertexts. */
  async withoutSuppressKeys(
    tx: Queryable,
    limit: number,
  ): Promise<{ id: string; email_enc: string | null; phone_enc: string | null }[]> {
    const { rows } = await tx.query<{ id: string; email_enc: string | null; phone_enc: string | null }>(
      'SELECT id, email_enc, phone_enc FROM persons WHERE suppress_keys IS NULL ORDER BY id LIMIT $1',
      [limit],
    );
    return rows;
  },

  async setSuppressKeys(tx: Queryable, rows: readonly { id: string; keys: string[] }[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `UPDATE persons p SET suppress_keys = coalesce(string_to_array(nullif(t.k, ''), ' '), '{}')
         FROM unnest($1::uuid[], $2::text[]) AS t(id, k) WHERE p.id = t.id`,
      [rows.map((r) => r.id), rows.map((r) => r.keys.join(' '))],
    );
  },

  /** Keys of tag definitions (to recognise a youth-wing tag, R-78). */
  async tagKeys(tx: Queryable): Promise<Map<string, string>> {
    const { rows } = await tx.query<{ id: string; key: string }>(
      `SELECT id, key FROM field_definitions WHERE kind = 'tag'`,
    );
    return new Map(rows.map((r) => [r.id, r.key]));
  },

  /** Whether the suppression list holds entries of each key kind (no entries: nothing to hash). */
  async suppressionKinds(tx: Queryable): Promise<Set<string>> {
    const { rows } = await tx.query<{ key_kind: string }>('SELECT DISTINCT key_kind FROM suppression');
    return new Set(rows.map((r) => r.key_kind));
  },

  async partySettings(tx: Queryable): Promise<{ partyName: string; votingAge: number } | null> {
    const { rows } = await tx.query<{ party_name: string; voting_age: number }>(
      'SELECT party_name, voting_age FROM party_settings WHERE id = 1',
    );
    const r = rows[0];
    return r ? { partyName: r.party_name, votingAge: Number(r.voting_age) } : null;
  },

  async consentPurposes(tx: Queryable): Promise<
    {
      id: string;
      name: string;
      political: boolean;
      political_advertising: boolean;
      channels: string[];
      scope_until: string | null;
      refresh_after_months: number | null;
      recipients: string[];
    }[]
  > {
    const { rows } = await tx.query<{
      id: string;
      name: string;
      political: boolean;
      political_advertising: boolean;
      channels: string[];
      scope_until: string | null;
      refresh_after_months: number | null;
      recipients: string[];
    }>(
      `SELECT id, name, political, political_advertising, channels, scope_until::text AS scope_until,
              refresh_after_months, recipients FROM consent_purposes ORDER BY name`,
    );
    return rows;
  },
};
