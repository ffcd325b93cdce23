/**
 * verifyAuditChain over a large chain (default 1,000,000 entries), beside the bare limits: `SELECT count(*)`
 * and a plain full scan (all columns, the same keyset batches of 10,000, no hashing). Also the HMAC
 * recomputation alone on rows already in memory, which is what the verifier adds to the scan.
 * The chain is loaded through AuditLog.append in batches of 5,000 events per transaction (load rate reported).
 *
 *   npx tsx bench/audit-verify.ts [--engine=pglite|postgres|both] [--entries=1000000] [--rounds=2] [--quick]
 */
import type { Kernel } from '../src/app/kernel.js';
import { entryHash, verifyAuditChain } from '../src/storage/audit-log.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import { benchEvents } from './lib/events.js';
import {
  enginesFlag,
  fmt,
  gcIfExposed,
  intFlag,
  machineInfo,
  median,
  memorySampler,
  nowMs,
  parseFlags,
  pct,
  printTable,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags();
const engines = enginesFlag(flags);
const entries = intFlag(flags, 'entries', flags.quick ? 50_000 : 1_000_000);
const rounds = intFlag(flags, 'rounds', 2);
const LOAD_BATCH = intFlag(flags, 'load-batch', 5_000);
const SCAN_BATCH = 10_000; // verifyAuditChain's default

interface Timed {
  seconds: number;
  peakRssMiB: number;
  peakHeapMiB: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Timed & { value: T }> {
  gcIfExposed();
  const mem = memorySampler();
  const t0 = nowMs();
  const value = await fn();
  const seconds = (nowMs() - t0) / 1000;
  return { value, seconds, ...mem.stop() };
}

async function load(k: Kernel): Promise<{ seconds: number; eventsPerSec: number }> {
  const t0 = nowMs();
  let at = Date.parse('2026-03-01T08:00:00Z');
  let lastReport = t0;
  for (let done = 0; done < entries; done += LOAD_BATCH) {
    const count = Math.min(LOAD_BATCH, entries - done);
    const events = benchEvents(done, count);
    at += 1_000;
    await k.db.transaction((tx) => k.audit.append(tx, events, new Date(at)));
    if (nowMs() - lastReport > 10_000) {
      lastReport = nowMs();
      const s = (lastReport - t0) / 1000;
      console.log(`  loaded ${fmt(done + count)} in ${fmt(s, 1)} s (${fmt((done + count) / s)} ev/s)`);
    }
  }
  const seconds = (nowMs() - t0) / 1000;
  return { seconds, eventsPerSec: entries / seconds };
}

async function countAll(k: Kernel): Promise<number> {
  const { rows } = await k.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
  return rows[0]!.n;
}

/** The verifier's query and batches, reading every column, hashing nothing. */
async function plainScan(k: Kernel): Promise<number> {
  let after = 0;
  let seen = 0;
  let bytes = 0;
  for (;;) {
    const { rows } = await k.db.query<{ seq: number; hash: string }>(
      `SELECT seq, at, type, actor_type, actor_id, person_id, purpose, object_type, object_id, payload, prev_hash, hash
         FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT ${SCAN_BATCH}`,
      [after],
    );
    for (const r of rows) {
      seen += 1;
      bytes += r.hash.length; // touch each row so nothing is optimised away
    }
    if (rows.length < SCAN_BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  if (bytes === 0 && seen > 0) throw new Error('empty hashes');
  return seen;
}

/** HMAC recomputation only, on one batch of rows already in memory (no database). */
async function hmacOnly(k: Kernel): Promise<{ perSec: number; hashes: number }> {
  const { rows } = await k.db.query<Record<string, unknown>>(
    `SELECT seq, at, type, actor_type, actor_id, person_id, purpose, object_type, object_id, payload, prev_hash, hash
       FROM audit_events ORDER BY seq LIMIT ${SCAN_BATCH}`,
  );
  const key = k.keyring.auditKey;
  type R = Parameters<typeof entryHash>[2] & { prev_hash: string; hash: string };
  const prepared = rows.map((r) => ({
    ...r,
    at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
  })) as unknown as R[];
  let ok = 0;
  const repeats = 10;
  const t0 = nowMs();
  for (let i = 0; i < repeats; i++) {
    for (const r of prepared) if (entryHash(key, r.prev_hash, r) === r.hash) ok += 1;
  }
  const seconds = (nowMs() - t0) / 1000;
  if (ok !== prepared.length * repeats) throw new Error('HMAC mismatch on freshly written rows');
  return { perSec: (prepared.length * repeats) / seconds, hashes: prepared.length * repeats };
}

async function sizeOf(k: Kernel): Promise<{ tableMiB: number; totalMiB: number }> {
  const { rows } = await k.db.query<{ t: number; a: number }>(
    `SELECT pg_relation_size('audit_events')::float8 AS t, pg_total_relation_size('audit_events')::float8 AS a`,
  );
  return {
    tableMiB: Math.round(rows[0]!.t / 2 ** 20),
    totalMiB: Math.round(rows[0]!.a / 2 ** 20),
  };
}

const clusters = clusterProvider();
const machine = machineInfo();
warnIfBusy(machine);
const results: Record<string, unknown> = {};
try {
  for (const engine of engines) {
    console.log(`\n[${engine}] opening kernel…`);
    const bk = await openBenchKernel(engine, clusters);
    try {
      const k = bk.kernel;
      console.log(
        `[${engine}] loading ${fmt(entries)} entries through AuditLog.append, ${fmt(LOAD_BATCH)}/tx…`,
      );
      const loaded = await load(k);
      console.log(`[${engine}] loaded in ${fmt(loaded.seconds, 1)} s (${fmt(loaded.eventsPerSec)} ev/s)`);
      // Steady state: an insert-only table that autovacuum has visited (PGlite has no autovacuum at all).
      const vac = await timed(() => k.db.exec('VACUUM (ANALYZE) audit_events'));
      const size = await sizeOf(k);
      console.log(
        `[${engine}] VACUUM ANALYZE ${fmt(vac.seconds, 1)} s; table ${size.tableMiB} MiB, with indexes ${size.totalMiB} MiB`,
      );
      await plainScan(k); // warm the cache: every measurement below reads from memory

      const runs: { count: Timed; scan: Timed; verify: Timed }[] = [];
      for (let r = 0; r < rounds; r++) {
        const count = await timed(() => countAll(k));
        if (count.value !== entries) throw new Error(`count ${count.value} ≠ ${entries}`);
        const scan = await timed(() => plainScan(k));
        if (scan.value !== entries) throw new Error(`scan saw ${scan.value} ≠ ${entries}`);
        const verify = await timed(() => verifyAuditChain(k.db, k.keyring.auditKey));
        if (!verify.value.ok || verify.value.entries !== entries) {
          throw new Error(`verify: ${JSON.stringify(verify.value).slice(0, 500)}`);
        }
        const strip = ({ seconds, peakRssMiB, peakHeapMiB }: Timed) => ({ seconds, peakRssMiB, peakHeapMiB });
        runs.push({ count: strip(count), scan: strip(scan), verify: strip(verify) });
        console.log(
          `  round ${r + 1}: count ${fmt(count.seconds, 2)} s, scan ${fmt(scan.seconds, 2)} s, verify ${fmt(verify.seconds, 2)} s`,
        );
      }
      const hmac = await hmacOnly(k);
      const sec = (pick: (x: (typeof runs)[number]) => Timed) => median(runs.map((x) => pick(x).seconds));
      const peak = (pick: (x: (typeof runs)[number]) => Timed) => ({
        rss: Math.max(...runs.map((x) => pick(x).peakRssMiB)),
        heap: Math.max(...runs.map((x) => pick(x).peakHeapMiB)),
      });
      const summary = {
        info: bk.info,
        entries,
        load: { batch: LOAD_BATCH, ...loaded },
        vacuumSeconds: vac.seconds,
        size,
        count: {
          seconds: sec((x) => x.count),
          entriesPerSec: entries / sec((x) => x.count),
          peak: peak((x) => x.count),
        },
        scan: {
          seconds: sec((x) => x.scan),
          entriesPerSec: entries / sec((x) => x.scan),
          peak: peak((x) => x.scan),
        },
        verify: {
          seconds: sec((x) => x.verify),
          entriesPerSec: entries / sec((x) => x.verify),
          peak: peak((x) => x.verify),
        },
        hmacOnly: hmac,
        runs,
      };
      results[engine] = summary;
      printTable(
        `Audit chain verification, ${engine}: ${fmt(entries)} entries (${bk.info.version.split(' on ')[0]}; median of ${rounds}; table ${size.tableMiB} MiB + indexes = ${size.totalMiB} MiB)`,
        ['operation', 'seconds', 'entries/s', 'vs plain scan', 'peak RSS MiB', 'peak heap MiB'],
        [
          [
            'SELECT count(*) (bare limit)',
            fmt(summary.count.seconds, 2),
            fmt(summary.count.entriesPerSec),
            '–',
            String(summary.count.peak.rss),
            String(summary.count.peak.heap),
          ],
          [
            'plain keyset scan, no hashing (bare limit)',
            fmt(summary.scan.seconds, 2),
            fmt(summary.scan.entriesPerSec),
            '100%',
            String(summary.scan.peak.rss),
            String(summary.scan.peak.heap),
          ],
          [
            'verifyAuditChain',
            fmt(summary.verify.seconds, 2),
            fmt(summary.verify.entriesPerSec),
            pct(summary.verify.entriesPerSec, summary.scan.entriesPerSec),
            String(summary.verify.peak.rss),
            String(summary.verify.peak.heap),
          ],
          [
            'HMAC recompute only, in memory (no DB)',
            fmt(entries / hmac.perSec, 2),
            fmt(hmac.perSec),
            '–',
            '–',
            '–',
          ],
          [
            `load: AuditLog.append, ${fmt(LOAD_BATCH)}/tx`,
            fmt(loaded.seconds, 1),
            fmt(loaded.eventsPerSec),
            '–',
            '–',
            '–',
          ],
        ],
      );
    } finally {
      await bk.close();
    }
  }
} finally {
  await clusters.stop();
}
writeResult('audit-verify', { benchmark: 'audit-verify', machine, entries, rounds, results });
