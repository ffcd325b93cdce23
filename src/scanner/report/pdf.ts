/**
 * The human report as PDF: the HTML report printed by Chromium (playwright-core, Debian's Chromium).
 * The page is offline: every request it would make is refused (the HTML has none; this is a guard).
 */
import { writeFileSync } from 'node:fs';
import type { ScanReport } from '../types.js';
import { renderHtml } from './html.js';

export interface PdfOptions {
  chromiumPath?: string;
  /** Extra Chromium arguments (the scan's `--browser-arg`s are not needed to print). */
  browserArgs?: string[];
}

const PRINT_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

/** Print the report to `file` (A4). Resolves once the file is written. */
export async function renderPdf(report: ScanReport, file: string, o: PdfOptions = {}): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: o.chromiumPath ?? '/usr/bin/chromium',
    args: [...PRINT_ARGS, ...(o.browserArgs ?? [])],
    headless: true,
  });
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.route(/^(?!data:)/, (route) => route.abort());
    await page.setContent(renderHtml(report), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '14mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:7pt;width:100%;text-align:center;color:#666">Kieskluis trackerscan · <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
    });
    writeFileSync(file, pdf);
  } finally {
    await browser.close();
  }
}
