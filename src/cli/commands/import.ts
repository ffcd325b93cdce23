/**
 * `kieskluis dataset create|list` and `kieskluis import persons FILE --dataset ID [--mapping NAME]`.
 *
 * With a server holding the embedded database, the CLI goes through its API (upload streamed, then the
 * job queue runs the import and the CLI polls its progress); otherwise it opens the database and runs
 * the import inline. Either way a progress bar goes to stderr (rows, %, rows/s) and the counts to stdout.
 * Running the same command again after a crash continues the unfinished import after its checkpoint.
 * Exit codes: 0 done; 1 failed, refused or cancelled; 2 usage.
 */
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import type { Config } from '../../config/config.js';
import type { Actor } from '../../domain/access/actor.js';
import { DATASET_ORIGINS, LAWFUL_BASES } from '../../domain/imports/origins.js';
import type { DatasetRecord } from '../../storage/datasets-repo.js';
import type { ImportCounts, ImportJobRecord } from '../../storage/import-jobs-repo.js';
import { createDataset } from '../../usecases/imports/create-dataset.js';
import type { QuestionnaireInput } from '../../usecases/imports/dataset-input.js';
import { importReport } from '../../usecases/imports/import-report.js';
import { listDatasets } from '../../usecases/imports/list-datasets.js';
import { type ImportProgress, runImport } from '../../usecases/imports/run-import.js';
import { startImport } from '../../usecases/imports/start-import.js';
import { uploadImportFile } from '../../usecases/imports/upload-import-file.js';
import { CliError, OPERATOR_FILE, runningServer, withKernel } from '../context.js';
import { print } from '../output.js';

const OPERATOR: Actor = { kind: 'operator' };
const FINAL = new Set(['done', 'failed', 'cancelled', 'refused']);

/** The progress line on stderr: a bar on a terminal, a line per second otherwise (logs, tests). */
export class ProgressBar {
  private readonly started = Date.now();
  private lastLine = 0;
  private printed = false;
  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(total: number | null, counts: ImportCounts, phase: string, final = false): void {
    const now = Date.now();
    if (!final && this.printed && now - this.lastLine < (this.out.isTTY ? 200 : 1000)) return;
    this.lastLine = now;
    this.printed = true;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(counts.read / seconds);
    const pct = total ? Math.min(100, Math.floor((counts.read / total) * 100)) : phase === 'done' ? 100 : 0;
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const text =
      phase === 'checking'
        ? 'bestand controleren / checking file…'
        : `${bar} ${String(pct).padStart(3)}% ${counts.read}/${total ?? '?'} rijen/rows, ${rate} rijen/s (rows/s) · ` +
          `nieuw/new ${counts.inserted} · dubbel/duplicate ${counts.duplicates} · ` +
          `geblokkeerd/suppressed ${counts.suppressed} · afgekeurd/rejected ${counts.rejected}`;
    this.out.write(this.out.isTTY ? `\r${text}${final ? '\n' : ''}` : `${text}\n`);
  }
}

function describeJob(
  job: Pick<ImportJobRecord, 'id' | 'status' | 'counts' | 'errorCode' | 'errorDetails'>,
): string {
  const c = job.counts;
  const lines = [
    `Import ${job.id}: ${job.status}`,
    `  gelezen/read ${c.read} · nieuw/inserted ${c.inserted} · dubbel/duplicates ${c.duplicates} · ` +
      `geblokkeerd/suppressed ${c.suppressed} · afgekeurd/rejected ${c.rejected}`,
  ];
  if (job.errorCode) lines.push(`  ${job.errorCode} ${JSON.stringify(job.errorDetails ?? {})}`);
  return lines.join('\n');
}

interface ImportOptions {
  dataset: string;
  mapping?: string;
  report?: string;
  json?: boolean;
  progress: boolean;
}

type JobJson = Pick<ImportJobRecord, 'id' | 'status' | 'counts' | 'errorCode' | 'errorDetails'> & {
  totalRows: number | null;
};

