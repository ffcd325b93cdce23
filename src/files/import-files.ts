/**
 * Where uploaded import files live: `<dataDir>/imports/<jobId>`, encrypted at rest with a per-file key
 * (encrypted-file.ts), written through a `.part` file that is renamed only when complete, and removed when
 * the import ends. Only this module touches those paths.
 */
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DecryptTransform, EncryptTransform } from './encrypted-file.js';

export const IMPORTS_DIR = 'imports';

/** The path of an import file, relative to the data directory (what the database stores). */
export function importFileRelPath(jobId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(jobId)) throw new Error('not a job id');
  return path.join(IMPORTS_DIR, jobId);
}

function absolute(dataDir: string, rel: string): string {
  const abs = path.resolve(dataDir, rel);
  const root = path.resolve(dataDir, IMPORTS_DIR);
  if (!abs.startsWith(`${root}${path.sep}`)) throw new Error('import file outside the imports directory');
  return abs;
}

export interface SavedFile {
  relPath: string;
  bytes: number;
  sha256: string;
  /** The first bytes of the plaintext, to sniff the format. */
  head: Buffer;
}

/** Stream `input` encrypted to the job's file; fails (leaving nothing) beyond `maxBytes`. */
export async function saveImportFile(
  dataDir: string,
  jobId: string,
  input: Readable,
  key: Buffer,
  maxBytes: number,
): Promise<SavedFile> {
  const rel = importFileRelPath(jobId);
  const abs = absolute(dataDir, rel);
  mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
  const part = `${abs}.part`;
  const enc = new EncryptTransform(key, maxBytes);
  try {
    await pipeline(input, enc, createWriteStream(part, { mode: 0o600 }));
    renameSync(part, abs);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
  return { relPath: rel, bytes: enc.bytes, sha256: enc.hash.digest('hex'), head: enc.head };
}

/** The plaintext of a stored import file as a stream (frames are verified as they are read). */
export function openImportFile(dataDir: string, relPath: string, key: Buffer): Readable {
  const src = createReadStream(absolute(dataDir, relPath), { highWaterMark: 64 * 1024 });
  const dec = new DecryptTransform(key);
  src.on('error', (e) => dec.destroy(e));
  dec.on('close', () => src.destroy());
  return src.pipe(dec);
}

/** Remove an import file (and any leftover `.part`); missing files are fine. */
export function deleteImportFile(dataDir: string, relPath: string): void {
  const abs = absolute(dataDir, relPath);
  rmSync(abs, { force: true });
  rmSync(`${abs}.part`, { force: true });
}
