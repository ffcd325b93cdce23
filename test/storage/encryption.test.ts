/**
 * Field encryption: a dump of the database shows no personal data in the clear — pg_dump on
 * PostgreSQL, the raw data-directory files on PGlite — while data the product keeps in the clear on
 * purpose (a branch name) is found by the same scan, so the scan can fail. Also: blind-index lookups,
 * key rotation with re-encryption while the data stay readable, and a wrong master key refused.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKernel } from '../../src/app/kernel.js';
import { loadConfig } from '../../src/config/config.js';
import { branchesRepo } from '../../src/storage/branches-repo.js';
import {
  countFieldsOnOldKeys,
  keysAwaitingReencryption,
  reencryptAll,
} from '../../src/storage/crypto/reencrypt.js';
import { engines, testKernel } from '../support/engines.js';

const marker = randomBytes(4).toString('hex');
const SECRET = {
  firstName: `Multatuli${marker}`,
  lastName: `Douwes${marker}`,
  postcode: '1017 XQ',
  email: `e.douwes.${marker}@voorbeeld.invalid`,
  phone: `06-${marker.replace(/[a-f]/g, '7').slice(0, 8).padEnd(8, '1')}`,
  city: `Lebak-${marker}`,
  street: `Multatuliweg-${marker}`,
};
const CLEAR_BRANCH = `Afdeling Lebak ${marker}`;

function pgDumpBinary(): string {
  for (const v of ['17', '16', '15', '14']) {
    const p = `/usr/lib/postgresql/${v}/bin/pg_dump`;
    if (existsSync(p)) return p;
  }
  return 'pg_dump';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe.each(engines())('field encryption on %s', (engine) => {
  let t: Awaited<ReturnType<typeof testKernel>>;
  let personId: string;
  beforeAll(async () => {
    t = await testKernel(engine);
    const k = t.kernel;
    personId = await k.db.transaction(async (tx) => {
      const branchId = await branchesRepo.insert(
        tx,
        { name: CLEAR_BRANCH, postcodeFrom: 1000, postcodeTo: 1099 },
        new Date(),
      );
      const [id] = await k.persons.insertMany(
        tx,
        [
          {
            ...SECRET,
            infix: null,
            houseNumber: '12',
            birthDate: '1820-03-02',
            ageBand: null,
            language: 'nl',
            candidateIds: [],
            provenance: {
              datasetId: null,
              sourceKind: 'DATA_SUBJECT',
              channel: 'staff_entry',
              collectedAt: new Date(),
              collectedBy: null,
            },
            obtainedFromSubject: true,
          },
        ],
        new Date(),
      );
      // The branch follows from the postcode (1017 is in 1000–1099).
      const { rows } = await tx.query<{ branch_id: string }>('SELECT branch_id FROM persons WHERE id = $1', [
        id,
      ]);
      expect(rows[0]!.branch_id).toBe(branchId);
      return id!;
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-62: a database dump contains no encrypted field in plaintext (and the scan does find clear data)', async () => {
    let dump: string;
    if (engine === 'postgres') {
      dump = execFileSync(pgDumpBinary(), ['--no-owner', t.env.config.databaseUrl!], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    } else {
      await t.kernel.db.exec('CHECKPOINT');
      const pgdata = path.join(t.env.dataDir, 'pgdata');
      dump = filesUnder(pgdata)
        .map((f) => readFileSync(f).toString('latin1'))
        .join('\n');
    }
    expect(dump).toContain(CLEAR_BRANCH); // positive control: the scan sees what is stored in the clear
    for (const [field, value] of Object.entries(SECRET)) {
      if (field === 'postcode') continue; // its four digits are kept in the clear for scoping (postcode_area)
      expect(dump.includes(value), `${field} must not appear in the dump`).toBe(false);
    }
    expect(dump.includes('1017 XQ')).toBe(false);
  });

  it('stored values carry the key id and decrypt back; ciphertexts are bound to their column', async () => {
    const { rows } = await t.kernel.db.query<{ email_enc: string; first_name_enc: string }>(
      'SELECT email_enc, first_name_enc FROM persons WHERE id = $1',
      [personId],
    );
    expect(rows[0]!.email_enc).toMatch(new RegExp(`^kk1:${t.kernel.keyring.activeKeyId}:`));
    expect(t.kernel.keyring.decrypt(rows[0]!.email_enc, 'persons.email')).toBe(SECRET.email);
    // Moving a ciphertext to another column does not decrypt there (additional data = table.column).
    expect(() => t.kernel.keyring.decrypt(rows[0]!.email_enc, 'persons.first_name')).toThrow();
    const p = await t.kernel.persons.findById(t.kernel.db, personId);
    expect(p).toMatchObject(SECRET);
  });

  it('blind index finds a person by e-mail regardless of case and spacing, without decrypting anything', async () => {
    expect(await t.kernel.persons.findByEmail(t.kernel.db, `  ${SECRET.email.toUpperCase()} `)).toEqual([
      personId,
    ]);
    expect(await t.kernel.persons.findByEmail(t.kernel.db, `other.${SECRET.email}`)).toEqual([]);
  });

  it('key rotation: new writes use the new key, re-encryption moves old fields, data stay readable', async () => {
    const k = t.kernel;
    const oldKey = k.keyring.activeKeyId;
    const newKey = await k.keyring.rotate(k.db);
    expect(newKey).not.toBe(oldKey);
    expect(await countFieldsOnOldKeys(k.db, k.keyring)).toBeGreaterThan(0);
    expect(await keysAwaitingReencryption(k.db)).toEqual([oldKey]);
    // Reads still work mid-rotation (old key kept for decryption).
    expect((await k.persons.findById(k.db, personId))!.email).toBe(SECRET.email);
    const moved = await reencryptAll(k.db, k.keyring, 2);
    expect(moved).toBeGreaterThanOrEqual(6);
    expect(await countFieldsOnOldKeys(k.db, k.keyring)).toBe(0);
    expect(await keysAwaitingReencryption(k.db)).toEqual([]);
    const { rows } = await k.db.query<{ email_enc: string }>('SELECT email_enc FROM persons WHERE id = $1', [
      personId,
    ]);
    expect(rows[0]!.email_enc.startsWith(`kk1:${newKey}:`)).toBe(true);
    expect(await k.persons.findById(k.db, personId)).toMatchObject(SECRET);
    // Blind indexes survive a field-key rotation.
    expect(await k.persons.findByEmail(k.db, SECRET.email)).toEqual([personId]);
  });
});

describe('master key', () => {
  it('embedded mode generates master.key with mode 0600 on first run; a wrong key is refused clearly', async () => {
    const t = await testKernel('pglite');
    const dir = t.env.dataDir;
    const file = path.join(dir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await t.kernel.close();
    const wrong = loadConfig({
      KIESKLUIS_DATA_DIR: dir,
      KIESKLUIS_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    await expect(openKernel(wrong, { holder: 'test' })).rejects.toThrow(
      /cannot be unwrapped with this master key/,
    );
    await t.env.cleanup();
  });
});
