/**
 * Login latency through the real HTTP server (buildServer on 127.0.0.1, port 0; fetch with keep-alive),
 * one login per user so TOTP replay protection never trips:
 *
 *   GET  /api/v1/auth/session      pre-session CSRF cookie + token
 *   POST /api/v1/auth/login        password step (argon2id verify, session insert, audit) → mfa_verify
 *   POST /api/v1/auth/mfa/verify   TOTP step (session resolve, replay check, audit) → active
 *
 * beside the bare limits: @node-rs/argon2 `verify` alone on a hash with the product's parameters
 * (src/storage/crypto/passwords.ts), and a GET /api/v1/health round trip. Each iteration runs one login,
 * one health request and one bare verify, so drift hits all three alike. The login rate limit and the
 * attempt limit are raised for the run.
 *
 *   npx tsx bench/login-latency.ts [--engine=pglite|postgres|both] [--logins=300] [--quick]
 */
import { randomBytes } from 'node:crypto';
import { verify as argon2Verify } from '@node-rs/argon2';
import type { Kernel } from '../src/app/kernel.js';
import { buildServer } from '../src/server/app.js';
import { hashPassword } from '../src/storage/crypto/passwords.js';
import { newTotpSecret, totpCode, totpStep } from '../src/storage/crypto/totp.js';
import { createUser } from '../src/usecases/users/create-user.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import {
  enginesFlag,
  fmt,
  intFlag,
  type LatencySummary,
  machineInfo,
  nowMs,
  parseFlags,
  printTable,
  summarize,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags();
const engines = enginesFlag(flags);
const logins = intFlag(flags, 'logins', flags.quick ? 30 : 300);
const WARMUP = flags.quick ? 5 : 20;

interface BenchUser {
  username: string;
  password: string;
  totpSecret: string;
}

/** The fields of the auth answers this benchmark looks at. */
interface Answer {
  stage?: string;
  csrfToken?: string;
}

/** A browser-like client: a cookie jar and the last CSRF token the server handed out. */
class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Answer | null; ms: number }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method === 'POST' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const t0 = nowMs();
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = nowMs() - t0;
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now());
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Answer) : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, json, ms };
  }
}

async function createUsers(k: Kernel, count: number): Promise<BenchUser[]> {
  const users: (BenchUser & { id: string })[] = [];
  let next = 0;
  // Two at a time: argon2 hashing is the cost, and the box has two cores.
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const u = {
        username: `bench-${String(i).padStart(4, '0')}`,
        password: randomBytes(12).toString('base64url'),
        totpSecret: newTotpSecret(),
      };
      const { id } = await createUser(
        k,
        { kind: 'operator' },
        {
          username: u.username,
          displayName: `Benchmark Gebruiker ${i}`,
          email: `bench.gebruiker${i}@vb.invalid`,
          password: u.password,
          locale: 'nl',
          assignment: {
            role: 'admin',
            branchId: null,
            candidateId: null,
            area: null,
            validUntil: null,
            briefingAcknowledgedAt: null,
          },
        },
      );
      users.push({ ...u, id });
    }
  };
  await Promise.all([worker(), worker()]);
  // Enrolled in TOTP as the demo loader does (src/usecases/demo/load-demo.ts).
  const now = k.now();
  await k.db.transaction(async (tx) => {
    for (const u of users) {
      await k.users.setTotpSecret(tx, u.id, u.totpSecret);
      await k.users.enableMfa(tx, u.id, totpStep(now) - 2, now);
    }
  });
  return users.sort((a, b) => a.username.localeCompare(b.username));
}

interface Sample {
  session: number;
  password: number;
  mfa: number;
  total: number;
  health: number;
  argon2: number;
}

