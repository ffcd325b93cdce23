/**
 * One phase of one page visit in a fresh profile: load, wait for late trackers (network quiet, scroll,
 * a key press, quiet again), optionally find the consent banner and click accept or reject, then collect.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ObservedCookie, ObservedFrame, ObservedRequest, ObservedStorage, Phase } from '../types.js';
import { type BannerAction, clickMarked, searchBanner, waitForBanner } from './banner.js';
import type { ProfileSource } from './browser.js';
import { readCookies, readFrames, readLinks } from './collect.js';
import { navigationProblem, problems } from './problems.js';
import { PhaseRecorder } from './recorder.js';
import { hostOf } from './site.js';
import { left, settleWithin, sleep } from './time.js';

/** Waiting for late trackers, in ms. Tuned so a plain page visit stays near one second of dwell. */
export const DWELL = {
  /** Network quiet long enough to call a stage settled. */
  quietMs: 300,
  /** First settle after load: at most this long. */
  firstSettleMaxMs: 1_500,
  /** Minimum time on the page after load (timers that fire a moment after load). */
  minDwellMs: 1_000,
  /** Extra waiting after scroll and key press: at most this long. */
  afterInteractMaxMs: 2_000,
  /** How long to look for a consent banner; shorter when the initial visit saw none. */
  bannerWaitMs: 3_000,
  bannerWaitUnseenMs: 1_000,
  /** Time kept back at the end of a phase for collecting. */
  collectReserveMs: 1_500,
};

export interface PhaseResult {
  phase: Phase;
  ok: boolean;
  finalUrl: string;
  status: number | null;
  requests: ObservedRequest[];
  cookies: ObservedCookie[];
  storage: ObservedStorage[];
  frames: ObservedFrame[];
  links: string[];
  banner: { found: boolean; how: string; clicked: boolean };
  screenshot: string | null;
  problems: string[];
}

export interface PhaseInput {
  url: string;
  phase: Phase;
  /** Budget for this phase, counted from the moment its browser is ready (`pageTimeoutMs`). */
  budgetMs: number;
  /** Epoch ms by which the whole scan must be finished. */
  scanDeadline: number;
  screenshotPath: string | null;
  prelaunchNext: boolean;
  /** False when the initial phase saw no banner: look only briefly. */
  bannerSeen?: boolean;
}

async function settle(page: Page, rec: PhaseRecorder, until: number, minUntil: number): Promise<void> {
  while (Date.now() < until && !page.isClosed()) {
    const now = Date.now();
    if (now >= minUntil && rec.inflight() === 0 && now - rec.lastActivity >= DWELL.quietMs) return;
    await sleep(Math.min(100, left(until)));
  }
}

/** What a visitor does that lazy trackers wait for: move, scroll to the bottom, press keys. */
async function interact(page: Page, deadline: number): Promise<void> {
  const ms = () => Math.min(1_000, left(deadline));
  await settleWithin(page.mouse.move(300, 300), ms(), undefined);
  await settleWithin(page.mouse.wheel(0, 800), ms(), undefined);
  await settleWithin(
    page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)),
    ms(),
    undefined,
  );
  await settleWithin(page.keyboard.press('Tab'), ms(), undefined);
  await settleWithin(page.keyboard.press('End'), ms(), undefined);
}

