/**
 * Field encryption on one core: Keyring.encrypt / decrypt (AES-256-GCM with a random IV, AAD naming the
 * column, envelope `kk1:<keyId>:<base64(iv|tag|ct)>`) and Keyring.blindIndex (keyed HMAC-SHA256), beside
 * the bare limits: raw node:crypto AES-256-GCM on the same bytes (random IV, no AAD, no envelope, no
 * base64) and a raw HMAC-SHA256 digest. Realistic values: fictional e-mail addresses (~30 characters) and
 * names (~12 characters). Keys come from a real kernel (PGlite, temp data directory).
 *
 *   npx tsx bench/field-crypto.ts [--seconds=0.3] [--samples=11] [--quick]
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { normalizeEmail } from '../src/storage/crypto/keyring.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import {
  fmt,
  machineInfo,
  median,
  nowMs,
  parseFlags,
  pct,
  printTable,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags();
const sampleSeconds = Number(flags.seconds ?? (flags.quick ? 0.2 : 0.3));
const samples = Number(flags.samples ?? (flags.quick ? 3 : 11));

// Fictional, obviously so: historical Dutch figures at a reserved domain.
const FIRST = [
  'Aletta',
  'Johan',
  'Wilhelmina',
  'Multatuli',
  'Annie',
  'Hugo',
  'Rembrandt',
  'Maria',
  'Baruch',
  'Anna',
];
const LAST = [
  'Jacobs',
  'Thorbecke',
  'Drucker',
  'Dekker',
  'Romein',
  'Grotius',
  'Rijn',
  'Montessori',
  'Spinoza',
  'Bijns',
];
const N = 1_000;
const emails: string[] = [];
const names: string[] = [];
for (let i = 0; i < N; i++) {
  const f = FIRST[i % FIRST.length]!;
  const l = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  emails.push(`${f}.${l}${i}@vb.invalid`.toLowerCase());
  names.push(`${f} ${l}`.slice(0, 12).trim());
}
const avg = (xs: string[]) => xs.reduce((a, s) => a + s.length, 0) / xs.length;

/**
 * One timed sample of ~`seconds` wall time. Returns ops per wall second and ops per CPU second of this
 * process (user + system): on a busy machine the wall figure drops while the CPU figure still says what one
 * core does.
 */
function sample(fn: (i: number) => unknown, seconds: number): { wall: number; cpu: number } {
  let ops = 0;
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = nowMs();
  const until = t0 + seconds * 1000;
  let t = t0;
  while (t < until) {
    for (let j = 0; j < 256; j++) {
      if (fn(ops % N)) sink += 1;
      ops += 1;
    }
    t = nowMs();
  }
  const c = process.cpuUsage(c0);
  if (sink === 0) throw new Error('nothing computed');
  return { wall: ops / ((t - t0) / 1000), cpu: ops / ((c.user + c.system) / 1e6) };
}

interface Measured {
  /** Median ops per CPU second (one core). */
  opsPerSec: number;
  best: number;
  wallOpsPerSec: number;
  samples: { wall: number; cpu: number }[];
}

function summary(xs: { wall: number; cpu: number }[]): Measured {
  const cpu = xs.map((x) => x.cpu);
  return {
    opsPerSec: median(cpu),
    best: Math.max(...cpu),
    wallOpsPerSec: median(xs.map((x) => x.wall)),
    samples: xs,
  };
}

/**
 * The Keyring path and the bare path, sampled alternately (after a warm-up of each) so that clock, JIT
 * and garbage-collector drift hit both sides alike.
 */
function measurePair(a: (i: number) => unknown, b: (i: number) => unknown): { a: Measured; b: Measured } {
  sample(a, sampleSeconds);
  sample(b, sampleSeconds);
  const as: { wall: number; cpu: number }[] = [];
  const bs: { wall: number; cpu: number }[] = [];
  for (let s = 0; s < samples; s++) {
    as.push(sample(a, sampleSeconds));
    bs.push(sample(b, sampleSeconds));
  }
  return { a: summary(as), b: summary(bs) };
}

const clusters = clusterProvider();
const machine = machineInfo();
warnIfBusy(machine);
const bk = await openBenchKernel('pglite', clusters);
const keyring = bk.kernel.keyring;
await bk.close();
await clusters.stop();

// Bare-limit inputs: the same plaintext bytes, one raw 32-byte key.
const rawKey = randomBytes(32);
const hmacKey = randomBytes(32);
const emailBytes = emails.map((s) => Buffer.from(s, 'utf8'));
const nameBytes = names.map((s) => Buffer.from(s, 'utf8'));

function rawSeal(pt: Buffer) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', rawKey, iv);
  const ct = c.update(pt);
  c.final();
  return { iv, ct, tag: c.getAuthTag() };
}
function rawOpen(x: { iv: Buffer; ct: Buffer; tag: Buffer }) {
  const d = createDecipheriv('aes-256-gcm', rawKey, x.iv);
  d.setAuthTag(x.tag);
  const pt = d.update(x.ct);
  d.final();
  return pt;
}

