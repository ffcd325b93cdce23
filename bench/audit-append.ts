/**
 * Audit append throughput: AuditLog.append (head row lock + HMAC chain + canonical JSON) with 1, 100 and
 * 1,000 events per transaction, beside the bare limit: the same rows as a plain multi-row INSERT into an
 * unchained copy of the table (same columns, primary key and indexes; no head lock, no HMAC), in the same
 * transaction shapes. On PostgreSQL also 8 concurrent writers with one event per transaction, where the
 * single head row serialises the chain.
 *
 *   npx tsx bench/audit-append.ts [--engine=pglite|postgres|both] [--rounds=3] [--quick]
 */
import type { Kernel } from '../src/app/kernel.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import {
  benchEvents,
  CREATE_PLAIN_TABLE,
  PLAIN_INSERT_COLUMNS,
  PLAIN_TABLE,
  plainRow,
  tuples12,
} from './lib/events.js';
import {
  type EngineName,
  enginesFlag,
  fmt,
  intFlag,
  machineInfo,
  median,
  nowMs,
  parseFlags,
  pct,
  printTable,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

interface Shape {
  label: string;
  perTx: number;
  txs: number;
  workers: number;
  engines: EngineName[];
}

interface Run {
  events: number;
  seconds: number;
  eventsPerSec: number;
}

const flags = parseFlags();
const engines = enginesFlag(flags);
const rounds = intFlag(flags, 'rounds', 3);
const scale = flags.quick ? 0.1 : 1;
const n = (x: number) => Math.max(1, Math.round(x * scale));

const SHAPES: Shape[] = [
  { label: '1 per tx', perTx: 1, txs: n(1_000), workers: 1, engines: ['pglite', 'postgres'] },
  { label: '100 per tx', perTx: 100, txs: n(100), workers: 1, engines: ['pglite', 'postgres'] },
  { label: '1,000 per tx', perTx: 1_000, txs: n(20), workers: 1, engines: ['pglite', 'postgres'] },
  { label: '1 per tx, 8 writers', perTx: 1, txs: n(250), workers: 8, engines: ['postgres'] },
];

let plainSeq = 0;
const insertSql = new Map<number, string>();
function plainInsertSql(rows: number): string {
  let sql = insertSql.get(rows);
  if (!sql) {
    sql = `INSERT INTO ${PLAIN_TABLE} ${PLAIN_INSERT_COLUMNS} VALUES ${tuples12(rows)}`;
    insertSql.set(rows, sql);
  }
  return sql;
}

let eventNo = 0;

async function chained(k: Kernel, s: Shape): Promise<Run> {
  const worker = async () => {
    for (let t = 0; t < s.txs; t++) {
      const events = benchEvents(eventNo, s.perTx);
      eventNo += s.perTx;
      await k.db.transaction((tx) => k.audit.append(tx, events, k.now()));
    }
  };
  const t0 = nowMs();
  await Promise.all(Array.from({ length: s.workers }, worker));
  const seconds = (nowMs() - t0) / 1000;
  const events = s.perTx * s.txs * s.workers;
  return { events, seconds, eventsPerSec: events / seconds };
}

async function bare(k: Kernel, s: Shape): Promise<Run> {
  const worker = async () => {
    for (let t = 0; t < s.txs; t++) {
      const events = benchEvents(eventNo, s.perTx);
      eventNo += s.perTx;
      const atIso = k.now().toISOString();
      const params: unknown[] = [];
      for (const e of events) {
        plainSeq += 1;
        params.push(...plainRow(plainSeq, e, atIso));
      }
      await k.db.transaction(async (tx) => {
        await tx.query(plainInsertSql(s.perTx), params);
      });
    }
  };
  const t0 = nowMs();
  await Promise.all(Array.from({ length: s.workers }, worker));
  const seconds = (nowMs() - t0) / 1000;
  const events = s.perTx * s.txs * s.workers;
  return { events, seconds, eventsPerSec: events / seconds };
}

interface ShapeResult {
  shape: string;
  perTx: number;
  workers: number;
  eventsPerRound: number;
  chainedEventsPerSec: number;
  bareEventsPerSec: number;
  chainedShareOfBare: number;
  overheadMicrosPerEvent: number;
  chainedTxPerSec: number;
  bareTxPerSec: number;
  rounds: { chained: Run; bare: Run }[];
}

const clusters = clusterProvider();
const machine = machineInfo();
warnIfBusy(machine);
const results: Record<string, { info: Record<string, string>; shapes: ShapeResult[] }> = {};
try {
  for (const engine of engines) {
    console.log(`\n[${engine}] opening kernel…`);
    const bk = await openBenchKernel(engine, clusters);
    try {
      const k = bk.kernel;
      await k.db.exec(CREATE_PLAIN_TABLE);
      // Warm-up: JIT, connection, caches, both tables.
      for (const s of SHAPES.filter((x) => x.engines.includes(engine) && x.workers === 1)) {
        const w = { ...s, txs: Math.max(1, Math.round(s.txs / 10)) };
        await chained(k, w);
        await bare(k, w);
      }
      const shapes: ShapeResult[] = [];
      for (const s of SHAPES.filter((x) => x.engines.includes(engine))) {
        const rs: { chained: Run; bare: Run }[] = [];
        for (let r = 0; r < rounds; r++) {
          // Alternate the order so drift (table growth, checkpoints) hits both sides alike.
          if (r % 2 === 0) {
            const c = await chained(k, s);
            rs.push({ chained: c, bare: await bare(k, s) });
          } else {
            const b = await bare(k, s);
            rs.push({ chained: await chained(k, s), bare: b });
          }
          const last = rs[rs.length - 1]!;
          console.log(
            `  ${s.label.padEnd(20)} round ${r + 1}: chained ${fmt(last.chained.eventsPerSec)} ev/s, bare ${fmt(last.bare.eventsPerSec)} ev/s`,
          );
        }
        const c = median(rs.map((x) => x.chained.eventsPerSec));
        const b = median(rs.map((x) => x.bare.eventsPerSec));
        shapes.push({
          shape: s.label,
          perTx: s.perTx,
          workers: s.workers,
          eventsPerRound: s.perTx * s.txs * s.workers,
          chainedEventsPerSec: c,
          bareEventsPerSec: b,
          chainedShareOfBare: c / b,
          overheadMicrosPerEvent: (1 / c - 1 / b) * 1e6,
          chainedTxPerSec: c / s.perTx,
          bareTxPerSec: b / s.perTx,
          rounds: rs,
        });
      }
      // Sanity: the chain we wrote must verify (not a timing assertion; a wrong benchmark is worse than none).
      const head = await k.db.query<{ seq: number }>('SELECT seq FROM audit_head WHERE id = 1');
      const count = await k.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
      if (head.rows[0]!.seq !== count.rows[0]!.n) throw new Error('audit head and row count disagree');
      results[engine] = { info: bk.info, shapes };
      printTable(
        `Audit append, ${engine} (${bk.info.version.split(' on ')[0]}, fsync=${bk.info.fsync}; median of ${rounds} rounds)`,
        [
          'shape',
          'events/round',
          'AuditLog.append ev/s',
          'bare INSERT ev/s',
          'chained/bare',
          'overhead µs/event',
          'chained tx/s',
        ],
        shapes.map((x) => [
          x.shape,
          fmt(x.eventsPerRound),
          fmt(x.chainedEventsPerSec),
          fmt(x.bareEventsPerSec),
          pct(x.chainedEventsPerSec, x.bareEventsPerSec),
          fmt(x.overheadMicrosPerEvent, 1),
          fmt(x.chainedTxPerSec),
        ]),
      );
    } finally {
      await bk.close();
    }
  }
} finally {
  await clusters.stop();
}
writeResult('audit-append', { benchmark: 'audit-append', machine, rounds, scale, results });
