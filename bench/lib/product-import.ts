/**
 * The product's person import as bench/import-persons.ts drives it: exactly what
 * `kieskluis import persons FILE --dataset ID` runs without a server (src/cli/commands/import.ts,
 * importInline), as the local operator:
 *
 *   uploadImportFile   the file streamed into the data directory, encrypted with a per-file key, hashed
 *   startImport        mapping resolved from the Dutch headers, the provenance gate on the dataset
 *   runImport          pass 1 checks the whole file; pass 2 imports chunks of 1,000 rows, each in one
 *                      transaction: validation, suppression check, dedupe by blind index, encrypted
 *                      persons and memberships, row results, audit events, checkpoint
 *
 * Set up beforehand (not timed): one branch per place of the generator (persons are assigned to them),
 * a MEMBER_ADMIN dataset with political data ("lid sinds" is membership, R-02), and a suppression list of
 * 1,000 unrelated entries plus the e-mail address of every 10,000th row of the file, which must not be
 * imported.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Kernel } from '../../src/app/kernel.js';
import type { Actor } from '../../src/domain/access/actor.js';
import { createDataset } from '../../src/usecases/imports/create-dataset.js';
import { type ImportProgress, runImport } from '../../src/usecases/imports/run-import.js';
import { startImport } from '../../src/usecases/imports/start-import.js';
import { uploadImportFile } from '../../src/usecases/imports/upload-import-file.js';
import { personRows } from './person-csv.js';
import { createBranches } from './person-seed.js';
import { nowMs } from './report.js';

const OPERATOR: Actor = { kind: 'operator' };
/** Every SUPPRESS_EVERY-th row of the file is on the suppression list. */
export const SUPPRESS_EVERY = 10_000;
const UNRELATED_SUPPRESSIONS = 1_000;

export interface PreparedImport {
  datasetId: string;
  /** Rows of the file that are suppressed and must not arrive. */
  suppressedInFile: number;
  notes: string[];
}

export const runProductImport = {
  async prepare(k: Kernel, rows: number): Promise<PreparedImport> {
    await createBranches(k);
    const ds = await createDataset(k, OPERATOR, {
      name: 'Ledenadministratie (benchmark)',
      origin: 'MEMBER_ADMIN',
      containsPolitical: true,
      description: 'Export uit de eigen ledenadministratie',
      noticeGiven: 'Privacyverklaring bij inschrijving als lid',
    });
    if (ds.status !== 'active') throw new Error(`dataset not active: ${ds.status} ${ds.reasons.join(',')}`);
    const now = k.now();
    let suppressedInFile = 0;
    await k.db.transaction(async (tx) => {
      for (let i = 0; i < UNRELATED_SUPPRESSIONS; i++) {
        await k.suppression.add(tx, { email: `verwijderd.${i}@vb.invalid` }, 'ERASURE_REQUEST', null, now);
      }
      let i = 0;
      for (const r of personRows(rows)) {
        if (i % SUPPRESS_EVERY === SUPPRESS_EVERY / 2) {
          await k.suppression.add(tx, { email: r.email }, 'OBJECTION_DM', null, now);
          suppressedInFile++;
        }
        i++;
      }
    });
    return {
      datasetId: ds.id,
      suppressedInFile,
      notes: [
        'upload (encrypted copy) + start (mapping, gate) + run (check pass, import pass in chunks of 1,000)',
        `suppression list: ${UNRELATED_SUPPRESSIONS} unrelated entries + ${suppressedInFile} rows of the file`,
      ],
    };
  },

  async run(k: Kernel, p: PreparedImport, file: string): Promise<Record<string, unknown>> {
    const t0 = nowMs();
    const up = await uploadImportFile(k, OPERATOR, p.datasetId, {
      fileName: path.basename(file),
      body: createReadStream(file),
    });
    const t1 = nowMs();
    await startImport(k, OPERATOR, up.job.id, { mappingName: null, inline: true });
    const t2 = nowMs();
    let importingAt: number | null = null;
    let nextLog = 100_000;
    const onProgress = (e: ImportProgress) => {
      if (e.phase === 'importing' && importingAt === null) importingAt = nowMs();
      if (e.counts.read >= nextLog) {
        nextLog += 100_000;
        const s = (nowMs() - t0) / 1000;
        console.log(
          `imported ${e.counts.read} rows in ${s.toFixed(1)} s (${Math.round(e.counts.read / s)} rows/s)`,
        );
      }
    };
    const job = await runImport(k, up.job.id, { onProgress });
    const t3 = nowMs();
    if (job?.status !== 'done') {
      throw new Error(`import ended ${job?.status}: ${job?.errorCode} ${JSON.stringify(job?.errorDetails)}`);
    }
    const checkEnd = importingAt ?? t2;
    return {
      status: job.status,
      counts: job.counts,
      totalRows: job.totalRows,
      suppressedInFile: p.suppressedInFile,
      phases: {
        uploadSeconds: (t1 - t0) / 1000,
        startSeconds: (t2 - t1) / 1000,
        checkSeconds: (checkEnd - t2) / 1000,
        importSeconds: (t3 - checkEnd) / 1000,
      },
    };
  },

  async countPersons(k: Kernel): Promise<number> {
    const { rows } = await k.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
    return rows[0]!.n;
  },
};
