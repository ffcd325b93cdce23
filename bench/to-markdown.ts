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

console.log(out.join('\n'));
