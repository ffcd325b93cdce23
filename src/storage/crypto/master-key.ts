/**
 * The master key (key-encryption key). PostgreSQL mode: only from KIESKLUIS_MASTER_KEY. Embedded mode: from
 * the environment if given, else `<dataDir>/master.key`, generated on first run with mode 0600. No defaults.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.js';

export function masterKeyPath(dataDir: string): string {
  return path.join(dataDir, 'master.key');
}

export function loadMasterKey(cfg: Pick<Config, 'masterKey' | 'databaseUrl' | 'dataDir'>): Buffer {
  if (cfg.masterKey) return Buffer.from(cfg.masterKey, 'base64');
  if (cfg.databaseUrl) throw new Error('KIESKLUIS_MASTER_KEY is required with DATABASE_URL');
  const file = masterKeyPath(cfg.dataDir);
  if (!existsSync(file)) {
    mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key`);
  return key;
}