/** Through a running server: stream the upload, start (unless resuming), poll the progress. */
async function importThroughServer(cfg: Config, file: string, o: ImportOptions, bar: ProgressBar | null) {
  const server = runningServer(cfg)!;
  const secret = readFileSync(path.join(cfg.dataDir, OPERATOR_FILE), 'utf8').trim();
  const call = async <T>(method: string, apiPath: string, body?: unknown, raw?: Readable): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        ...(raw
          ? { 'content-type': 'application/octet-stream', 'content-length': String(statSync(file).size) }
          : body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
      },
      body: raw
        ? (Readable.toWeb(raw) as ReadableStream)
        : body !== undefined
          ? JSON.stringify(body)
          : undefined,
      ...(raw ? { duplex: 'half' } : {}),
    } as RequestInit);
    if (apiPath.endsWith('report.csv') && res.ok) return res as unknown as T;
    const json = (await res.json().catch(() => ({}))) as T & {
      code?: string;
      message?: string;
      details?: unknown;
    };
    if (!res.ok) {
      throw new CliError(
        `${json.code ?? res.status}: ${json.message ?? res.statusText} ${JSON.stringify(json.details ?? {})}`,
      );
    }
    return json;
  };
  const up = await call<{ job: JobJson; resumed: boolean }>(
    'POST',
    `/datasets/${encodeURIComponent(o.dataset)}/imports?fileName=${encodeURIComponent(path.basename(file))}`,
    undefined,
    createReadStream(file),
  );
  let job = up.job;
  if (!(up.resumed && (job.status === 'queued' || job.status === 'running'))) {
    job = await call<JobJson>(
      'POST',
      `/imports/${job.id}/start`,
      o.mapping ? { mappingName: o.mapping } : {},
    );
  }
  while (!FINAL.has(job.status)) {
    await new Promise((r) => setTimeout(r, 500));
    job = await call<JobJson>('GET', `/imports/${job.id}`);
    bar?.update(job.totalRows, job.counts, job.totalRows === null ? 'checking' : 'importing');
  }
  bar?.update(job.totalRows, job.counts, 'done', true);
  if (o.report) {
    const res = await call<Response>('GET', `/imports/${job.id}/report.csv`);
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(o.report));
  }
  return job;
}

/** Directly on the database: upload, start inline (unless resuming), run with the progress bar. */
async function importInline(cfg: Config, file: string, o: ImportOptions, bar: ProgressBar | null) {
  return withKernel(cfg, 'cli: import persons', async (k) => {
    const up = await uploadImportFile(k, OPERATOR, o.dataset, {
      fileName: path.basename(file),
      body: createReadStream(file),
    });
    if (!(up.resumed && (up.job.status === 'queued' || up.job.status === 'running'))) {
      await startImport(k, OPERATOR, up.job.id, { mappingName: o.mapping ?? null, inline: true });
    }
    const onProgress = (p: ImportProgress) => bar?.update(p.total, p.counts, p.phase, p.phase === 'done');
    const job = (await runImport(k, up.job.id, { onProgress }))!;
    if (o.report) {
      const r = await importReport(k, OPERATOR, job.id, 'nl');
      await pipeline(Readable.from(r.lines), createWriteStream(o.report));
    }
    return { ...job, totalRows: job.totalRows };
  });
}

function questionnaireFrom(o: Record<string, unknown>): QuestionnaireInput {
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
  return {
    name: String(o.name),
    origin: o.origin as QuestionnaireInput['origin'],
    containsPolitical: Boolean(o.containsPolitical),
    enriched: Boolean(o.enriched),
    description: s('description'),
    noticeGiven: s('noticeGiven'),
    collectedFrom: s('collectedFrom'),
    collectedUntil: s('collectedUntil'),
    lawfulBasis: (s('lawfulBasis') as QuestionnaireInput['lawfulBasis']) ?? null,
    supplier: s('supplier'),
    collectionMethod: s('collectionMethod'),
    consentText: s('consentText'),
    consentNamesParty: o.consentNamesParty === undefined ? null : Boolean(o.consentNamesParty),
    documentReference: s('documentReference'),
  };
}

function describeDataset(
  d: Pick<DatasetRecord, 'id' | 'status' | 'reasons' | 'obligations'> & { name?: string },
) {
  return (
    `Dataset ${d.id}: ${d.status}` +
    (d.reasons.length ? `\n  redenen/reasons: ${d.reasons.join(', ')}` : '') +
    (d.obligations.length ? `\n  plichten/obligations: ${d.obligations.join(', ')}` : '')
  );
}

