/**
 * Person import throughput: a generated 1,000,000-row member-administration CSV (bench/lib/person-csv.ts)
 * imported on PGlite and on PostgreSQL in one run, each beside its bare limit, the database's own COPY of
 * the same file into a bare table of text columns (bench/lib/raw-copy.ts):
 *
 *   copy        bare limit: COPY of the file into a bare table (no keys, indexes, checks, crypto, audit)
 *   kieskluis   the product's import use case on the same file (parse, validate, suppression check,
 *               dedupe by blind index, encrypt, insert, provenance, audit), as `kieskluis import persons`
 *   crypto      reference, no database: parse the file and encrypt/blind-index its fields with the Keyring
 *               (the floor any import that encrypts every field has to pay, on one core)
 *
 * Every case runs in its own Node process, so peak RSS is that case's own (`process.resourceUsage().maxRSS`,
 * and the RSS sampled every 100 ms during the measured part). After each import the rows in the
 * database are counted.
 *
 *   npx tsx bench/import-persons.ts [--rows=1000000] [--engine=pglite|postgres|both] [--seed=20261101]
 *                                   [--cases=copy,kieskluis,crypto] [--quick]   (--quick = 20,000 rows)
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { clusterProvider } from './lib/engines.js';
import { DEFAULT_SEED, defaultCsvPath, type GeneratedCsv, writePersonCsv } from './lib/person-csv.js';
import {
  BENCH_DIR,
  type EngineName,
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

export type ImportCase = 'copy' | 'kieskluis' | 'crypto';
const ALL_CASES: ImportCase[] = ['copy', 'kieskluis', 'crypto'];

/** What a case process prints as `RESULT {json}`. */
export interface CaseResult {
  case: ImportCase;
  engine: EngineName | 'none';
  engineInfo?: Record<string, string>;
  rows: number;
  seconds: number;
  rowsPerSec: number;
  /** Rows in the target table afterwards (null for the crypto reference). */
  rowsInDatabase: number | null;
  /** RSS just before the measured part, MiB. */
  rssBeforeMiB: number;
  /** Highest RSS sampled during the measured part, MiB. */
  peakRssMiB: number;
  peakHeapMiB: number;
  /** process.resourceUsage().maxRSS of the whole case process, MiB. */
  maxRssMiB: number;
  /** Peak RSS of a helper process that fed the data (psql), MiB. */
  clientPeakRssMiB?: number | null;
  /** What the use case reported (accepted, rejected, duplicates, suppressed…). */
  report?: Record<string, unknown>;
  notes?: string[];
}

const flags = parseFlags();

if (flags.case) {
  // A case process: started by the orchestrator below.
  const { runCase } = await import('./lib/import-cases.js');
  const result = await runCase(
    flags.case as ImportCase,
    (flags.engine ?? 'pglite') as EngineName,
    flags.file!,
    intFlag(flags, 'rows', 1),
  );
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}

const rows = intFlag(flags, 'rows', flags.quick ? 20_000 : 1_000_000);
const seed = flags.seed ? Number(flags.seed) : DEFAULT_SEED;
const engines = enginesFlag(flags);
const cases = (flags.cases ? flags.cases.split(',') : ALL_CASES) as ImportCase[];
for (const c of cases) if (!ALL_CASES.includes(c)) throw new Error(`unknown case ${c}`);

function runChild(c: ImportCase, engine: EngineName | 'none', file: string, env: NodeJS.ProcessEnv) {
  return new Promise<CaseResult>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(BENCH_DIR, 'import-persons.ts'),
        `--case=${c}`,
        `--engine=${engine}`,
        `--file=${file}`,
        `--rows=${rows}`,
      ],
      { cwd: REPO_DIR, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      const s = d.toString();
      out += s;
      for (const line of s.split('\n')) if (line && !line.startsWith('RESULT ')) console.log(`  ${line}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`case ${c} on ${engine} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as CaseResult);
    });
  });
}

const machine = machineInfo();
warnIfBusy(machine);
const clusters = clusterProvider();
const results: CaseResult[] = [];
const failures: { case: ImportCase; engine: string; error: string }[] = [];
let csv: GeneratedCsv | null = null;
try {
  console.log(`Generating ${fmt(rows)} persons (seed ${seed})…`);
  csv = await writePersonCsv({ rows, seed, file: defaultCsvPath(rows, seed) });
  console.log(
    `  ${csv.file}: ${fmt(csv.bytes / 2 ** 20, 1)} MiB in ${fmt(csv.seconds, 2)} s (${fmt(csv.rowsPerSec)} rows/s)`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (engines.includes('postgres')) env.KK_BENCH_PG_URL = (await clusters.get()).adminUrl;
  const plan: [ImportCase, EngineName | 'none'][] = [];
  for (const engine of engines) {
    for (const c of cases) if (c !== 'crypto') plan.push([c, engine]);
  }
  if (cases.includes('crypto')) plan.push(['crypto', 'none']);
  for (const [c, engine] of plan) {
    console.log(`\n[${engine}] ${c}…`);
    try {
      const r = await runChild(c, engine, csv.file, env);
      results.push(r);
      console.log(
        `  ${fmt(r.rowsPerSec)} rows/s, ${fmt(r.seconds, 2)} s, ${r.rowsInDatabase ?? '–'} rows in the database, peak RSS ${r.peakRssMiB} MiB`,
      );
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      console.log(`  FAILED: ${error}`);
      failures.push({ case: c, engine, error });
    }
  }
} finally {
  await clusters.stop();
  if (csv && !flags['keep-csv']) rmSync(csv.file, { force: true });
}

const copyRate = (engine: string) =>
  results.find((r) => r.case === 'copy' && r.engine === engine)?.rowsPerSec;
printTable(
  `Person import, ${fmt(rows)} rows (${csv ? fmt(csv.bytes / 2 ** 20, 1) : '?'} MiB CSV)`,
  [
    'engine',
    'case',
    'seconds',
    'rows/s',
    'vs raw COPY',
    'rows in DB',
    'RSS before / peak MiB',
    'max RSS MiB',
  ],
  results.map((r) => {
    const base = copyRate(r.engine);
    return [
      r.engine,
      r.case,
      fmt(r.seconds, 2),
      fmt(r.rowsPerSec),
      base && r.case !== 'copy' && r.case !== 'crypto'
        ? fmt(r.rowsPerSec / base, 3)
        : r.case === 'copy'
          ? '1'
          : '–',
      r.rowsInDatabase === null ? '–' : fmt(r.rowsInDatabase),
      `${r.rssBeforeMiB} / ${r.peakRssMiB}`,
      `${r.maxRssMiB}${r.clientPeakRssMiB ? ` (psql ${r.clientPeakRssMiB})` : ''}`,
    ];
  }),
);
for (const f of failures) console.log(`FAILED: ${f.engine} ${f.case}: ${f.error}`);
writeResult('import-persons', {
  benchmark: 'import-persons',
  machine,
  argv: process.argv.slice(2),
  rows,
  seed,
  csv: csv && {
    bytes: csv.bytes,
    seconds: csv.seconds,
    rowsPerSec: csv.rowsPerSec,
    dateFormat: csv.dateFormat,
  },
  results,
  failures,
});
if (failures.length) process.exitCode = 1;
