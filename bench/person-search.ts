/**
 * Person search latency at 1,000,000 persons: the product's search use case (`searchPersons`: actor and
 * scope check, blind-index query, keyset page of 50 ordered by id, decrypting the four list columns, and
 * one audit event per person shown plus one for the search, in one transaction) beside the bare limit, the
 * same index lookup as plain SQL (`SELECT id FROM persons p WHERE email_bidx = $1 …`, blind indexes
 * computed beforehand, no scope, no decryption, no audit, no transaction).
 *
 * The register is filled through the product's `validateContact` + `PersonsRepo.insertMany`
 * (bench/lib/person-seed.ts), one branch per place of the generator, then `ANALYZE persons`. Searches run
 * as a party-wide admin and as a team member scoped to one branch (Afdeling Utrecht); each case runs
 * `--queries` different targets, sequentially, product and bare alternating, after a warm-up.
 *
 *   npx tsx bench/person-search.ts [--persons=1000000] [--pglite-persons=N] [--engine=pglite|postgres|both]
 *                                  [--queries=200] [--quick]   (--quick = 20,000 persons, 30 queries)
 */
import { randomUUID } from 'node:crypto';
import type { Kernel } from '../src/app/kernel.js';
import type { Actor } from '../src/domain/access/actor.js';
import type { Assignment } from '../src/domain/access/scope.js';
import { nameTokens, postcodeKey } from '../src/domain/persons/search.js';
import { normalizeEmail, normalizePhone } from '../src/storage/crypto/keyring.js';
import { searchPersons } from '../src/usecases/persons/search-persons.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import { type SeedSample, seedPersons } from './lib/person-seed.js';
import {
  enginesFlag,
  fmt,
  intFlag,
  type LatencySummary,
  machineInfo,
  memorySampler,
  nowMs,
  parseFlags,
  printTable,
  summarize,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags();
const engines = enginesFlag(flags);
const persons = intFlag(flags, 'persons', flags.quick ? 20_000 : 1_000_000);
const pglitePersons = intFlag(flags, 'pglite-persons', persons);
const queries = intFlag(flags, 'queries', flags.quick ? 30 : 200);
const WARMUP = flags.quick ? 5 : 20;
const PAGE = 50;
/** The later keyset page: the page that starts after this many matches (page 11 of 50). */
const LATER_OFFSET = 500;
const BRANCH_PLACE = 'Utrecht';

interface Target {
  q: string | null;
  after: string | null;
  /** Bare SQL: the same predicate on the same index, ids only. */
  sql: string;
  params: unknown[];
}

interface SearchCase {
  name: string;
  actor: 'admin' | 'branch';
  /** Build the target for one sample; null to skip a sample that does not fit (e.g. no phone). */
  target(s: SeedSample, k: Kernel, branchId: string): Promise<Target | null>;
}

const bi = (k: Kernel, kind: string, v: string) => k.keyring.blindIndex(kind, v);

/** Predicate + params for the bare query, with an optional branch scope and keyset cursor. */
function bare(pred: string, params: unknown[], branchId: string | null, after: string | null): Target['sql'] {
  const where = [pred];
  if (branchId) {
    params.push(branchId);
    where.push(`p.branch_id = $${params.length}`);
  }
  if (after) {
    params.push(after);
    where.push(`p.id > $${params.length}`);
  }
  return `SELECT p.id FROM persons p WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT ${PAGE}`;
}

/** The id after which the later page starts (the LATER_OFFSET-th match), or null when there are fewer. */
async function cursor(k: Kernel, pred: string, params: unknown[], branchId: string | null) {
  const p = [...params];
  const sql = bare(pred, p, branchId, null).replace(`LIMIT ${PAGE}`, `OFFSET ${LATER_OFFSET - 1} LIMIT 1`);
  const { rows } = await k.db.query<{ id: string }>(sql, p);
  return rows[0]?.id ?? null;
}

function simple(
  name: string,
  actor: 'admin' | 'branch',
  make: (s: SeedSample, k: Kernel) => { q: string; pred: string; params: unknown[] } | null,
  later = false,
): SearchCase {
  return {
    name,
    actor,
    async target(s, k, branchId) {
      const m = make(s, k);
      if (!m) return null;
      const scope = actor === 'branch' ? branchId : null;
      const after = later ? await cursor(k, m.pred, m.params, scope) : null;
      if (later && !after) return null;
      const params = [...m.params];
      return { q: m.q, after, sql: bare(m.pred, params, scope, after), params };
    },
  };
}

const byEmail = (s: SeedSample, k: Kernel) => ({
  q: s.email,
  pred: 'p.email_bidx = $1',
  params: [bi(k, 'email', normalizeEmail(s.email))],
});
const bySurname = (s: SeedSample, k: Kernel) => ({
  q: s.lastToken,
  pred: 'p.name_bidx @> $1::text[]',
  params: [[bi(k, 'name', s.lastToken)]],
});
const byArea = (s: SeedSample) => ({
  q: s.postcode.slice(0, 4),
  pred: 'p.postcode_area = $1',
  params: [Number(s.postcode.slice(0, 4))],
});

const CASES: SearchCase[] = [
  simple('e-mail', 'admin', byEmail),
  simple('phone', 'admin', (s, k) =>
    s.phone
      ? { q: s.phone, pred: 'p.phone_bidx = $1', params: [bi(k, 'phone', normalizePhone(s.phone))] }
      : null,
  ),
  simple('name, 1 token (surname), first page', 'admin', bySurname),
  simple('name, 1 token, page 11 (keyset)', 'admin', bySurname, true),
  simple('name, 2 tokens (first name + surname)', 'admin', (s, k) => {
    const tokens = nameTokens(s.firstName, s.lastToken);
    return {
      q: `${s.firstName} ${s.lastToken}`,
      pred: 'p.name_bidx @> $1::text[]',
      params: [tokens.map((t) => bi(k, 'name', t))],
    };
  }),
  simple('postcode (1234 AB)', 'admin', (s, k) => ({
    q: s.postcode,
    pred: 'p.postcode_bidx = $1',
    params: [bi(k, 'postcode', postcodeKey(s.postcode))],
  })),
  simple('postcode area (4 digits), first page', 'admin', byArea),
  simple('postcode area, page 11 (keyset)', 'admin', byArea, true),
  simple('branch scope: e-mail', 'branch', byEmail),
  simple('branch scope: name, 1 token, first page', 'branch', bySurname),
  simple('branch scope: name, 1 token, page 11', 'branch', bySurname, true),
  {
    name: 'branch scope: no query, page 11 (list)',
    actor: 'branch',
    async target(_s, k, branchId) {
      const after = await cursor(k, 'true', [], branchId);
      const params: unknown[] = [];
      return { q: null, after, sql: bare('true', params, branchId, after), params };
    },
  },
];

interface CaseResult {
  case: string;
  actor: string;
  queries: number;
  product: LatencySummary;
  bare: LatencySummary;
  avgRows: number;
}

/**
 * The actors as the HTTP layer hands them to the use case (session → user → assignments); the use case
 * itself never loads the user, so no user rows are needed.
 */
function makeActors(k: Kernel, branchId: string): Record<'admin' | 'branch', Actor> {
  const now = k.now();
  const mk = (username: string, a: Omit<Assignment, 'validFrom'>): Actor => ({
    kind: 'user',
    userId: randomUUID(),
    username,
    assignments: [{ ...a, validFrom: now }],
  });
  return {
    admin: mk('bench-admin', {
      role: 'admin',
      branchId: null,
      candidateId: null,
      area: null,
      validUntil: null,
      briefingAcknowledgedAt: null,
    }),
    branch: mk('bench-team', {
      role: 'team_member',
      branchId,
      candidateId: null,
      area: null,
      validUntil: new Date(now.getTime() + 180 * 86_400_000),
      briefingAcknowledgedAt: now,
    }),
  };
}

const machine = machineInfo();
warnIfBusy(machine);
const clusters = clusterProvider();
const results: Record<string, unknown> = {};
try {
  for (const engine of engines) {
    const n = engine === 'pglite' ? pglitePersons : persons;
    console.log(`\n[${engine}] opening kernel, seeding ${fmt(n)} persons…`);
    const bk = await openBenchKernel(engine, clusters);
    try {
      const k = bk.kernel;
      const mem = memorySampler();
      const seed = await seedPersons(k, n, { samples: queries + WARMUP, branchPlace: BRANCH_PLACE });
      const seedPeak = mem.stop();
      const t0 = nowMs();
      await k.db.exec('ANALYZE persons');
      const analyzeSeconds = (nowMs() - t0) / 1000;
      const size = (
        await k.db.query<{ t: number; i: number }>(
          `SELECT pg_table_size('persons')::float8 / 1048576 AS t, pg_indexes_size('persons')::float8 / 1048576 AS i`,
        )
      ).rows[0]!;
      console.log(
        `[${engine}] ${fmt(seed.rows)} persons in ${fmt(seed.seconds, 1)} s (${fmt(seed.rowsPerSec)}/s); table ${fmt(size.t)} MiB, indexes ${fmt(size.i)} MiB`,
      );
      const branch = seed.branches.find((b) => b.name === `Afdeling ${BRANCH_PLACE}`)!;
      const actors = makeActors(k, branch.id);
      const rows: CaseResult[] = [];
      for (const c of CASES) {
        const pool = c.actor === 'branch' ? seed.branchSamples : seed.samples;
        const targets: Target[] = [];
        for (const s of pool) {
          const t = await c.target(s, k, branch.id);
          if (t) targets.push(t);
        }
        if (targets.length === 0) {
          console.log(`  ${c.name}: no targets at this size, skipped`);
          continue;
        }
        const product: number[] = [];
        const bareMs: number[] = [];
        let returned = 0;
        for (let i = 0; i < targets.length; i++) {
          const t = targets[i]!;
          const a0 = nowMs();
          const r = await searchPersons(k, actors[c.actor], {
            q: t.q,
            branchId: null,
            after: t.after,
            limit: PAGE,
            purpose: 'bench',
          });
          const a1 = nowMs();
          const b = await k.db.query(t.sql, t.params);
          const b1 = nowMs();
          if (i >= Math.min(WARMUP, targets.length - 1)) {
            product.push(a1 - a0);
            bareMs.push(b1 - a1);
            returned += r.items.length;
          }
          if (r.items.length !== b.rows.length) {
            throw new Error(`${c.name}: product returned ${r.items.length} rows, bare ${b.rows.length}`);
          }
        }
        const row: CaseResult = {
          case: c.name,
          actor: c.actor,
          queries: product.length,
          product: summarize(product),
          bare: summarize(bareMs),
          avgRows: returned / product.length,
        };
        rows.push(row);
        console.log(
          `  ${c.name}: product p50 ${fmt(row.product.p50, 2)} / p99 ${fmt(row.product.p99, 2)} ms; bare p50 ${fmt(row.bare.p50, 2)} / p99 ${fmt(row.bare.p99, 2)} ms; ${fmt(row.avgRows, 1)} rows`,
        );
      }
      printTable(
        `Person search in ms, ${engine} (${bk.info.version.split(' on ')[0]}; ${fmt(seed.rows)} persons, page ${PAGE})`,
        ['case', 'queries', 'rows/page', 'product p50', 'product p99', 'bare p50', 'bare p99'],
        rows.map((r) => [
          r.case,
          fmt(r.queries),
          fmt(r.avgRows, 1),
          fmt(r.product.p50, 2),
          fmt(r.product.p99, 2),
          fmt(r.bare.p50, 2),
          fmt(r.bare.p99, 2),
        ]),
      );
      results[engine] = {
        info: bk.info,
        persons: seed.rows,
        seed: { seconds: seed.seconds, rowsPerSec: seed.rowsPerSec, peak: seedPeak, analyzeSeconds },
        sizeMiB: { table: size.t, indexes: size.i },
        page: PAGE,
        laterOffset: LATER_OFFSET,
        cases: rows,
      };
    } finally {
      await bk.close();
    }
  }
} finally {
  await clusters.stop();
}
writeResult('person-search', {
  benchmark: 'person-search',
  machine,
  persons,
  pglitePersons,
  queries,
  results,
});
