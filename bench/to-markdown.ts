/**
 * Print the result tables of the last run (bench/out/*.json) as Markdown, for docs/benchmarks.md, so the
 * page quotes the numbers the scripts wrote rather than numbers typed by hand.
 *
 *   npx tsx bench/to-markdown.ts > /tmp/tables.md
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fmt, type LatencySummary, OUT_DIR, pct } from './lib/report.js';

// biome-ignore lint/suspicious/noExplicitAny: reading our own result files back
type Json = any;

function load(name: string): Json | null {
  const file = path.join(OUT_DIR, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** The first `textColumns` columns are left-aligned text, the rest right-aligned numbers. */
function table(headers: string[], rows: string[][], textColumns = 1): string {
  const align = headers.map((_, i) => (i < textColumns ? '---' : '---:'));
  return [headers, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function loadNote(j: Json): string {
  return `load average at start ${j.machine.loadAverageAtStart.join(' / ')}, at end ${(j.loadAverageAtEnd ?? []).join(' / ')}`;
}

const out: string[] = [];

const crypto = load('field-crypto');
if (crypto) {
  out.push(`### Field encryption (${crypto.machine.date}, ${loadNote(crypto)})\n`);
  out.push(
    table(
      [
        'operation',
        'Keyring fields/s (median)',
        'Keyring best',
        'bare node:crypto /s (median)',
        'bare best',
        'Keyring / bare',
        'µs per field: Keyring / bare',
        'stored bytes: envelope / raw',
      ],
      crypto.rows.map((r: Json) => [
        r.case,
        fmt(r.kernelOpsPerSec),
        fmt(r.kernelBestOpsPerSec),
        fmt(r.bareOpsPerSec),
        fmt(r.bareBestOpsPerSec),
        pct(r.kernelOpsPerSec, r.bareOpsPerSec),
        `${fmt(1e6 / r.kernelOpsPerSec, 1)} / ${fmt(1e6 / r.bareOpsPerSec, 1)}`,
        r.storedBytes ? `${fmt(r.storedBytes.kernel)} / ${fmt(r.storedBytes.bare)}` : '–',
      ]),
    ),
  );
  out.push('');
}

const append = load('audit-append');
if (append) {
  out.push(`### Audit append (${append.machine.date}, ${loadNote(append)})\n`);
  const rows: string[][] = [];
  for (const [engine, r] of Object.entries<Json>(append.results)) {
    for (const s of r.shapes) {
      rows.push([
        engine,
        s.shape,
        fmt(s.eventsPerRound),
        fmt(s.chainedEventsPerSec),
        fmt(s.bareEventsPerSec),
        pct(s.chainedEventsPerSec, s.bareEventsPerSec),
        fmt(s.overheadMicrosPerEvent, 1),
        fmt(s.chainedTxPerSec),
        s.rounds.map((x: Json) => fmt(x.chained.eventsPerSec)).join(' / '),
        s.rounds.map((x: Json) => fmt(x.bare.eventsPerSec)).join(' / '),
      ]);
    }
  }
  out.push(
    table(
      [
        'engine',
        'shape',
        'events per round',
        'AuditLog.append events/s',
        'bare INSERT events/s',
        'chained / bare',
        'overhead µs/event',
        'chained commits/s',
        'rounds, chained',
        'rounds, bare',
      ],
      rows,
      2,
    ),
  );
  out.push('');
}

const verify = load('audit-verify');
if (verify) {
  out.push(`### Audit chain verification (${verify.machine.date}, ${loadNote(verify)})\n`);
  const rows: string[][] = [];
  for (const [engine, r] of Object.entries<Json>(verify.results)) {
    const line = (label: string, seconds: number, perSec: number, vsScan: string, peak?: Json) => [
      engine,
      label,
      fmt(seconds, 2),
      fmt(perSec),
      vsScan,
      peak ? `${peak.rss} / ${peak.heap}` : '–',
    ];
    rows.push(line('`SELECT count(*)` (bare)', r.count.seconds, r.count.entriesPerSec, '–', r.count.peak));
    rows.push(line('plain keyset scan (bare)', r.scan.seconds, r.scan.entriesPerSec, '100%', r.scan.peak));
    rows.push(
      line(
        '**verifyAuditChain**',
        r.verify.seconds,
        r.verify.entriesPerSec,
        pct(r.verify.entriesPerSec, r.scan.entriesPerSec),
        r.verify.peak,
      ),
    );
    rows.push(line('HMAC recompute only, in memory', r.entries / r.hmacOnly.perSec, r.hmacOnly.perSec, '–'));
    rows.push(
      line(`load via AuditLog.append, ${fmt(r.load.batch)}/tx`, r.load.seconds, r.load.eventsPerSec, '–'),
    );
    out.push(
      `- ${engine}: ${fmt(r.entries)} entries, table ${r.size.tableMiB} MiB (${r.size.totalMiB} MiB with indexes); rounds: ${r.runs.map((x: Json) => `verify ${fmt(x.verify.seconds, 2)} s, scan ${fmt(x.scan.seconds, 2)} s`).join('; ')}`,
    );
  }
  out.push('');
  out.push(
    table(['engine', 'operation', 'seconds', 'entries/s', 'vs plain scan', 'peak RSS / heap MiB'], rows, 2),
  );
  out.push('');
}

const login = load('login-latency');
if (login) {
  out.push(`### Login latency (${login.machine.date}, ${loadNote(login)})\n`);
  const rows: string[][] = [];
  const labels: [string, string][] = [
    ['session', 'GET /auth/session (CSRF cookie + token)'],
    ['password', 'POST /auth/login (password step)'],
    ['mfa', 'POST /auth/mfa/verify (TOTP step)'],
    ['total', 'whole login, 3 requests'],
    ['argon2', 'bare: argon2id verify alone'],
    ['health', 'bare: GET /health round trip'],
  ];
  for (const [engine, r] of Object.entries<Json>(login.results)) {
    for (const [key, label] of labels) {
      const s: LatencySummary = r.summary[key];
      rows.push([engine, label, fmt(s.p50, 1), fmt(s.p95, 1), fmt(s.p99, 1), fmt(s.mean, 1), fmt(s.max, 1)]);
    }
  }
  out.push(table(['engine', 'step (ms)', 'p50', 'p95', 'p99', 'mean', 'max'], rows, 2));
  out.push('');
}

const imp = load('import-persons');
if (imp) {
  out.push(`### Person import, ${fmt(imp.rows)} rows (${imp.machine.date}, ${loadNote(imp)})\n`);
  if (imp.csv) {
    out.push(
      `CSV: ${fmt(imp.csv.bytes / 2 ** 20, 1)} MiB, generated in ${fmt(imp.csv.seconds, 2)} s (${fmt(imp.csv.rowsPerSec)} rows/s), dates ${imp.csv.dateFormat}.\n`,
    );
  }
  const copyRate = (engine: string) =>
    imp.results.find((r: Json) => r.case === 'copy' && r.engine === engine)?.rowsPerSec;
  const label: Record<string, string> = {
    copy: 'bare: COPY into a bare text table',
    kieskluis: '**Kieskluis import**',
    crypto: 'reference: csv-parse + encrypt every field, no database',
  };
  out.push(
    table(
      [
        'engine',
        'case',
        'seconds',
        'rows/s',
        'vs raw COPY',
        'rows in DB',
        'RSS before / peak MiB',
        'max RSS MiB',
      ],
      imp.results.map((r: Json) => {
        const base = copyRate(r.engine);
        return [
          r.engine,
          label[r.case] ?? r.case,
          fmt(r.seconds, 2),
          fmt(r.rowsPerSec),
          r.case === 'copy' ? '1' : base ? fmt(r.rowsPerSec / base, 3) : '–',
          r.rowsInDatabase === null ? '–' : fmt(r.rowsInDatabase),
          `${r.rssBeforeMiB} / ${r.peakRssMiB}`,
          `${r.maxRssMiB}${r.clientPeakRssMiB ? ` (psql ${r.clientPeakRssMiB})` : ''}`,
        ];
      }),
      2,
    ),
  );
  const product = imp.results.filter((r: Json) => r.case === 'kieskluis' && r.report);
  if (product.length) {
    out.push('');
    out.push(
      table(
        [
          'engine',
          'upload s',
          'check pass s',
          'import pass s',
          'read',
          'inserted',
          'suppressed',
          'duplicates',
          'rejected',
          'memberships',
        ],
        product.map((r: Json) => {
          const p = r.report.phases;
          const c = r.report.counts;
          return [
            r.engine,
            fmt(p.uploadSeconds, 1),
            fmt(p.checkSeconds, 1),
            fmt(p.importSeconds, 1),
            fmt(c.read),
            fmt(c.inserted),
            fmt(c.suppressed),
            fmt(c.duplicates),
            fmt(c.rejected),
            fmt(r.report.memberships),
          ];
        }),
      ),
    );
  }
  for (const f of imp.failures ?? []) out.push(`\n- not measured: ${f.engine} ${f.case}: ${f.error}`);
  out.push('');
}

const signup = load('signup-load');
if (signup) {
  out.push(
    `### Sign-up under load (${signup.machine.date}, ${signup.connections} connections, ${signup.duration} s per route, ${loadNote(signup)})\n`,
  );
  const rows: string[][] = [];
  for (const [engine, r] of Object.entries<Json>(signup.results)) {
    for (const x of r.routes) {
      rows.push([
        engine,
        x.route,
        fmt(x.result.reqPerSec),
        fmt(x.result.latencyMs.p50, 1),
        fmt(x.result.latencyMs.p90, 1),
        fmt(x.result.latencyMs.p99, 1),
        fmt(x.result.latencyMs.max, 1),
        fmt(x.result.errors + x.result.timeouts),
        fmt(x.result.non2xx),
        x.rowsWritten === null ? '–' : fmt(x.rowsWritten),
      ]);
    }
  }
  out.push(
    table(
      [
        'engine',
        'route',
        'req/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'errors',
        'non-2xx',
        'rows written',
      ],
      rows,
      2,
    ),
  );
  out.push('');
}

const search = load('person-search');
if (search) {
  out.push(`### Person search (${search.machine.date}, ${loadNote(search)})\n`);
  const rows: string[][] = [];
  for (const [engine, r] of Object.entries<Json>(search.results)) {
    out.push(
      `- ${engine}: ${fmt(r.persons)} persons seeded in ${fmt(r.seed.seconds, 1)} s (${fmt(r.seed.rowsPerSec)}/s, peak RSS ${r.seed.peak.peakRssMiB} MiB); table ${fmt(r.sizeMiB.table)} MiB, indexes ${fmt(r.sizeMiB.indexes)} MiB; page ${r.page}, later page after ${r.laterOffset} matches`,
    );
    for (const c of r.cases) {
      rows.push([
        engine,
        c.case,
        fmt(c.queries),
        fmt(c.avgRows, 1),
        fmt(c.product.p50, 2),
        fmt(c.product.p99, 2),
        fmt(c.bare.p50, 2),
        fmt(c.bare.p99, 2),
      ]);
    }
  }
  out.push('');
  out.push(
    table(
      [
        'engine',
        'search',
        'queries',
        'rows/page',
        'searchPersons p50 ms',
        'p99 ms',
        'bare SQL p50 ms',
        'p99 ms',
      ],
      rows,
      2,
    ),
  );
  out.push('');
}

console.log(out.join('\n'));
