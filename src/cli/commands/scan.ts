/**
 * `kieskluis scan URL...` — the tracker scanner on its own (C10, R-68): no server, no database, no
 * configuration. Prints a summary for people; writes the JSON, HTML and PDF reports when asked.
 *
 * Exit codes: 0 no trackers found; 3 trackers found (the reports are still written); 1 the scan failed or
 * no page could be loaded at all; 2 usage error (bad URL or option).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { trackerCodes } from '../../scanner/classify/classify.js';
import type { Classification, PageReport, ScanOptions, ScanReport } from '../../scanner/types.js';
import { CliError } from '../context.js';

export const EXIT_TRACKERS_FOUND = 3;

interface ScanCliOptions {
  crawl?: string;
  json?: string;
  pdf?: string;
  html?: string;
  phases: boolean;
  browserArg: string[];
  timeBudget?: string;
  pageTimeout?: string;
  screenshots?: string;
  chromium?: string;
}

function parseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new CliError(`Ongeldige URL / invalid URL: ${raw} (gebruik / use http:// of / or https://)`, 2);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new CliError(`Ongeldige URL / invalid URL: ${raw} (alleen / only http:// en / and https://)`, 2);
  }
  return u.href;
}

function positive(name: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new CliError(
      `${name}: ${integer ? 'een positief geheel getal / a positive integer' : 'een positief getal / a positive number'}, niet / not "${raw}"`,
      2,
    );
  }
  return n;
}

function counts(page: PageReport, phase: string): Record<Classification, number> {
  const c: Record<Classification, number> = { tracker: 0, unknown: 0, necessary: 0 };
  for (const f of page.findings) if (f.phase === phase) c[f.classification] += 1;
  return c;
}

/** The summary people read in a terminal, Dutch / English. */
export function describeScan(report: ScanReport, written: string[]): string {
  const lines: string[] = [];
  const seconds = Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 100) / 10;
  lines.push(`Trackerscan: ${report.summary.pages} pagina('s) / page(s), ${seconds} s`);
  if (report.summary.trackers === 0) {
    lines.push('Geen trackers gevonden / no trackers found.');
  } else {
    const v = report.summary.vendors;
    lines.push(`${v.length} tracker(s) gevonden / found: ${v.join(', ')}`);
    lines.push(`  ${trackerCodes(report.pages.flatMap((p) => p.findings)).join(' ')}`);
  }
  for (const page of report.pages) {
    const banner = page.banner.found ? 'banner gevonden / found' : 'geen banner / no banner';
    lines.push(`${page.url} (HTTP ${page.status ?? '—'}, ${page.seconds} s, ${banner})`);
    for (const phase of page.phasesRun) {
      const c = counts(page, phase);
      const vendors = [
        ...new Set(
          page.findings
            .filter((f) => f.phase === phase && f.classification === 'tracker')
            .map((f) => f.vendor ?? f.host ?? f.domain ?? f.origin),
        ),
      ];
      lines.push(
        `  ${`${phase}:`.padEnd(14)}${c.tracker} tracker, ${c.unknown} onbekend/unknown, ${c.necessary} noodzakelijk/necessary${vendors.length ? ` (${vendors.join(', ')})` : ''}`,
      );
    }
    for (const p of page.problems) lines.push(`  ! ${p}`);
  }
  if (report.problems.length) {
    lines.push('Niet gelukt / could not do:');
    for (const p of report.problems) lines.push(`  ! ${p}`);
  }
  if (written.length) lines.push(`Rapport / report: ${written.join(', ')}`);
  return lines.join('\n');
}

/** What the JSON file gets when screenshots were only taken for the HTML/PDF (temporary files). */
function withoutScreenshots(report: ScanReport): ScanReport {
  return {
    ...report,
    options: { ...report.options, screenshotDir: null },
    pages: report.pages.map((p) => ({ ...p, screenshots: {} })),
  };
}

