/**
 * A throwaway PostgreSQL cluster for benchmarks: temp directory, 127.0.0.1 on a free port, durable settings
 * (fsync, synchronous_commit and full_page_writes on, unlike the test cluster), removed on stop, on exit,
 * on Ctrl-C/SIGTERM and after a crash of the benchmark process.
 *
 * initdb and postgres refuse to run as root: as root they run as user `postgres` via runuser.
 *
 *   const cluster = await startPgCluster();
 *   try { const db = await cluster.createDatabase('bench'); … } finally { await cluster.stop(); }
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface PgCluster {
  /** Superuser URL of database `postgres`. */
  adminUrl: string;
  port: number;
  /** Temp directory holding data, socket and log (null for a cluster started by another process). */
  dir: string | null;
  /** A fresh empty database owned by the superuser. */
  createDatabase(prefix: string): Promise<PgDatabase>;
  /** Stop the server and remove its directory; safe to call twice. No-op for an external cluster. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Directory with initdb, pg_ctl, postgres (default KK_PG_BIN or /usr/lib/postgresql/15/bin). */
  binDir?: string;
  /** Durable settings (default true). false = the test suite's fast, unsafe settings. */
  durable?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

const RUN_AS = 'postgres';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function makeCreateDatabase(adminUrl: string): (prefix: string) => Promise<PgDatabase> {
  let n = 0;
  return async (prefix) => {
    if (!/^[a-z_][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`bad database prefix ${prefix}`);
    n += 1;
    const name = `${prefix}_${process.pid}_${n}`;
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
    return {
      name,
      url: withDatabase(adminUrl, name),
      async drop() {
        await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
      },
    };
  };
}

/** Use a cluster another process started (run-all.ts passes its admin URL on). */
export function externalPgCluster(adminUrl: string): PgCluster {
  return {
    adminUrl,
    port: Number(new URL(adminUrl).port),
    dir: null,
    createDatabase: makeCreateDatabase(adminUrl),
    async stop() {
      /* owned by the process that started it */
    },
  };
}

export async function startPgCluster(opts: StartOptions = {}): Promise<PgCluster> {
  const binDir = opts.binDir ?? process.env.KK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(path.join(binDir, 'postgres'))) {
    throw new Error(
      `no PostgreSQL server binaries in ${binDir} (apt-get install postgresql, or set KK_PG_BIN)`,
    );
  }
  const root = isRoot();
  const dir = mkdtempSync(path.join(root ? '/tmp' : tmpdir(), 'kk-bench-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');

  const asPg = (bin: string, args: string[], stdio: 'pipe' | 'ignore' = 'pipe') => {
    const full = path.join(binDir, bin);
    const [cmd, argv] = root ? ['runuser', ['-u', RUN_AS, '--', full, ...args]] : [full, args];
    return spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', stdio: ['ignore', stdio, stdio] });
  };

  let stopped = false;
  /** Synchronous, so it also works from an 'exit' handler. */
  const cleanupSync = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(data, 'postmaster.pid'))) {
      asPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', '-s', 'stop'], 'ignore');
      const pidFile = path.join(data, 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (Number.isInteger(pid) && pid > 0) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanupSync();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  const detach = () => {
    process.off('exit', cleanupSync);
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(s, onSignal);
  };
  process.on('exit', cleanupSync);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);

  try {
    if (root) execFileSync('chown', [`${RUN_AS}:`, dir]);
    const init = asPg('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
      '--no-instructions',
    ]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    const durable = opts.durable ?? true;
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      max_connections: '50',
      fsync: durable ? 'on' : 'off',
      synchronous_commit: durable ? 'on' : 'off',
      full_page_writes: durable ? 'on' : 'off',
      ...opts.settings,
    };
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const o = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
      const r = asPg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-s', '-o', o, 'start']);
      if (r.status === 0) break;
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (attempt < 5 && /could not bind|Address already in use/.test(serverLog)) continue;
      throw new Error(`PostgreSQL did not start:\n${r.stderr}\n${serverLog.slice(-4000)}`);
    }
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      port,
      dir,
      createDatabase: makeCreateDatabase(adminUrl),
      async stop() {
        cleanupSync();
        detach();
      },
    };
  } catch (e) {
    cleanupSync();
    detach();
    throw e;
  }
}

/** Server version and the settings that matter for these numbers. */
export async function describePostgres(url: string): Promise<{ version: string } & Record<string, string>> {
  return withClient(url, async (c) => {
    const out: { version: string } & Record<string, string> = {
      version: String((await c.query('SELECT version() AS v')).rows[0].v),
    };
    for (const s of ['fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'wal_level']) {
      out[s] = String((await c.query(`SHOW ${s}`)).rows[0][s]);
    }
    return out;
  });
}