const emailCt = emails.map((e) => keyring.encrypt(e, 'persons.email'));
const nameCt = names.map((n) => keyring.encrypt(n, 'persons.first_name'));
const emailRaw = emailBytes.map(rawSeal);
const nameRaw = nameBytes.map(rawSeal);
// Sanity: round trips.
if (keyring.decrypt(emailCt[7]!, 'persons.email') !== emails[7]) throw new Error('envelope round trip');
if (!rawOpen(emailRaw[7]!).equals(emailBytes[7]!)) throw new Error('raw round trip');

interface Case {
  name: string;
  kernel: (i: number) => unknown;
  bare: (i: number) => unknown;
  storedBytes?: { kernel: number; bare: number };
}

const cases: Case[] = [
  {
    name: `encrypt e-mail (${fmt(avg(emails), 0)} chars)`,
    kernel: (i) => keyring.encrypt(emails[i]!, 'persons.email'),
    bare: (i) => rawSeal(emailBytes[i]!),
    storedBytes: { kernel: avg(emailCt), bare: 12 + 16 + avg(emails) },
  },
  {
    name: `decrypt e-mail`,
    kernel: (i) => keyring.decrypt(emailCt[i]!, 'persons.email'),
    bare: (i) => rawOpen(emailRaw[i]!),
  },
  {
    name: `encrypt name (${fmt(avg(names), 0)} chars)`,
    kernel: (i) => keyring.encrypt(names[i]!, 'persons.first_name'),
    bare: (i) => rawSeal(nameBytes[i]!),
    storedBytes: { kernel: avg(nameCt), bare: 12 + 16 + avg(names) },
  },
  {
    name: 'decrypt name',
    kernel: (i) => keyring.decrypt(nameCt[i]!, 'persons.first_name'),
    bare: (i) => rawOpen(nameRaw[i]!),
  },
  {
    name: 'blind index e-mail (HMAC-SHA256)',
    kernel: (i) => keyring.blindIndex('email', normalizeEmail(emails[i]!)),
    // Same output encoding as blindIndex; without normalisation and the kind prefix.
    bare: (i) => createHmac('sha256', hmacKey).update(emailBytes[i]!).digest('base64url'),
  },
];

const rows: {
  case: string;
  kernelOpsPerSec: number;
  bareOpsPerSec: number;
  kernelBestOpsPerSec: number;
  bareBestOpsPerSec: number;
  kernelWallOpsPerSec: number;
  bareWallOpsPerSec: number;
  kernelMicros: number;
  bareMicros: number;
  storedBytes?: { kernel: number; bare: number };
  samples: { kernel: Measured['samples']; bare: Measured['samples'] };
}[] = [];
for (const c of cases) {
  const { a: k, b } = measurePair(c.kernel, c.bare);
  rows.push({
    case: c.name,
    kernelOpsPerSec: k.opsPerSec,
    bareOpsPerSec: b.opsPerSec,
    kernelBestOpsPerSec: k.best,
    bareBestOpsPerSec: b.best,
    kernelWallOpsPerSec: k.wallOpsPerSec,
    bareWallOpsPerSec: b.wallOpsPerSec,
    kernelMicros: 1e6 / k.opsPerSec,
    bareMicros: 1e6 / b.opsPerSec,
    storedBytes: c.storedBytes,
    samples: { kernel: k.samples, bare: b.samples },
  });
  console.log(`  ${c.name}: ${fmt(k.opsPerSec)} /s vs bare ${fmt(b.opsPerSec)} /s`);
}

printTable(
  `Field crypto, fields per CPU-second on one core (${samples} alternating samples of ${sampleSeconds} s; median, best)`,
  [
    'operation',
    'Keyring median',
    'Keyring best',
    'bare median',
    'bare best',
    'Keyring/bare',
    'µs Keyring',
    'µs bare',
    'stored bytes envelope vs raw',
  ],
  rows.map((r) => [
    r.case,
    fmt(r.kernelOpsPerSec),
    fmt(r.kernelBestOpsPerSec),
    fmt(r.bareOpsPerSec),
    fmt(r.bareBestOpsPerSec),
    pct(r.kernelOpsPerSec, r.bareOpsPerSec),
    fmt(1e6 / r.kernelOpsPerSec, 2),
    fmt(1e6 / r.bareOpsPerSec, 2),
    r.storedBytes ? `${fmt(r.storedBytes.kernel, 0)} vs ${fmt(r.storedBytes.bare, 0)}` : '',
  ]),
);
writeResult('field-crypto', {
  benchmark: 'field-crypto',
  machine,
  sampleSeconds,
  samples,
  values: { emailsAvgChars: avg(emails), namesAvgChars: avg(names), examples: [emails[0], names[0]] },
  rows,
});
