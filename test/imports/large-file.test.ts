/**
 * A large import streams (C3): 200,000 generated rows — never written to the repository — go from the
 * upload through both passes into the register in chunks, with the process's heap staying far below the
 * file's size. No timing assertions: the benchmark (bench/import-persons.ts) measures speed.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/actor.js';
import { createDataset } from '../../src/usecases/imports/create-dataset.js';
import { runImport } from '../../src/usecases/imports/run-import.js';
import { startImport } from '../../src/usecases/imports/start-import.js';
import { uploadImportFile } from '../../src/usecases/imports/upload-import-file.js';
import { engines, testKernel } from '../support/engines.js';
import { HEADER, letters } from './support.js';

const ROWS = 200_000;
const OPERATOR: Actor = { kind: 'operator' };

async function writeBigCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER.join(';')}\n`);
  for (let i = 0; i < rows; i++) {
    const line = `Aletta;;Jacobs-${letters(i)};aletta.${i}@groot.invalid;;3512 AB;${(i % 300) + 1};Utrecht;09-02-1954\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe.each(engines())('a large import on %s', (engine) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-big-'));
  const file = path.join(dir, 'groot.csv');
  beforeAll(async () => {
    await writeBigCsv(file, ROWS);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${ROWS.toLocaleString('en')} rows stream through in bounded memory`, { timeout: 900_000 }, async () => {
    const t = await testKernel(engine);
    try {
      const k = t.kernel;
      const ds = await createDataset(k, OPERATOR, {
        name: 'Groot bestand',
        origin: 'OWN_FORMS',
        containsPolitical: false,
      });
      const up = await uploadImportFile(k, OPERATOR, ds.id, {
        fileName: 'groot.csv',
        body: createReadStream(file),
      });
      expect(up.job.sizeBytes).toBe(statSync(file).size);
      await startImport(k, OPERATOR, up.job.id, { inline: true });
      let peakHeap = 0;
      let updates = 0;
      const job = await runImport(k, up.job.id, {
        onProgress: () => {
          updates++;
          peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        },
      });
      expect(job?.status).toBe('done');
      expect(job?.counts).toEqual({ read: ROWS, inserted: ROWS, duplicates: 0, suppressed: 0, rejected: 0 });
      expect(job?.totalRows).toBe(ROWS);
      const { rows } = await k.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM persons WHERE collected_by = $1',
        [`import:${up.job.id}`],
      );
      expect(rows[0]!.n).toBe(ROWS);
      // One progress report per chunk of 1,000 rows (plus the check and the end).
      expect(updates).toBeGreaterThanOrEqual(ROWS / 1000);
      // Bounded memory: the heap never came near holding the rows (the file alone is ~20 MB of text,
      // the rows as JavaScript objects several times that).
      expect(peakHeap).toBeLessThan(400 * 1024 * 1024);
    } finally {
      await t.close();
    }
  });
});
