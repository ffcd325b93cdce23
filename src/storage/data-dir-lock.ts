/**
 * Exclusive lock on the embedded data directory. PGlite has no cross-process lock: a second process on
 * the same directory silently loses writes. We hold `kieskluis.lock` (created with O_EXCL) for the life of
 * the process; a second process gets DataDirLockedError naming the holder's pid and, when it is a server,
 * its address, so the CLI can go through that server instead.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** What holds the lock: 'server' (with its URL) or a CLI command. */
  holder: string;
  url?: string;
}

export class DataDirLockedError extends Error {
  readonly info: LockInfo;
  constructor(dir: string, info: LockInfo) {
    super(
      `De datamap ${dir} is in gebruik door proces ${info.pid} (${info.holder}${info.url ? ` op ${info.url}` : ''}). ` +
        `The data directory is in use by process ${info.pid}; stop it first or run this command through that server.`,
    );
    this.name = 'DataDirLockedError';
    this.info = info;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'kieskluis.lock');
}

/** Read the current lock if a live process holds it. */
export function readLiveLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return alive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  update(patch: Partial<LockInfo>): void;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockPath(dataDir);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), holder };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return {
        update(patch) {
          info = { ...info, ...patch };
          const fd2 = openSync(file, 'w', 0o600);
          writeSync(fd2, JSON.stringify(info));
          closeSync(fd2);
        },
        release,
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let existing: LockInfo | null = null;
      try {
        existing = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        existing = null; // half-written or unreadable: treat as stale
      }
      if (existing && alive(existing.pid) && existing.pid !== process.pid) {
        throw new DataDirLockedError(dataDir, existing);
      }
      try {
        unlinkSync(file); // stale lock of a dead process
      } catch {
        /* someone else removed it; retry */
      }
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
