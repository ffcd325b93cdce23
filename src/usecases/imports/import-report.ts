/**
 * The row report of an import as CSV (C3): one line per problem — row, column, rule, code, the decision
 * reason and the plain message — never a cell's value, streamed page by page. Reading it is audited.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError, type Locale } from '../../domain/codes.js';
import { REPORT_BOM, reportHeader, reportLine } from '../../domain/imports/report.js';
import { importResultsRepo } from '../../storage/import-results-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';
import { jobsRepo } from './import-files.js';

const PAGE = 5000;

export async function importReport(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  actor: Actor,
  jobId: string,
  locale: Locale,
): Promise<{ fileName: string; lines: AsyncGenerator<string> }> {
  const object = { objectType: 'import_job', objectId: jobId };
  const who = await importer(d, actor, 'import.report', object);
  const job = await jobsRepo(d).find(d.db, jobId);
  if (!job) throw new DomainError('NOT_FOUND');
  const now = d.now();
  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [{ type: 'import.report_read', actorType: who.actorType, actorId: who.actorId, ...object, data: {} }],
      now,
    ),
  );
  async function* lines(): AsyncGenerator<string> {
    yield REPORT_BOM + reportHeader(locale);
    let after: { row: number; ord: number } | null = null;
    for (;;) {
      const page = await importResultsRepo.page(d.db, jobId, after, PAGE);
      if (page.length === 0) return;
      yield page.map((r) => reportLine(r, locale)).join('');
      const last = page[page.length - 1]!;
      after = { row: last.row, ord: last.ord };
    }
  }
  return { fileName: `import-${jobId}-rapport.csv`, lines: lines() };
}
