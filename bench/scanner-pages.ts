/**
 * Scanner engine speed and memory on the loopback fixture sites (test/scanner/support/fixture-server.ts):
 *
 *   - plain scan (phases off): median seconds per page (`PageObservation.seconds`) and wall time per page
 *   - three-phase scan (initial, after_accept, after_reject): the same
 *   - a 50-page crawl (phases off) of generated linked pages: peak RSS of Node plus the scan's Chromium
 *     processes (PSS, sampled every 100 ms from /proc/<pid>/smaps_rollup)
 *
 *   npx tsx bench/scanner-pages.ts [--rounds=3]
 *
 * Aim (issue 7): at most 1.5 s per page for a plain scan. Writes bench/out/scanner-pages.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { observePages } from '../src/scanner/engine/observe.js';
import type { ScanOptions } from '../src/scanner/types.js';
import { startFixtureServer } from '../test/scanner/support/fixture-server.js';

const rounds = Number(
  /^--rounds=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--rounds=')) ?? '')?.[1] ?? 3,
);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Proportional set size: shared pages split between the processes sharing them (RSS would count them many times). */
function rssOf(pid: string): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS of this process plus PSS of every Chromium process running on a scanner profile. */
function sampleRss(): { node: number; chromium: number } {
  let chromium = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kieskluis-scan-')) chromium += rssOf(pid);
    } catch {
      // gone
    }
  }
  return { node: process.memoryUsage().rss, chromium };
}

const fx = await startFixtureServer();
const base = (urls: string[], over: Partial<ScanOptions> = {}): ScanOptions => ({
  urls,
  crawl: 1,
  timeBudgetMs: 600_000,
  pageTimeoutMs: 15_000,
  phases: false,
  browserArgs: fx.browserArgs,
  screenshotDir: null,
  chromiumPath: '/usr/bin/chromium',
  ...over,
});
const sitePages = ['/', '/nieuws.html', '/over-ons.html', '/kandidaten.html', '/laat.html'].map((p) =>
  fx.url('partij.test', p),
);

async function perPage(phases: boolean) {
  const seconds: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = Date.now();
    const res = await observePages(base(sitePages, { phases }));
    wall.push((Date.now() - t0) / 1000 / res.pages.length);
    for (const p of res.pages) seconds.push(p.seconds);
    if (res.problems.length) console.error(res.problems);
  }
  return {
    pages: seconds.length,
    medianSecondsPerPage: median(seconds),
    medianWallSecondsPerPage: median(wall),
  };
}

// Warm-up (disk caches, first Chromium start).
await observePages(base([sitePages[0] as string]));
const plain = await perPage(false);
const threePhase = await perPage(true);

let peak = { node: 0, chromium: 0, total: 0 };
const timer = setInterval(() => {
  const s = sampleRss();
  if (s.node + s.chromium > peak.total) peak = { ...s, total: s.node + s.chromium };
}, 100);
const t0 = Date.now();
const crawl = await observePages(base([fx.url('veel.test', '/p/0')], { crawl: 50 }));
const crawlSeconds = (Date.now() - t0) / 1000;
clearInterval(timer);
await fx.close();

const mb = (b: number) => Math.round(b / 1024 / 1024);
const result = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    chromium: crawl.chromiumVersion,
  },
  rounds,
  plain,
  threePhase,
  crawl50: {
    pages: crawl.pages.length,
    seconds: Math.round(crawlSeconds * 10) / 10,
    medianSecondsPerPage: median(crawl.pages.map((p) => p.seconds)),
    peakRssMb: { total: mb(peak.total), node: mb(peak.node), chromium: mb(peak.chromium) },
    problems: crawl.problems,
  },
  aimPlainSecondsPerPage: 1.5,
};
console.log(JSON.stringify(result, null, 2));
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'scanner-pages.json'), `${JSON.stringify(result, null, 2)}\n`);
