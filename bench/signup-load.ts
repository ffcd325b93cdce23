/**
 * The public sign-up endpoint under load: autocannon on loopback (bench/lib/load-client.ts, its own
 * process) posting the urlencoded sign-up form, one new person per request, against the real server
 * (buildServer, 127.0.0.1, port 0) on a durable database, beside two bare Fastify routes in the same run
 * and the same process as the server:
 *
 *   bare: no-op       Fastify parses the same urlencoded body and answers 200 (the HTTP floor)
 *   bare: insert      …and inserts one row into a bare table with a durable commit (kernel.db, autocommit)
 *   POST /f/:slug     the product: form token check, honeypot, per-IP rate limit, validation, person,
 *                     consent with evidence, double opt-in mail into the outbox, audit, one transaction
 *
 * Each route gets a warm-up run that is not counted, then `--duration` seconds (or, when every request
 * needs its own single-use token, a fixed number of requests). PostgreSQL runs with fsync and
 * synchronous_commit on (bench/lib/pg-cluster.ts); PGlite does not fsync.
 *
 *   npx tsx bench/signup-load.ts [--engine=pglite|postgres|both] [--duration=20] [--connections=10] [--quick]
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import querystring from 'node:querystring';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kernel } from '../src/app/kernel.js';
import { buildServer } from '../src/server/app.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import type { LoadConfig, LoadResult } from './lib/load-client.js';
import { prepareSignup, SIGNUP_CONFIG_OVERRIDES, type SignupTarget } from './lib/product-signup.js';
import {
  BENCH_DIR,
  enginesFlag,
  fmt,
  intFlag,
  machineInfo,
  parseFlags,
  printTable,
  REPO_DIR,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags();
const engines = enginesFlag(flags);
const duration = intFlag(flags, 'duration', flags.quick ? 5 : 20);
const warmup = intFlag(flags, 'warmup', flags.quick ? 2 : 5);
const connections = intFlag(flags, 'connections', 10);

/** The fields of the public form as a person fills it in; `{n}` makes every address unique. */
export const FORM_FIELDS: Record<string, string> = {
  firstName: 'Anna',
  lastName: 'Bakker',
  email: 'anna.bakker.{n}@vb.invalid',
  website: '',
  // The same size as the product's fields; the product run replaces both with real ones.
  purpose: '00000000-0000-4000-8000-000000000000',
  formToken: `v1.mnop1234.00000000-0000-4000-8000-000000000000.${'x'.repeat(43)}`,
};

const BARE_TABLE = 'bench_bare_signups';

async function bareApp(k: Kernel): Promise<FastifyInstance> {
  await k.db.exec(
    `CREATE TABLE IF NOT EXISTS ${BARE_TABLE} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const app = Fastify({ logger: false });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, querystring.parse(body as string)),
  );
  app.post('/noop', async (_req, reply) => reply.type('text/html; charset=utf-8').send('<p>ok</p>'));
  app.post('/insert', async (req, reply) => {
    await k.db.query(`INSERT INTO ${BARE_TABLE} (body) VALUES ($1)`, [JSON.stringify(req.body)]);
    return reply.type('text/html; charset=utf-8').send('<p>ok</p>');
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}

function baseUrl(app: FastifyInstance): string {
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `http://127.0.0.1:${addr.port}`;
}

let configSeq = 0;
function load(cfg: LoadConfig): Promise<LoadResult> {
  const file = path.join(tmpdir(), `kk-bench-load-${process.pid}-${++configSeq}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_DIR, 'lib', 'load-client.ts'), file],
      {
        cwd: REPO_DIR,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(file, { force: true });
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`load client failed (exit ${code}): ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as LoadResult);
    });
  });
}

interface RouteResult {
  route: string;
  result: LoadResult;
  /** Rows the route wrote during the measured run (bare table rows, or persons), to check the 2xx count. */
  rowsWritten: number | null;
}

async function count(k: Kernel, sql: string): Promise<number> {
  return (await k.db.query<{ n: number }>(sql)).rows[0]!.n;
}

const machine = machineInfo();
warnIfBusy(machine);
const clusters = clusterProvider();
const results: Record<string, unknown> = {};
let n = 0;
try {
  for (const engine of engines) {
    console.log(`\n[${engine}] opening kernel…`);
    const bk = await openBenchKernel(engine, clusters, SIGNUP_CONFIG_OVERRIDES);
    const bare = await bareApp(bk.kernel);
    const product = await buildServer(bk.kernel, { operatorSecret: null, logger: false });
    try {
      await product.listen({ host: '127.0.0.1', port: 0 });
      const routes: RouteResult[] = [];
      const run = async (
        route: string,
        cfg: Omit<LoadConfig, 'connections' | 'startAt'>,
        rowsSql: string | null,
        counted: boolean,
      ) => {
        const before = rowsSql ? await count(bk.kernel, rowsSql) : 0;
        const result = await load({ ...cfg, connections, startAt: n });
        n += result.requests + connections * 2;
        const rowsWritten = rowsSql ? (await count(bk.kernel, rowsSql)) - before : null;
        console.log(
          `  ${counted ? '' : '(warm-up) '}${route}: ${fmt(result.reqPerSec)} req/s, p50 ${fmt(result.latencyMs.p50, 1)} ms, p99 ${fmt(result.latencyMs.p99, 1)} ms, ${result.errors} errors, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodes)}`,
        );
        if (counted) routes.push({ route, result, rowsWritten });
        return result;
      };
      const bareUrl = baseUrl(bare);
      const bareRows = `SELECT count(*)::int AS n FROM ${BARE_TABLE}`;
      const target: SignupTarget | null = await prepareSignup(bk.kernel, baseUrl(product));
      if (!target) console.log('  the public sign-up form has not landed yet: bare routes only');
      let signupRate: number | null = null;
      for (const counted of [false, true]) {
        const secs = counted ? duration : warmup;
        await run(
          'bare: no-op route',
          { url: bareUrl, path: '/noop', duration: secs, fields: FORM_FIELDS },
          null,
          counted,
        );
        await run(
          'bare: insert one row, durable commit',
          { url: bareUrl, path: '/insert', duration: secs, fields: FORM_FIELDS },
          bareRows,
          counted,
        );
        if (target) {
          const cfg = target.loadConfig(secs, counted ? signupRate : null, FORM_FIELDS);
          const r = await run(`POST ${target.path} (Kieskluis sign-up)`, cfg, target.rowsSql, counted);
          signupRate = r.reqPerSec;
        }
      }
      results[engine] = { info: bk.info, target: target?.describe ?? null, routes };
      printTable(
        `Sign-up under load, ${engine} (${bk.info.version.split(' on ')[0]}; ${connections} connections, ${duration} s)`,
        ['route', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'rows written'],
        routes.map((r) => [
          r.route,
          fmt(r.result.reqPerSec),
          fmt(r.result.latencyMs.p50, 1),
          fmt(r.result.latencyMs.p90, 1),
          fmt(r.result.latencyMs.p99, 1),
          fmt(r.result.latencyMs.max, 1),
          fmt(r.result.errors + r.result.timeouts),
          fmt(r.result.non2xx),
          r.rowsWritten === null ? '–' : fmt(r.rowsWritten),
        ]),
      );
    } finally {
      await product.close();
      await bare.close();
      await bk.close();
    }
  }
} finally {
  await clusters.stop();
}
writeResult('signup-load', { benchmark: 'signup-load', machine, duration, warmup, connections, results });