/** Adds `kieskluis dataset …` and `kieskluis import persons …` to the program. */
export function registerImportCommands(program: Command, config: () => Config): void {
  const dataset = program.command('dataset').description('datasets met herkomst / datasets with provenance');
  dataset
    .command('create')
    .description('leg een dataset vast met de herkomstvragenlijst / record a dataset with its provenance')
    .requiredOption('--name <name>', 'naam / name')
    .addOption(
      new Option('--origin <origin>', 'herkomst / origin')
        .choices([...DATASET_ORIGINS])
        .makeOptionMandatory(),
    )
    .option('--contains-political', 'bevat politieke gegevens / contains political data')
    .option('--enriched', 'verrijkt door een leverancier / enriched by a vendor')
    .option('--description <text>', 'omschrijving')
    .option('--notice-given <text>', 'hoe zijn de mensen geïnformeerd / how people were informed')
    .option('--collected-from <date>', 'verzameld vanaf (JJJJ-MM-DD)')
    .option('--collected-until <date>', 'verzameld tot (JJJJ-MM-DD)')
    .addOption(new Option('--lawful-basis <basis>', 'grondslag (art. 6)').choices([...LAWFUL_BASES]))
    .option('--supplier <name>', 'leverancier / supplier')
    .option('--collection-method <text>', 'verzamelwijze / collection method')
    .option('--consent-text <text>', 'toestemmingstekst / consent text')
    .option('--consent-names-party', 'de toestemming noemt onze partij / the consent names our party')
    .option('--document-reference <ref>', 'documentatie van de leverancier / supplier documentation')
    .option('--json', 'JSON-uitvoer')
    .action(async (o: Record<string, unknown>) => {
      const cfg = config();
      const body = questionnaireFrom(o);
      const server = runningServer(cfg);
      const r = server
        ? await server.call<DatasetRecord & { name: string }>('POST', '/datasets', body)
        : await withKernel(cfg, 'cli: dataset create', (k) => createDataset(k, OPERATOR, body));
      print(Boolean(o.json), r, () => describeDataset(r));
    });
  dataset
    .command('list')
    .description('datasets met hun status / datasets with their status')
    .option('--json', 'JSON-uitvoer')
    .action(async (o: { json?: boolean }) => {
      const cfg = config();
      const server = runningServer(cfg);
      const items = server
        ? (await server.call<{ items: (DatasetRecord & { name: string })[] }>('GET', '/datasets')).items
        : (await withKernel(cfg, 'cli: dataset list', (k) => listDatasets(k, OPERATOR))).map((d) => ({
            ...d,
            name: d.questionnaire.name,
          }));
      print(Boolean(o.json), { items }, () =>
        items.length
          ? items.map((d) => `${describeDataset(d)}  (${d.name})`).join('\n')
          : 'Geen datasets / no datasets.',
      );
    });

  const imp = program.command('import').description('importeren / import');
  imp
    .command('persons <file>')
    .description('importeer personen uit CSV of XLSX / import persons from CSV or XLSX')
    .requiredOption('--dataset <id>', 'de dataset (herkomst) / the dataset (provenance)')
    .option('--mapping <name>', 'een opgeslagen kolomkoppeling / a saved column mapping')
    .option('--report <file>', 'schrijf het rijenrapport (CSV) / write the row report (CSV)')
    .option('--no-progress', 'geen voortgangsbalk / no progress bar')
    .option('--json', 'JSON-uitvoer')
    .action(async (file: string, o: ImportOptions) => {
      try {
        statSync(file);
      } catch {
        throw new CliError(`Bestand niet gevonden / file not found: ${file}`, 2);
      }
      const cfg = config();
      const bar = o.progress ? new ProgressBar() : null;
      const job = runningServer(cfg)
        ? await importThroughServer(cfg, file, o, bar)
        : await importInline(cfg, file, o, bar);
      print(Boolean(o.json), job, () => describeJob(job));
      if (job.status !== 'done') process.exitCode = 1;
    });
}