async function oneLogin(base: string, u: BenchUser): Promise<Omit<Sample, 'health' | 'argon2'>> {
  const c = new Client(base);
  const s = await c.call('GET', '/api/v1/auth/session');
  if (s.status !== 200) throw new Error(`session: ${s.status}`);
  const p = await c.call('POST', '/api/v1/auth/login', { username: u.username, password: u.password });
  if (p.status !== 200 || p.json?.stage !== 'mfa_verify')
    throw new Error(`login: ${p.status} ${JSON.stringify(p.json)}`);
  const m = await c.call('POST', '/api/v1/auth/mfa/verify', {
    code: totpCode(u.totpSecret, totpStep(new Date())),
  });
  if (m.status !== 200 || m.json?.stage !== 'active')
    throw new Error(`mfa: ${m.status} ${JSON.stringify(m.json)}`);
  return { session: s.ms, password: p.ms, mfa: m.ms, total: s.ms + p.ms + m.ms };
}

const clusters = clusterProvider();
const machine = machineInfo();
warnIfBusy(machine);
const results: Record<string, unknown> = {};
try {
  for (const engine of engines) {
    console.log(`\n[${engine}] opening kernel…`);
    const bk = await openBenchKernel(engine, clusters, {
      KIESKLUIS_LOGIN_RATE_LIMIT: '10000',
      KIESKLUIS_LOGIN_MAX_ATTEMPTS: '100',
    });
    const app = await buildServer(bk.kernel, { operatorSecret: null, logger: false });
    try {
      const k = bk.kernel;
      const t0 = nowMs();
      const users = await createUsers(k, logins + WARMUP);
      console.log(`[${engine}] ${users.length} users created in ${fmt((nowMs() - t0) / 1000, 1)} s`);
      await app.listen({ host: '127.0.0.1', port: 0 });
      const addr = app.server.address();
      if (!addr || typeof addr === 'string') throw new Error('no address');
      const base = `http://127.0.0.1:${addr.port}`;
      const bareHash = await hashPassword('bare-limit-password-1');
      const health = new Client(base);

      const samples: Sample[] = [];
      for (let i = 0; i < users.length; i++) {
        const login = await oneLogin(base, users[i]!);
        const h = await health.call('GET', '/api/v1/health');
        if (h.status !== 200) throw new Error(`health: ${h.status}`);
        const a0 = nowMs();
        if (!(await argon2Verify(bareHash, 'bare-limit-password-1'))) throw new Error('argon2 verify');
        const argon2 = nowMs() - a0;
        if (i >= WARMUP) samples.push({ ...login, health: h.ms, argon2 });
        if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${users.length}`);
      }
      const pick = (f: keyof Sample) => summarize(samples.map((s) => s[f]));
      const summary: Record<keyof Sample, LatencySummary> = {
        session: pick('session'),
        password: pick('password'),
        mfa: pick('mfa'),
        total: pick('total'),
        health: pick('health'),
        argon2: pick('argon2'),
      };
      results[engine] = { info: bk.info, logins: samples.length, warmup: WARMUP, summary, samples };
      const row = (label: string, s: LatencySummary) => [
        label,
        fmt(s.p50, 1),
        fmt(s.p95, 1),
        fmt(s.p99, 1),
        fmt(s.mean, 1),
        fmt(s.max, 1),
      ];
      printTable(
        `Login latency in ms, ${engine} (${bk.info.version.split(' on ')[0]}; ${samples.length} logins, one per user, sequential)`,
        ['step', 'p50', 'p95', 'p99', 'mean', 'max'],
        [
          row('GET /auth/session (CSRF)', summary.session),
          row('POST /auth/login (password)', summary.password),
          row('POST /auth/mfa/verify (TOTP)', summary.mfa),
          row('whole login (3 requests)', summary.total),
          row('bare: argon2id verify alone', summary.argon2),
          row('bare: GET /health round trip', summary.health),
        ],
      );
    } finally {
      await app.close();
      await bk.close();
    }
  }
} finally {
  await clusters.stop();
}
writeResult('login-latency', { benchmark: 'login-latency', machine, logins, results });
