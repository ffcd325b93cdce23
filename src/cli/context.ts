/**
 * How a CLI command reaches the data: directly (opening the database and taking the data-directory lock),
 * or, while a server holds the embedded database, through that server's API with the operator secret the
 * server wrote into the data directory. Commands that cannot go through the server refuse clearly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Kernel, openKernel } from '../app/kernel.js';
import type { Config } from '../config/config.js';
import { readLiveLock } from '../storage/data-dir-lock.js';

export const OPERATOR_FILE = 'operator.token';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface ServerHandle {
  url: string;
  call<T>(method: 'GET' | 'POST', apiPath: string, body?: unknown): Promise<T>;
}

/** The running server that holds the embedded data directory, if any. */
export function runningServer(cfg: Config): ServerHandle | null {
  if (cfg.databaseUrl) return null;
  const lock = readLiveLock(cfg.dataDir);
  if (!lock) return null;
  if (lock.holder !== 'server' || !lock.url) {
    throw new CliError(
      `De datamap ${cfg.dataDir} is in gebruik door proces ${lock.pid} (${lock.holder}). The data directory is in use by process ${lock.pid} (${lock.holder}); try again when it has finished.`,
    );
  }
  let secret: string;
  try {
    secret = readFileSync(path.join(cfg.dataDir, OPERATOR_FILE), 'utf8').trim();
  } catch {
    throw new CliError(`Server ${lock.pid} draait, maar ${OPERATOR_FILE} is niet leesbaar / not readable.`);
  }
  const url = lock.url;
  return {
    url,
    async call<T>(method: 'GET' | 'POST', apiPath: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}/api/v1${apiPath}`, {
        method,
        headers: {
          authorization: `Bearer ${secret}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const json = (await res.json().catch(() => ({}))) as T & { code?: string; message?: string };
      if (!res.ok) throw new CliError(`${json.code ?? res.status}: ${json.message ?? res.statusText}`);
      return json;
    },
  };
}

/** Refuse when a server holds the embedded database (for commands that need exclusive access). */
export function refuseWhileServing(cfg: Config, what: string): void {
  const server = runningServer(cfg);
  if (server) {
    throw new CliError(
      `Er draait een server op ${server.url} met deze datamap; stop die eerst voor "${what}". ` +
        `A server at ${server.url} holds this data directory; stop it first for "${what}".`,
    );
  }
}

export async function withKernel<T>(cfg: Config, holder: string, fn: (k: Kernel) => Promise<T>): Promise<T> {
  const k = await openKernel(cfg, { holder });
  try {
    return await fn(k);
  } finally {
    await k.close();
  }
}
