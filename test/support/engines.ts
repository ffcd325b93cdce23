/**
 * Run the same storage and use-case tests on both engines: PGlite in a temp data directory, and
 * PostgreSQL in a throwaway database of the cluster `npm test` starts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kernel, openKernel, type WebsiteScannerOptions } from '../../src/app/kernel.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { createThrowawayDatabase, requirePostgres, type ThrowawayDatabase } from './postgres-env.js';

export type EngineName = 'pglite' | 'postgres';

/** Engines to test on: always PGlite, PostgreSQL when `npm test` provides it (required in CI). */
export function engines(): EngineName[] {
  return requirePostgres() ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestEnv {
  engine: EngineName;
  config: Config;
  dataDir: string;
  /** Only on PostgreSQL. */
  database: ThrowawayDatabase | null;
  cleanup(): Promise<void>;
}

export async function testEnv(engine: EngineName, overrides: Record<string, string> = {}): Promise<TestEnv> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-test-'));
  let database: ThrowawayDatabase | null = null;
  const env: Record<string, string> = {
    KIESKLUIS_DATA_DIR: dataDir,
    KIESKLUIS_LOG_LEVEL: 'silent',
    KIESKLUIS_JOBS: 'false',
    ...overrides,
  };
  if (engine === 'postgres') {
    database = await createThrowawayDatabase();
    env.DATABASE_URL = database.ownerUrl;
    env.KIESKLUIS_MASTER_KEY = randomBytes(32).toString('base64');
  }
  return {
    engine,
    config: loadConfig(env),
    dataDir,
    database,
    async cleanup() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A kernel on a fresh database of the given engine, with a controllable clock. */
export async function testKernel(
  engine: EngineName,
  opts: {
    overrides?: Record<string, string>;
    now?: () => Date;
    startJobs?: boolean;
    websiteScanner?: WebsiteScannerOptions;
  } = {},
): Promise<{ kernel: Kernel; env: TestEnv; close(): Promise<void> }> {
  const env = await testEnv(engine, opts.overrides);
  const kernel = await openKernel(env.config, {
    holder: 'test',
    now: opts.now,
    startJobs: opts.startJobs,
    websiteScanner: opts.websiteScanner,
  });
  return {
    kernel,
    env,
    async close() {
      await kernel.close();
      await env.cleanup();
    },
  };
}
