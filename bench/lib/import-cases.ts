/**
 * One case of bench/import-persons.ts, run in its own process: the bare COPY, the product's import, or
 * the parse-and-encrypt reference. Returns the figures the orchestrator prints.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { normalizeEmail, normalizePhone } from '../../src/storage/crypto/keyring.js';
import type { CaseResult, ImportCase } from '../import-persons.js';
import { clusterProvider, openBenchKernel } from './engines.js';
import { describePostgres } from './pg-cluster.js';
import { runProductImport } from './product-import.js';
import { copyIntoPglite, copyIntoPostgres } from './raw-copy.js';
import { type EngineName, memorySampler, nowMs } from './report.js';

const MiB = (bytes: number) => Math.round(bytes / 2 ** 20);

function finish(
  partial: Omit<CaseResult, 'rowsPerSec' | 'maxRssMiB' | 'peakRssMiB' | 'peakHeapMiB'>,
  peak: { peakRssMiB: number; peakHeapMiB: number },
): CaseResult {
  return {
    ...partial,
    rowsPerSec: partial.rows / partial.seconds,
    peakRssMiB: peak.peakRssMiB,
    peakHeapMiB: peak.peakHeapMiB,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function copyCase(engine: EngineName, file: string, rows: number): Promise<CaseResult> {
  const rssBeforeMiB = MiB(process.memoryUsage().rss);
  if (engine === 'postgres') {
    const clusters = clusterProvider();
    const db = await (await clusters.get()).createDatabase('kk_bench_copy');
    try {
      const mem = memorySampler();
      const r = await copyIntoPostgres(db.url, file);
      return finish(
        {
          case: 'copy',
          engine,
          engineInfo: await describePostgres(db.url),
          rows,
          seconds: r.seconds,
          rowsInDatabase: r.rowsInTable,
          rssBeforeMiB,
          clientPeakRssMiB: r.clientPeakRssMiB,
          notes: ['psql \\copy (COPY FROM STDIN), one transaction; peak RSS of psql in clientPeakRssMiB'],
        },
        mem.stop(),
      );
    } finally {
      await db.drop();
      await clusters.stop();
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-bench-copy-'));
  try {
    const mem = memorySampler();
    const r = await copyIntoPglite(dir, file);
    return finish(
      {
        case: 'copy',
        engine,
        engineInfo: { version: r.version },
        rows,
        seconds: r.seconds,
        rowsInDatabase: r.rowsInTable,
        rssBeforeMiB,
        notes: ["COPY … FROM '/dev/blob', 16 MiB blobs cut at line ends, one transaction"],
      },
      mem.stop(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reference without a database: csv-parse the file and encrypt every non-empty field with the Keyring,
 * plus the e-mail and phone blind indexes: what an import that encrypts every field pays on one core.
 */
async function cryptoCase(file: string, rows: number): Promise<CaseResult> {
  const clusters = clusterProvider();
  const bk = await openBenchKernel('pglite', clusters);
  try {
    const k = bk.kernel.keyring;
    const rssBeforeMiB = MiB(process.memoryUsage().rss);
    const mem = memorySampler();
    const t0 = nowMs();
    let n = 0;
    let sink = 0;
    const parser = createReadStream(file).pipe(
      parse({ delimiter: ';', columns: true, bom: true, skip_empty_lines: true }),
    );
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      for (const [col, v] of Object.entries(rec)) if (v) sink += k.encrypt(v, `persons.${col}`).length;
      if (rec['e-mail']) sink += k.blindIndex('email', normalizeEmail(rec['e-mail'])).length;
      if (rec.telefoon) sink += k.blindIndex('phone', normalizePhone(rec.telefoon)).length;
      n++;
    }
    const seconds = (nowMs() - t0) / 1000;
    if (n !== rows) throw new Error(`parsed ${n} rows, expected ${rows}`);
    return finish(
      {
        case: 'crypto',
        engine: 'none',
        rows,
        seconds,
        rowsInDatabase: null,
        rssBeforeMiB,
        notes: [`csv-parse + Keyring.encrypt of every non-empty field + 2 blind indexes (${sink} bytes out)`],
      },
      mem.stop(),
    );
  } finally {
    await bk.close();
    await clusters.stop();
  }
}

async function kieskluisCase(engine: EngineName, file: string, rows: number): Promise<CaseResult> {
  const clusters = clusterProvider();
  const bk = await openBenchKernel(engine, clusters);
  try {
    const prepared = await runProductImport.prepare(bk.kernel, rows);
    const rssBeforeMiB = MiB(process.memoryUsage().rss);
    const mem = memorySampler();
    const t0 = nowMs();
    const report = await runProductImport.run(bk.kernel, prepared, file);
    const seconds = (nowMs() - t0) / 1000;
    const peak = mem.stop();
    const rowsInDatabase = await runProductImport.countPersons(bk.kernel);
    const memberships = (
      await bk.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM memberships')
    ).rows[0]!.n;
    return finish(
      {
        case: 'kieskluis',
        engine,
        engineInfo: bk.info,
        rows,
        seconds,
        rowsInDatabase,
        rssBeforeMiB,
        report: { ...report, memberships },
        notes: prepared.notes,
      },
      peak,
    );
  } finally {
    await bk.close();
    await clusters.stop();
  }
}

export async function runCase(c: ImportCase, engine: EngineName, file: string, rows: number) {
  switch (c) {
    case 'copy':
      return copyCase(engine, file, rows);
    case 'crypto':
      return cryptoCase(file, rows);
    case 'kieskluis':
      return kieskluisCase(engine, file, rows);
  }
}
