/**
 * `kieskluis import persons` as separate processes (C3): the progress bar on stderr, a dataset created
 * from the CLI, and resuming after a crash — the import is killed (SIGKILL) after its first checkpoint and
 * the same command run again finishes it with every row exactly once. Also through a running server.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKernel } from '../../src/app/kernel.js';
import { loadConfig } from '../../src/config/config.js';
import { cli, serveInBackground } from '../cli/run-cli.js';
import { engines } from '../support/engines.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/postgres-env.js';
import { HEADER, letters } from './support.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const dirs: string[] = [];
const dbs: ThrowawayDatabase[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const db of dbs) await db.drop();
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kk-cli-import-'));
  dirs.push(d);
  return d;
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${[...HEADER, 'lid sinds'].join(';')}\n`);
  for (let i = 0; i < rows; i++) {
    out.write(
      `Aletta;;Jacobs-${letters(i)};aletta.${i}@cli.invalid;;3512 AB;${(i % 300) + 1};Utrecht;09-02-1954;01-09-2015\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

async function envFor(engine: string): Promise<Record<string, string>> {
  const env: Record<string, string> = { KIESKLUIS_DATA_DIR: tempDir() };
  if (engine === 'postgres') {
    const db = await createThrowawayDatabase();
    dbs.push(db);
    env.DATABASE_URL = db.ownerUrl;
    env.KIESKLUIS_MASTER_KEY = randomBytes(32).toString('base64');
  }
  return env;
}

async function countPersons(env: Record<string, string>, datasetId: string) {
  const cfg = loadConfig({ ...env, KIESKLUIS_LOG_LEVEL: 'silent' });
  const k = await openKernel(cfg, { holder: 'test' });
  try {
    const { rows } = await k.db.query<{ n: number; emails: number; members: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT email_bidx)::int AS emails,
              (SELECT count(*)::int FROM memberships m WHERE m.dataset_id = $1) AS members
         FROM persons WHERE dataset_id = $1`,
      [datasetId],
    );
    return rows[0]!;
  } finally {
    await k.close();
  }
}

/** Start the import and SIGKILL it once stderr shows the first committed chunk. */
function importUntilFirstCheckpoint(file: string, datasetId: string, env: Record<string, string>) {
  return new Promise<{ stderr: string; killed: boolean }>((resolve, reject) => {
    const clean = { ...process.env };
    for (const k of Object.keys(clean))
      if (k.startsWith('KIESKLUIS_') || k === 'DATABASE_URL') delete clean[k];
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, 'import', 'persons', file, '--dataset', datasetId],
      {
        cwd: ROOT,
        env: { ...clean, KIESKLUIS_LOG_LEVEL: 'silent', ...env },
      },
    );
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /%\s+(\d+)\//.exec(
        stderr
          .split('\n')
          .filter((l) => l.includes('%'))
          .pop() ?? '',
      );
      if (!killed && m && Number(m[1]) >= 1000) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ stderr, killed }));
  });
}

describe.each(engines())('kieskluis import persons on %s', (engine) => {
  it('creates a dataset, shows progress, and resumes after a crash without duplicates', {
    timeout: 300_000,
  }, async () => {
    const env = await envFor(engine);
    const created = await cli(
      [
        'dataset',
        'create',
        '--name',
        'Ledenadministratie',
        '--origin',
        'MEMBER_ADMIN',
        '--contains-political',
        '--json',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const datasetId = JSON.parse(created.stdout).id as string;

    const ROWS = 12_000;
    const file = path.join(tempDir(), 'leden.csv');
    await writeCsv(file, ROWS);

    const first = await importUntilFirstCheckpoint(file, datasetId, env);
    expect(first.killed, first.stderr).toBe(true);
    const midway = await countPersons(env, datasetId);
    expect(midway.n).toBeGreaterThanOrEqual(1000);
    expect(midway.n).toBeLessThan(ROWS);
    expect(midway.n % 1000).toBe(0); // whole chunks only: each chunk commits with its checkpoint

    const again = await cli(['import', 'persons', file, '--dataset', datasetId, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const job = JSON.parse(again.stdout);
    expect(job.status).toBe('done');
    expect(job.counts).toEqual({ read: ROWS, inserted: ROWS, duplicates: 0, suppressed: 0, rejected: 0 });
    // The progress bar: percentage, rows and rows per second on stderr, ending at 100 %.
    expect(again.stderr).toMatch(/100% 12000\/12000 rijen\/rows, \d+ rijen\/s/);

    const after = await countPersons(env, datasetId);
    expect(after).toEqual({ n: ROWS, emails: ROWS, members: ROWS });

    // The same file once more: a new import, every row a duplicate of the register.
    const dup = await cli(
      ['import', 'persons', file, '--dataset', datasetId, '--json', '--no-progress'],
      env,
    );
    expect(dup.code, dup.stderr).toBe(0);
    expect(JSON.parse(dup.stdout).counts).toMatchObject({ inserted: 0, duplicates: ROWS });
    expect(dup.stderr).toBe('');
  });
});

describe('kieskluis import persons through a running server', () => {
  it('uploads to the server, which runs the import on its job queue; the CLI follows the progress', {
    timeout: 180_000,
  }, async () => {
    const env = { KIESKLUIS_DATA_DIR: tempDir(), PORT: '0' };
    const server = await serveInBackground([], env);
    try {
      const created = await cli(
        ['dataset', 'create', '--name', 'Formulieren', '--origin', 'OWN_FORMS', '--json'],
        env,
      );
      expect(created.code, created.stderr).toBe(0);
      const datasetId = JSON.parse(created.stdout).id as string;
      const file = path.join(tempDir(), 'formulieren.csv');
      await writeCsv(file, 1500);
      const report = path.join(tempDir(), 'rapport.csv');
      const r = await cli(
        ['import', 'persons', file, '--dataset', datasetId, '--json', '--report', report],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'done', counts: { inserted: 1500 } });
      expect(r.stderr).toMatch(/100%/);
    } finally {
      await server.stop();
    }
  });
});
