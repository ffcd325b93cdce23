/**
 * Envelope encryption for personal data fields. Data keys (DEKs) live in `encryption_keys`,
 * wrapped by the master key; every ciphertext names its key id: `kk1:<keyId>:<base64(iv|tag|ct)>`.
 * Columns holding ciphertext end in `_enc`; the additional data binds a ciphertext to its `table.column`.
 * Also holds the keyed blind-index key (HMAC-SHA256, exact lookups of e-mail and phone) and the audit
 * chain key, both wrapped by the master key too, so rotating the master key only re-wraps.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db.js';
import { open, seal } from './aead.js';

type Purpose = 'field' | 'index' | 'audit';

interface KeyRow {
  id: string;
  purpose: Purpose;
  wrapped: string;
  active: boolean;
}

const PREFIX = 'kk1';

export class UnknownKeyError extends Error {}

export class Keyring {
  private fieldKeys = new Map<string, Buffer>();
  private activeId = '';
  private indexKey: Buffer = Buffer.alloc(0);
  private auditKeyValue: Buffer = Buffer.alloc(0);

  private constructor(private readonly master: Buffer) {}

  /** Load all keys, creating the first field, index and audit keys when the table is empty. */
  static async load(db: Queryable, master: Buffer): Promise<Keyring> {
    const k = new Keyring(master);
    await k.ensureInitialKeys(db);
    await k.reload(db);
    return k;
  }

  private wrap(key: Buffer, id: string): string {
    return seal(this.master, key, `encryption_keys.${id}`).toString('base64');
  }

  private unwrap(row: KeyRow): Buffer {
    try {
      return open(this.master, Buffer.from(row.wrapped, 'base64'), `encryption_keys.${row.id}`);
    } catch {
      throw new Error(
        `Sleutel ${row.id} kan niet worden geopend met deze hoofdsleutel / key ${row.id} cannot be unwrapped with this master key (wrong KIESKLUIS_MASTER_KEY or master.key?)`,
      );
    }
  }

  private async ensureInitialKeys(db: Queryable): Promise<void> {
    for (const purpose of ['field', 'index', 'audit'] as const) {
      const id = `${purpose[0]}${randomBytes(4).toString('hex')}`;
      // Inserted only when no key of this purpose exists (safe against concurrent first starts).
      await db.query(
        `INSERT INTO encryption_keys (id, purpose, wrapped, active, created_at)
         SELECT $1, $2, $3, true, now()
         WHERE NOT EXISTS (SELECT 1 FROM encryption_keys WHERE purpose = $2)
         ON CONFLICT DO NOTHING`,
        [id, purpose, this.wrap(randomBytes(32), id)],
      );
    }
  }

  async reload(db: Queryable): Promise<void> {
    const { rows } = await db.query<KeyRow>(
      'SELECT id, purpose, wrapped, active FROM encryption_keys ORDER BY created_at',
    );
    for (const row of rows) {
      const key = this.unwrap(row);
      if (row.purpose === 'field') {
        this.fieldKeys.set(row.id, key);
        if (row.active) this.activeId = row.id;
      } else if (row.purpose === 'index') this.indexKey = key;
      else if (row.purpose === 'audit') this.auditKeyValue = key;
    }
    if (!this.activeId) throw new Error('no active field key');
  }

  get activeKeyId(): string {
    return this.activeId;
  }

  get auditKey(): Buffer {
    return this.auditKeyValue;
  }

  encrypt(plaintext: string, aad: string): string {
    const key = this.fieldKeys.get(this.activeId)!;
    return `${PREFIX}:${this.activeId}:${seal(key, Buffer.from(plaintext, 'utf8'), aad).toString('base64')}`;
  }

  encryptNullable(plaintext: string | null | undefined, aad: string): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(plaintext, aad);
  }

  static keyIdOf(ciphertext: string): string {
    const parts = ciphertext.split(':');
    if (parts.length !== 3 || parts[0] !== PREFIX) throw new Error('not a Kieskluis ciphertext');
    return parts[1]!;
  }

  decrypt(ciphertext: string, aad: string): string {
    const parts = ciphertext.split(':');
    if (parts.length !== 3 || parts[0] !== PREFIX) throw new Error('not a Kieskluis ciphertext');
    const key = this.fieldKeys.get(parts[1]!);
    if (!key) throw new UnknownKeyError(`unknown key ${parts[1]}`);
    return open(key, Buffer.from(parts[2]!, 'base64'), aad).toString('utf8');
  }

  decryptNullable(ciphertext: string | null, aad: string): string | null {
    return ciphertext === null ? null : this.decrypt(ciphertext, aad);
  }

  /** Keyed blind index for exact lookups; `kind` separates e-mail from phone etc. */
  blindIndex(kind: string, normalized: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}\u0000${normalized}`).digest('base64url');
  }

  /** Make a new field key active. Old keys stay for decryption until the re-encryption job is done. */
  async rotate(db: Queryable): Promise<string> {
    const id = `f${randomBytes(4).toString('hex')}`;
    await db.query(`UPDATE encryption_keys SET active = false WHERE purpose = 'field' AND active`);
    await db.query(
      `INSERT INTO encryption_keys (id, purpose, wrapped, active, created_at) VALUES ($1, 'field', $2, true, now())`,
      [id, this.wrap(randomBytes(32), id)],
    );
    await this.reload(db);
    return id;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Dutch phone numbers to E.164-like digits: "06-12345678" → "+31612345678". */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+31${digits.slice(1)}`;
  return digits;
}
