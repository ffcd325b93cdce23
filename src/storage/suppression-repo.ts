/**
 * The suppression list (R-58): keyed hashes of e-mail, phone and postal keys, with the reason. Hashes use
 * their own blind-index contexts (`suppress:*`), so they cannot be joined to the persons' indexes.
 */
import {
  type SuppressionEntry,
  type SuppressionKeys,
  type SuppressionReason,
  suppressionKeys,
} from '../domain/suppression.js';
import type { Keyring } from './crypto/keyring.js';
import type { Queryable } from './db.js';

type KeyKind = keyof SuppressionKeys;
const KINDS: readonly KeyKind[] = ['email', 'phone', 'postal'];

export interface HashedKey {
  kind: KeyKind;
  hash: string;
}

export class SuppressionRepo {
  constructor(private readonly keyring: Keyring) {}

  /** The keyed hashes of a person's keys (only those present). */
  hashes(person: Parameters<typeof suppressionKeys>[0]): HashedKey[] {
    const keys = suppressionKeys(person);
    return KINDS.flatMap((kind) => {
      const v = keys[kind];
      return v ? [{ kind, hash: this.keyring.blindIndex(`suppress:${kind}`, v) }] : [];
    });
  }

  /** Record entries for every key of the person; repeating an entry is a no-op. */
  async add(
    tx: Queryable,
    person: Parameters<typeof suppressionKeys>[0],
    reason: SuppressionReason,
    purposeId: string | null,
    now: Date,
  ): Promise<number> {
    const keys = this.hashes(person);
    for (const k of keys) {
      await tx.query(
        `INSERT INTO suppression (key_kind, key_hash, reason, purpose_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [k.kind, k.hash, reason, reason === 'CONSENT_WITHDRAWN' ? purposeId : null, now],
      );
    }
    return keys.length;
  }

  /** Entries matching any of the person's keys. */
  async match(tx: Queryable, person: Parameters<typeof suppressionKeys>[0]): Promise<SuppressionEntry[]> {
    return this.matchHashes(tx, this.hashes(person));
  }

  async matchHashes(tx: Queryable, keys: readonly HashedKey[]): Promise<SuppressionEntry[]> {
    if (keys.length === 0) return [];
    const { rows } = await tx.query<{ reason: SuppressionEntry['reason']; purpose_id: string | null }>(
      `SELECT DISTINCT reason, purpose_id FROM suppression WHERE key_hash = ANY ($1::text[])`,
      [keys.map((k) => k.hash)],
    );
    return rows.map((r) => ({ reason: r.reason, purposeId: r.purpose_id }));
  }

  /** Batch lookup for imports: which of these hashes are suppressed, with their entries. */
  async matchMany(tx: Queryable, hashes: readonly string[]): Promise<Map<string, SuppressionEntry[]>> {
    const out = new Map<string, SuppressionEntry[]>();
    if (hashes.length === 0) return out;
    const { rows } = await tx.query<{
      key_hash: string;
      reason: SuppressionEntry['reason'];
      purpose_id: string | null;
    }>(`SELECT key_hash, reason, purpose_id FROM suppression WHERE key_hash = ANY ($1::text[])`, [hashes]);
    for (const r of rows) {
      const list = out.get(r.key_hash) ?? [];
      list.push({ reason: r.reason, purposeId: r.purpose_id });
      out.set(r.key_hash, list);
    }
    return out;
  }
}
