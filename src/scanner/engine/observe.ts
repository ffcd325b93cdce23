/**
 * The scanner engine: visits each start URL and same-site pages found from it, like a normal visitor,
 * in up to three phases per page (initial; after accepting; after rejecting), each in a fresh Chromium
 * profile. Knows nothing of classification, reports or the database.
 *
 *   const { pages, chromiumVersion, problems } = await observePages(options);
 *
 * Budgets: `pageTimeoutMs` bounds one phase of one page visit (load, waiting for late trackers, banner,
 * collecting); `timeBudgetMs` bounds the whole scan — no new page starts when too little is left, and
 * the start URLs and links not reached are named in `problems`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BannerOutcome, PageObservation, Phase, ScanOptions } from '../types.js';
import { ProfileSource } from './browser.js';
import { type PhaseResult, runPhase } from './phase.js';
import { firstLine, problems as say } from './problems.js';
import { hostOf, sameSiteLinks } from './site.js';
import { left } from './time.js';

export interface Observation {
  pages: PageObservation[];
  chromiumVersion: string;
  problems: string[];
}

/** Below this much time left in the scan budget, no new page is started. */
const MIN_PAGE_MS = 2_500;

function slug(url: string): string {
  const s = url
    .replace(/^https?:\/\//, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s.slice(0, 60) || 'page';
}

function normalizeStart(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}

function bannerOutcome(results: PhaseResult[], phasesOn: boolean): BannerOutcome {
  const found = results.some((r) => r.banner.found);
  const notes = results.map((r) => {
    if (!r.ok) return `${r.phase}: pagina niet geladen / page not loaded`;
    if (!r.banner.found) return `${r.phase}: niet gevonden / not found`;
    const what = r.banner.clicked ? 'geklikt / clicked' : 'niet geklikt / not clicked';
    return `${r.phase}: ${r.banner.how} (${what})`;
  });
  if (!phasesOn) notes.push('fasen uit: niets aangeklikt / phases off: nothing clicked');
  return {
    found,
    note: notes.join('; '),
    acceptClicked: results.some((r) => r.phase === 'after_accept' && r.banner.clicked),
    rejectClicked: results.some((r) => r.phase === 'after_reject' && r.banner.clicked),
  };
}

class FatalScanError extends Error {}

async function observePage(
  source: ProfileSource,
  opts: ScanOptions,
  url: string,
  index: number,
  scanDeadline: number,
  moreAfter: boolean,
): Promise<PageObservation> {
  const phases: Phase[] = opts.phases ? ['initial', 'after_accept', 'after_reject'] : ['initial'];
  const startedAt = new Date();
  const t0 = Date.now();
  const results: PhaseResult[] = [];
  const pageProblems: string[] = [];
  for (const [i, phase] of phases.entries()) {
    if (left(scanDeadline) < 1_000) {
      pageProblems.push(say.budget([`${url} (${phase})`]));
      continue;
    }
    const shot = opts.screenshotDir
      ? path.join(opts.screenshotDir, `${String(index).padStart(3, '0')}-${slug(url)}-${phase}.png`)
      : null;
    try {
      const r = await runPhase(source, {
        url,
        phase,
        budgetMs: opts.pageTimeoutMs,
        scanDeadline,
        screenshotPath: shot,
        prelaunchNext: moreAfter || i < phases.length - 1,
        bannerSeen: results[0]?.banner.found,
      });
      results.push(r);
      // Nothing to choose on a page that did not load: skip the other phases.
      if (!r.ok) break;
    } catch (e) {
      if (source.version === null)
        throw new FatalScanError(say.chromium(e instanceof Error ? e.message : String(e)));
      pageProblems.push(
        `Waarneming mislukt / observation failed (${phase}): ${url} (${firstLine(e instanceof Error ? e.message : String(e))})`,
      );
    }
  }
  const first = results[0];
  const finalUrl = first?.finalUrl ?? url;
  const siteHost = hostOf(finalUrl) || hostOf(url);
  const screenshots: Partial<Record<Phase, string>> = {};
  for (const r of results) if (r.screenshot) screenshots[r.phase] = r.screenshot;
  const allProblems = [...new Set([...results.flatMap((r) => r.problems), ...pageProblems])];
  return {
    url,
    finalUrl,
    status: first?.status ?? null,
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - t0) / 10) / 100,
    phasesRun: results.map((r) => r.phase),
    banner: bannerOutcome(results, opts.phases),
    requests: results.flatMap((r) => r.requests),
    cookies: results.flatMap((r) => r.cookies),
    storage: results.flatMap((r) => r.storage),
    frames: results.flatMap((r) => r.frames),
    links: sameSiteLinks(
      results.flatMap((r) => r.links),
      siteHost,
    ),
    screenshots,
    problems: allProblems,
  };
}

export async function observePages(opts: ScanOptions): Promise<Observation> {
  const scanDeadline = Date.now() + opts.timeBudgetMs;
  const source = new ProfileSource(opts.chromiumPath, opts.browserArgs);
  const pages: PageObservation[] = [];
  const problems: string[] = [];
  const visited = new Set<string>();
  const notReached: string[] = [];
  const budget = Math.max(1, Math.floor(opts.crawl));
  try {
    if (opts.screenshotDir) await mkdir(opts.screenshotDir, { recursive: true });
    const starts = opts.urls.map((u) => ({ raw: u, url: normalizeStart(u) }));
    for (const [s, start] of starts.entries()) {
      if (!start.url) {
        problems.push(say.invalidUrl(start.raw));
        continue;
      }
      const queue: string[] = [start.url];
      let siteHost = hostOf(start.url);
      let done = 0;
      while (queue.length > 0 && done < budget) {
        const url = queue.shift() as string;
        if (visited.has(url)) continue;
        if (left(scanDeadline) < MIN_PAGE_MS) {
          notReached.push(url, ...starts.slice(s + 1).flatMap((x) => (x.url ? [x.url] : [])));
          break;
        }
        visited.add(url);
        const moreAfter = done + 1 < budget || s < starts.length - 1;
        const page = await observePage(source, opts, url, pages.length, scanDeadline, moreAfter);
        pages.push(page);
        done++;
        if (done === 1) siteHost = hostOf(page.finalUrl) || siteHost;
        for (const link of page.links) {
          if (
            !visited.has(link) &&
            !queue.includes(link) &&
            hostOf(link) &&
            sameSiteLinks([link], siteHost).length
          ) {
            queue.push(link);
          }
        }
      }
      if (left(scanDeadline) < MIN_PAGE_MS && notReached.length > 0) break;
    }
  } catch (e) {
    if (e instanceof FatalScanError) problems.push(e.message);
    else
      problems.push(
        `Scan afgebroken / scan aborted: ${firstLine(e instanceof Error ? e.message : String(e))}`,
      );
  } finally {
    await source.dispose();
  }
  if (notReached.length > 0) problems.push(say.budget([...new Set(notReached)]));
  return { pages, chromiumVersion: source.version ?? 'unknown', problems };
}
