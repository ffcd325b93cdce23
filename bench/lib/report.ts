/**
 * Small helpers shared by the benchmark scripts: command-line flags, the machine description, timing,
 * percentiles, a plain-text table and the JSON file in bench/out/. Benchmarks print numbers; they assert
 * nothing about speed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..');
export const OUT_DIR = path.join(BENCH_DIR, 'out');

/** `--name=value` and bare `--flag` (value 'true'). */
export function parseFlags(argv: readonly string[] = process.argv.slice(2)): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of argv) {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(a);
    if (m) out[m[1]!] = m[2] ?? 'true';
  }
  return out;
}

export function intFlag(flags: Record<string, string>, name: string, fallback: number): number {
  const v = flags[name];
  if (v === undefined) return fallback;
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
}

export type EngineName = 'pglite' | 'postgres';

/** `--engine=pglite|postgres|both` (default both). */
export function enginesFlag(flags: Record<string, string>): EngineName[] {
  const v = flags.engine ?? flags.engines ?? 'both';
  if (v === 'both') return ['pglite', 'postgres'];
  const list = v.split(',').map((s) => s.trim());
  for (const e of list) if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine ${e}`);
  return list as EngineName[];
}

function tryRun(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export interface MachineInfo {
  date: string;
  cpuModel: string;
  cpus: number;
  memTotalGiB: number;
  node: string;
  os: string;
  gitCommit: string | null;
  gitDirty: boolean | null;
  /** 1, 5 and 15 minute load averages when the run started: other work on the box skews the numbers. */
  loadAverageAtStart: number[];
}

/** Prints a warning when other work keeps the CPUs busy: the figures then come out low and noisy. */
export function warnIfBusy(m: MachineInfo): void {
  const load = m.loadAverageAtStart[0] ?? 0;
  if (load > m.cpus * 0.5) {
    console.log(
      `WARNING: load average ${load} on ${m.cpus} CPUs: other processes compete for the CPUs; figures will be low and noisy.`,
    );
  }
}

export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  const status = tryRun('git', ['-C', REPO_DIR, 'status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    cpuModel,
    cpus: os.availableParallelism(),
    memTotalGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    gitCommit: tryRun('git', ['-C', REPO_DIR, 'rev-parse', '--short', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function nowMs(): number {
  return performance.now();
}

/** Nearest-rank percentile of an unsorted sample (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(ms: readonly number[]): LatencySummary {
  return {
    n: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    min: Math.min(...ms),
    max: Math.max(...ms),
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
  };
}

/** Integer with thousands separators; fractional numbers with `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(part: number, whole: number): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return '–';
  return `${fmt((part / whole) * 100, 0)}%`;
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function printTable(title: string, headers: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function writeResult(name: string, data: unknown): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.json`);
  const withLoad = {
    ...(data as object),
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  writeFileSync(file, `${JSON.stringify(withLoad, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(REPO_DIR, file)}`);
  return file;
}

/** Samples RSS and V8 heap while something runs (the event loop must breathe between awaits). */
export function memorySampler(everyMs = 100) {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  }, everyMs);
  timer.unref();
  return {
    stop(): { peakRssMiB: number; peakHeapMiB: number } {
      clearInterval(timer);
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      return { peakRssMiB: Math.round(peakRss / 2 ** 20), peakHeapMiB: Math.round(peakHeap / 2 ** 20) };
    },
  };
}

/** Let the garbage collector settle between measurements when node runs with --expose-gc. */
export function gcIfExposed(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}
