/**
 * The bare limit of an import: the CSV copied by the database itself into a bare table with the same
 * columns as text (no keys, no indexes, no checks, no encryption, no audit), one transaction.
 *
 * - PostgreSQL: `psql -c "\copy … FROM 'file' …"` (COPY FROM STDIN in C; no copy-stream package is
 *   installed), timed around the psql process; its peak RSS from `/usr/bin/time -f %M`.
 * - PGlite: `COPY … FROM '/dev/blob'` with the file handed over as Blobs of about 16 MiB cut at line ends
 *   (PGlite's way of feeding COPY), all in one transaction, in this process.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { CSV_HEADER } from './person-csv.js';

export const BARE_TABLE = 'bench_bare_persons';

const COLUMNS = CSV_HEADER.map((h) => h.replace(/[^a-z]+/g, '_'));

export const CREATE_BARE_TABLE = `CREATE TABLE ${BARE_TABLE} (${COLUMNS.map((c) => `${c} text`).join(', ')})`;

const COPY_OPTIONS = `(FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'UTF8')`;

export interface CopyResult {
  seconds: number;
  rowsInTable: number;
  /** Peak RSS of the process that fed COPY (psql, or this process for PGlite), MiB. */
  clientPeakRssMiB: number | null;
}

export async function copyIntoPostgres(url: string, file: string): Promise<CopyResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(CREATE_BARE_TABLE);
  } finally {
    await c.end();
  }
  const psql = process.env.KK_PSQL ?? 'psql';
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const args = [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-d',
    url,
    '-c',
    `\\copy ${BARE_TABLE} FROM '${file.replaceAll("'", "''")}' WITH ${COPY_OPTIONS}`,
  ];
  const t0 = performance.now();
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    const child = timeBin
      ? spawn(timeBin, ['-f', 'KK_MAXRSS_KIB=%M', psql, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(psql, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stderr: err }));
  });
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`psql \\copy failed (${code}): ${stderr}`);
  const m = /KK_MAXRSS_KIB=(\d+)/.exec(stderr);
  const c2 = new pg.Client({ connectionString: url });
  await c2.connect();
  try {
    const { rows } = await c2.query<{ n: string }>(`SELECT count(*) AS n FROM ${BARE_TABLE}`);
    return {
      seconds,
      rowsInTable: Number(rows[0]!.n),
      clientPeakRssMiB: m ? Math.round(Number(m[1]) / 1024) : null,
    };
  } finally {
    await c2.end();
  }
}

/** Yields the file in pieces of about `size` bytes that end at a line end. */
async function* lineChunks(file: string, size: number): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    pending.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes + carry.length < size) continue;
    const all = Buffer.concat([carry, ...pending]);
    pending.length = 0;
    pendingBytes = 0;
    const cut = all.lastIndexOf(0x0a) + 1;
    carry = all.subarray(cut);
    if (cut > 0) yield all.subarray(0, cut);
  }
  const rest = Buffer.concat([carry, ...pending]);
  if (rest.length > 0) yield rest;
}

/** COPY into a fresh PGlite database in `dataDir` (this process); returns when committed and closed. */
export async function copyIntoPglite(
  dataDir: string,
  file: string,
): Promise<CopyResult & { version: string }> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  try {
    const version = String((await db.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v);
    await db.exec(CREATE_BARE_TABLE);
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      let first = true;
      for await (const chunk of lineChunks(file, 16 << 20)) {
        const options = first ? COPY_OPTIONS : COPY_OPTIONS.replace('HEADER true', 'HEADER false');
        first = false;
        await tx.query(`COPY ${BARE_TABLE} FROM '/dev/blob' WITH ${options}`, [], {
          blob: new Blob([chunk as Uint8Array<ArrayBuffer>]),
        });
      }
    });
    const seconds = (performance.now() - t0) / 1000;
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${BARE_TABLE}`);
    return { seconds, rowsInTable: rows[0]!.n, clientPeakRssMiB: null, version };
  } finally {
    await db.close();
  }
}
