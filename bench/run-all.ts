/**
 * Run every benchmark, each in its own Node process (so one measurement's heap and JIT state cannot
 * colour the next), against one throwaway PostgreSQL cluster started here and removed at the end, even
 * when a benchmark fails or the run is interrupted. Each script prints its table and writes
 * bench/out/<name>.json; this writes bench/out/run-all.json.
 *
 *   npm run bench                               everything (the 1M-entry and 1M-person runs take long)
 *   npm run bench -- --quick                    small sizes, a smoke run of the harness
 *   npm run bench -- --only=field-crypto,audit-append
 *   npm run bench -- --engine=pglite            skip PostgreSQL (no cluster is started)
 *
 * Other flags (--rounds, --entries, --logins…) are passed on to every script.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type PgCluster, startPgCluster } from './lib/pg-cluster.js';
import {
  BENCH_DIR,
  enginesFlag,
  fmt,
  machineInfo,
  nowMs,
  parseFlags,
  printTable,
  REPO_DIR,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const ALL = [
  'field-crypto',
  'audit-append',
  'login-latency',
  'audit-verify',
  'import-persons',
  'person-search',
  'signup-load',
  'assess-throughput',
  'audience-eval',
  'send-throughput',
] as const;

const flags = parseFlags();
const only = flags.only ? flags.only.split(',').map((s) => s.trim()) : [...ALL];
for (const o of only) if (!(ALL as readonly string[]).includes(o)) throw new Error(`unknown benchmark ${o}`);
const passOn = process.argv.slice(2).filter((a) => !a.startsWith('--only='));
const needsPostgres =
  enginesFlag(flags).includes('postgres') &&
  only.some((o) => o !== 'field-crypto' && o !== 'assess-throughput');

let current: ChildProcess | null = null;
// Registered before the cluster's own handlers: stop the running benchmark, then exit, which runs the
// cluster's 'exit' cleanup (pg_ctl stop, remove the directory).
for (const [s, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(s, () => {
    current?.kill('SIGTERM');
    process.exit(code);
  });
}

function runScript(name: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_DIR, `${name}.ts`), ...passOn],
      {
        cwd: REPO_DIR,
        env,
        stdio: 'inherit',
      },
    );
    current = child;
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const machine = machineInfo();
warnIfBusy(machine);
console.log(
  `Kieskluis benchmarks — ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memTotalGiB} GiB, Node ${machine.node}, ` +
    `load ${machine.loadAverageAtStart.join(' ')}`,
);
let cluster: PgCluster | null = null;
const runs: { name: string; exitCode: number; seconds: number }[] = [];
try {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (needsPostgres) {
    cluster = await startPgCluster();
    env.KK_BENCH_PG_URL = cluster.adminUrl;
    console.log(`PostgreSQL cluster on 127.0.0.1:${cluster.port} (${cluster.dir}), fsync on`);
  }
  for (const name of only) {
    console.log(`\n=== ${name} ===`);
    const t0 = nowMs();
    const exitCode = await runScript(name, env);
    runs.push({ name, exitCode, seconds: (nowMs() - t0) / 1000 });
  }
} finally {
  await cluster?.stop();
}
printTable(
  'Benchmark runs',
  ['benchmark', 'exit code', 'seconds', 'result file'],
  runs.map((r) => [r.name, String(r.exitCode), fmt(r.seconds, 1), `bench/out/${r.name}.json`]),
);
writeResult('run-all', { benchmark: 'run-all', machine, argv: process.argv.slice(2), runs });
if (runs.some((r) => r.exitCode !== 0)) process.exitCode = 1;