export async function runScan(urls: string[], o: ScanCliOptions): Promise<number> {
  if (urls.length === 0) throw new CliError('Geef minstens één URL / give at least one URL', 2);
  const parsed = urls.map(parseUrl);
  const crawl = positive('--crawl', o.crawl, true);
  const timeBudget = positive('--time-budget', o.timeBudget, false);
  const pageTimeout = positive('--page-timeout', o.pageTimeout, false);
  const wantsHuman = Boolean(o.html || o.pdf);
  const tempShots = wantsHuman && !o.screenshots ? mkdtempSync(path.join(tmpdir(), 'kieskluis-scan-')) : null;
  const screenshotDir = o.screenshots ? path.resolve(o.screenshots) : tempShots;
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

  const { scan, defaultScanOptions } = await import('../../scanner/scan.js');
  const opts: ScanOptions = defaultScanOptions({
    urls: parsed,
    crawl,
    timeBudgetMs: timeBudget === undefined ? undefined : Math.round(timeBudget * 1000),
    pageTimeoutMs: pageTimeout === undefined ? undefined : Math.round(pageTimeout * 1000),
    phases: o.phases,
    browserArgs: o.browserArg,
    screenshotDir,
    chromiumPath: o.chromium,
  });
  try {
    const report = await scan(opts);
    const written: string[] = [];
    const toStdout = o.json === '-';
    if (o.json) {
      const json = `${JSON.stringify(tempShots ? withoutScreenshots(report) : report, null, 2)}\n`;
      if (toStdout) process.stdout.write(json);
      else {
        writeFileSync(o.json, json);
        written.push(o.json);
      }
    }
    if (o.html) {
      const { renderHtml } = await import('../../scanner/report/html.js');
      writeFileSync(o.html, renderHtml(report));
      written.push(o.html);
    }
    if (o.pdf) {
      const { renderPdf } = await import('../../scanner/report/pdf.js');
      await renderPdf(report, o.pdf, { chromiumPath: opts.chromiumPath });
      written.push(o.pdf);
    }
    const out = toStdout ? process.stderr : process.stdout;
    out.write(`${describeScan(report, written)}\n`);
    if (report.summary.trackers > 0) return EXIT_TRACKERS_FOUND;
    if (report.pages.length === 0 || report.pages.every((p) => p.status === null)) {
      process.stderr.write('Geen enkele pagina geladen / no page could be loaded.\n');
      return 1;
    }
    return 0;
  } finally {
    if (tempShots) rmSync(tempShots, { recursive: true, force: true });
  }
}

/** Adds `kieskluis scan` to the program. */
export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description(
      'scan websites op trackers, zonder server of database / scan websites for trackers, no server or database needed',
    )
    .argument('<url...>', 'adressen om te scannen / URLs to scan (http:// of / or https://)')
    .option(
      '--crawl <n>',
      "pagina's per adres, zelfde site / pages per URL, same site (standaard / default 1)",
    )
    .option(
      '--json <file>',
      'JSON-rapport naar bestand, of - voor stdout / JSON report to a file, or - for stdout',
    )
    .option('--html <file>', 'HTML-rapport / HTML report')
    .option('--pdf <file>', 'PDF-rapport / PDF report')
    .option('--no-phases', 'alleen laden, niet accepteren/weigeren / load only, no accept/reject phases')
    .option(
      '--browser-arg <arg>',
      'extra Chromium-argument, herhaalbaar / extra Chromium argument, repeatable',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--time-budget <seconds>', 'tijdsbudget van de hele scan / time budget of the whole scan (600)')
    .option('--page-timeout <seconds>', 'tijd per pagina / time per page (15)')
    .option('--screenshots <dir>', 'map voor schermafdrukken per fase / directory for screenshots per phase')
    .option('--chromium <path>', 'pad naar Chromium / path to Chromium (/usr/bin/chromium)')
    .addHelpText(
      'after',
      '\nExitcodes: 0 geen trackers / no trackers; 3 trackers gevonden / trackers found; 1 mislukt / failed; 2 gebruik / usage.',
    )
    // Commander's own usage errors (unknown option, missing URL) exit 2 like ours; help exits 0.
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action(async (urls: string[], o: ScanCliOptions) => {
      process.exitCode = await runScan(urls, o);
    });
}
