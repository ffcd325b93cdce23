/**
 * Open the real application kernel (config, migrations, keys, audit log, repositories) on a fresh database:
 * PGlite in a temp data directory, or a fresh database in a PostgreSQL cluster (bench/lib/pg-cluster.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kernel, openKernel } from '../../src/app/kernel.js';
import { loadConfig } from '../../src/config/config.js';
import { describePostgres, externalPgCluster, type PgCluster, startPgCluster } from './pg-cluster.js';
import type { EngineName } from './report.js';

/** Engine version and durability settings, for the result file. */
export type EngineInfo = { version: string } & Record<string, string>;

export interface BenchKernel {
  engine: EngineName;
  kernel: Kernel;
  info: EngineInfo;
  close(): Promise<void>;
}

/**
 * The cluster for this process: the one run-all.ts started (KK_BENCH_PG_URL), else a new one that this
 * process stops. Started lazily, only when a PostgreSQL measurement runs.
 */
export function clusterProvider() {
  let cluster: PgCluster | null = null;
  return {
    async get(): Promise<PgCluster> {
      if (!cluster) {
        const external = process.env.KK_BENCH_PG_URL;
        cluster = external ? externalPgCluster(external) : await startPgCluster();
      }
      return cluster;
    },
    async stop(): Promise<void> {
      await cluster?.stop();
      cluster = null;
    },
  };
}

async function describePglite(kernel: Kernel): Promise<EngineInfo> {
  const out: EngineInfo = {
    version: String((await kernel.db.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v),
  };
  for (const s of ['fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers']) {
    try {
      out[s] = String((await kernel.db.query<Record<string, string>>(`SHOW ${s}`)).rows[0]![s]);
    } catch {
      out[s] = 'n/a';
    }
  }
  return out;
}

/** Temp data directories still in use; removed on exit, even after Ctrl-C or SIGTERM. */
const liveDirs = new Set<string>();
let exitHookInstalled = false;
function trackDir(dir: string): void {
  liveDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
  });
  // The default action of these signals skips 'exit' listeners; exiting explicitly runs them.
  for (const [s, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(s, () => process.exit(code));
  }
}

export async function openBenchKernel(
  engine: EngineName,
  clusters: ReturnType<typeof clusterProvider>,
  overrides: Record<string, string> = {},
): Promise<BenchKernel> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-bench-'));
  trackDir(dataDir);
  const env: Record<string, string> = {
    KIESKLUIS_DATA_DIR: dataDir,
    KIESKLUIS_LOG_LEVEL: 'silent',
    KIESKLUIS_JOBS: 'false',
    ...overrides,
  };
  let drop: (() => Promise<void>) | null = null;
  try {
    let info: EngineInfo;
    let kernel: Kernel;
    if (engine === 'postgres') {
      const database = await (await clusters.get()).createDatabase('kk_bench');
      drop = database.drop;
      env.DATABASE_URL = database.url;
      env.KIESKLUIS_MASTER_KEY = randomBytes(32).toString('base64');
      kernel = await openKernel(loadConfig(env), { holder: 'bench' });
      info = await describePostgres(database.url);
    } else {
      kernel = await openKernel(loadConfig(env), { holder: 'bench' });
      info = await describePglite(kernel);
    }
    return {
      engine,
      kernel,
      info,
      async close() {
        await kernel.close();
        await drop?.();
        rmSync(dataDir, { recursive: true, force: true });
        liveDirs.delete(dataDir);
      },
    };
  } catch (e) {
    await drop?.().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    liveDirs.delete(dataDir);
    throw e;
  }
}