export async function runPhase(source: ProfileSource, input: PhaseInput): Promise<PhaseResult> {
  const { url, phase } = input;
  const result: PhaseResult = {
    phase,
    ok: false,
    finalUrl: url,
    status: null,
    requests: [],
    cookies: [],
    storage: [],
    frames: [],
    links: [],
    banner: { found: false, how: '', clicked: false },
    screenshot: null,
    problems: [],
  };
  const profile = await source.acquire(Math.max(1_000, left(input.scanDeadline)), input.prelaunchNext);
  const deadline = Math.min(Date.now() + input.budgetMs, input.scanDeadline);
  const rec = new PhaseRecorder(phase);
  const work = deadline - DWELL.collectReserveMs;
  try {
    const { context } = profile;
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(5_000);
    await rec.attach(context, page);

    const navMs = Math.max(500, left(work));
    try {
      const response = await page.goto(url, { waitUntil: 'commit', timeout: navMs });
      result.status = response?.status() ?? null;
      result.ok = true;
    } catch (e) {
      result.problems.push(navigationProblem(url, e, navMs));
    }
    if (result.ok) {
      const loadMs = Math.max(0, left(work) - DWELL.minDwellMs);
      const loaded = await settleWithin(
        page.waitForLoadState('load', { timeout: Math.max(1, loadMs) }).then(() => true),
        loadMs + 200,
        false,
      );
      if (!loaded) result.problems.push(problems.notLoaded(url, loadMs));
      const loadedAt = Date.now();
      await settle(page, rec, Math.min(work, loadedAt + DWELL.firstSettleMaxMs), loadedAt);
      let dwellFrom = loadedAt;

      if (phase === 'initial') {
        const seen = await searchBanner(page, 'accept', Math.min(1_000, left(work)));
        if (seen) result.banner = { found: true, how: seen.how, clicked: false };
      } else {
        const action: BannerAction = phase === 'after_accept' ? 'accept' : 'reject';
        const found = await waitForBanner(
          page,
          action,
          Math.min(
            work,
            Date.now() + (input.bannerSeen === false ? DWELL.bannerWaitUnseenMs : DWELL.bannerWaitMs),
          ),
        );
        if (!found) {
          result.problems.push(problems.bannerMissing(url, phase));
        } else if (found.action !== action) {
          result.banner = { found: true, how: found.how, clicked: false };
          result.problems.push(problems.bannerButtonMissing(url, phase, action));
        } else {
          const clicked = await clickMarked(found, Math.min(3_000, left(work)));
          // Trackers that start on consent get the same minimum dwell as those that start on load.
          if (clicked) dwellFrom = Date.now();
          result.banner = { found: true, how: found.how, clicked };
          if (!clicked) result.problems.push(problems.bannerClickFailed(url, found.how));
          // A choice may reload the page.
          await sleep(Math.min(150, left(work)));
          await settleWithin(page.waitForLoadState('load'), Math.min(3_000, left(work)), undefined);
          await settle(page, rec, Math.min(work, Date.now() + DWELL.firstSettleMaxMs), 0);
        }
      }

      await interact(page, work);
      await settle(
        page,
        rec,
        Math.min(work, Date.now() + DWELL.afterInteractMaxMs),
        dwellFrom + DWELL.minDwellMs,
      );
      if (Date.now() >= work && loaded) result.problems.push(problems.phaseCut(url, phase));

      if (input.screenshotPath && !page.isClosed()) {
        const shot = await settleWithin(
          page.screenshot({
            path: input.screenshotPath,
            timeout: Math.max(1, Math.min(3_000, left(deadline) - 500)),
          }),
          Math.min(3_500, left(deadline)),
          null,
        );
        if (shot) result.screenshot = path.resolve(input.screenshotPath);
        else result.problems.push(problems.screenshot(url, phase));
      }
    }

    // Collect within what is left (at least a little, so a slow page still yields its evidence).
    const collectMs = Math.max(400, Math.min(1_500, left(deadline)));
    if (result.ok && !page.isClosed()) result.finalUrl = page.url();
    const pageHost = hostOf(result.finalUrl) || hostOf(url);
    const [frameData, links] = await Promise.all([
      readFrames(page, phase, collectMs),
      result.ok ? readLinks(page, collectMs) : Promise.resolve([]),
    ]);
    await rec.drain(Math.min(collectMs, 1_000));
    result.links = links;
    result.storage = frameData.storage;
    const read = await readCookies(
      context,
      phase,
      pageHost,
      rec.setCookies,
      frameData.scriptWrites,
      collectMs,
    );
    result.cookies = read.cookies;
    result.requests = rec.requests(pageHost).map((r) => ({
      ...r,
      url: read.redact(r.url),
      initiator: r.initiator === null ? null : read.redact(r.initiator),
      frameUrl: read.redact(r.frameUrl),
    }));
    result.frames = rec.frames(
      pageHost,
      page.isClosed()
        ? []
        : page
            .frames()
            .filter((f) => f !== page.mainFrame())
            .map((f) => f.url()),
    );
    if (result.status !== null && result.status >= 400)
      result.problems.push(problems.httpStatus(url, result.status));
  } finally {
    source.release(profile);
  }
  return result;
}
