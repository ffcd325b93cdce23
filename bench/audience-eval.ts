/**
 * Audience evaluation through the legal gate at 1,000,000 persons (C4, C5), side by side in one process
 * with a bare SQL count of the same criteria:
 *   (a) bare: `SELECT count(*) FROM persons p WHERE <the same prefilter>` (the blind index of the consent
 *       purpose, no decryption, no gate);
 *   (b) gate: `streamGateSubjects` (prefilter, one cursor over the persons' rows, the records of each
 *       batch read while the previous one is decided, decrypt) + the gate per person (`prepareAssess`,
 *       the same decision as `assess`) against the activity, counting included and excluded per reason.
 * Two audiences: "everyone with a consent record for P" (the large one) and "branch X, postcode range,
 * language nl, consent record for P" (a narrow one). Each is measured `--rounds` times, bare and gate
 * alternating; the median is reported, with the ratio gate / bare.
 *
 *   npx tsx bench/audience-eval.ts [--persons 1000000] [--pglite-persons N] [--engine pglite|postgres|both]
 *                                  [--rounds 3] [--batch 2000] [--quick]   (--quick = 20,000 persons)
 */
import { prepareAssess } from '../src/domain/gate/assess.js';
import { readsAge } from '../src/domain/gate/ttpa.js';
import type { Decision } from '../src/domain/gate/types.js';
import { ActivitiesRepo } from '../src/storage/activities-repo.js';
import { loadGateContext } from '../src/usecases/gate/gate-context.js';
import { processingFactsFor } from '../src/usecases/gate/processing-facts.js';
import { countSubjects, type SubjectFilter, streamGateSubjects } from '../src/usecases/gate/subjects.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import { seedGate } from './lib/gate-seed.js';
import {
  enginesFlag,
  fmt,
  intFlag,
  machineInfo,
  median,
  memorySampler,
  nowMs,
  parseFlags,
  printTable,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

// Accept "--persons 1000000" as well as "--persons=1000000".
const argv = process.argv
  .slice(2)
  .flatMap((a, i, all) =>
    /^--[a-z-]+$/.test(a) && all[i + 1] !== undefined && !all[i + 1]!.startsWith('--')
      ? [`${a}=${all[i + 1]}`]
      : a.startsWith('--')
        ? [a]
        : [],
  );
const flags = parseFlags(argv);
const engines = enginesFlag(flags);
const persons = intFlag(flags, 'persons', flags.quick ? 20_000 : 1_000_000);
const pglitePersons = intFlag(flags, 'pglite-persons', persons);
const rounds = intFlag(flags, 'rounds', flags.quick ? 2 : 3);
const batch = intFlag(flags, 'batch', 2000);

interface CaseResult {
  case: string;
  matched: number;
  included: number;
  excluded: Record<string, number>;
  bareSeconds: number;
  gateSeconds: number;
  ratio: number;
  bareRuns: number[];
  gateRuns: number[];
  gatePeakRssMiB: number;
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
      const seed = await seedGate(k, n);
      console.log(`[${engine}] seeded in ${fmt(seed.seconds, 1)} s: ${JSON.stringify(seed.counts)}`);
      const activity = (await new ActivitiesRepo().get(k.db, seed.activityId))!;
      const now = k.now();
      const context = await loadGateContext(k, k.db, activity, now);
      const branch = seed.branches[3]!;
      const cases: { name: string; filter: SubjectFilter }[] = [
        {
          name: 'consent record for P (whole register)',
          filter: { scope: { all: true }, consentPurposeIds: [seed.purposeP] },
        },
        {
          name: 'branch X, postcode range, language nl, consent record for P',
          filter: {
            scope: { all: true },
            branchIds: [branch.id],
            postcodeRanges: [{ from: branch.from, to: branch.from + 449 }],
            languages: ['nl'],
            consentPurposeIds: [seed.purposeP],
          },
        },
      ];
      const rows: CaseResult[] = [];
      for (const c of cases) {
        const criteria = [
          {
            key: `consent:${seed.purposeP}`,
            dataClass: 'political' as const,
            proxyRisk: 'none' as const,
            inferred: false,
          },
        ];
        const processing = processingFactsFor(activity, null, criteria);
        // as the audience evaluation sets it up (src/usecases/audiences/run-evaluation.ts)
        const filter: SubjectFilter = {
          ...c.filter,
          factsPurposeIds: [seed.purposeP],
          factsBirthDate: readsAge(processing),
        };
        const bareRuns: number[] = [];
        const gateRuns: number[] = [];
        let matched = 0;
        let included = 0;
        let excluded: Record<string, number> = {};
        let peak = 0;
        for (let r = 0; r < rounds; r++) {
          const b0 = nowMs();
          matched = await k.db.transaction((tx) => countSubjects(k, tx, filter));
          bareRuns.push((nowMs() - b0) / 1000);
          const mem = memorySampler();
          const g0 = nowMs();
          let seen = 0;
          included = 0;
          excluded = {};
          await k.db.transaction(async (tx) => {
            const gate = prepareAssess(processing, context);
            for await (const subjects of streamGateSubjects(k, tx, filter, now, batch)) {
              for (const s of subjects) {
                seen++;
                const d: Decision = gate(s.facts);
                if (d.allowed) included++;
                else for (const reason of d.reasons) excluded[reason] = (excluded[reason] ?? 0) + 1;
              }
            }
          });
          gateRuns.push((nowMs() - g0) / 1000);
          peak = Math.max(peak, mem.stop().peakRssMiB);
          if (seen !== matched) throw new Error(`${c.name}: gate saw ${seen} persons, bare count ${matched}`);
        }
        const row: CaseResult = {
          case: c.name,
          matched,
          included,
          excluded,
          bareSeconds: median(bareRuns),
          gateSeconds: median(gateRuns),
          ratio: median(gateRuns) / median(bareRuns),
          bareRuns,
          gateRuns,
          gatePeakRssMiB: peak,
        };
        rows.push(row);
        console.log(
          `  ${c.name}: ${fmt(matched)} persons; bare ${fmt(row.bareSeconds, 3)} s, gate ${fmt(row.gateSeconds, 3)} s, ratio ${fmt(row.ratio, 1)}×; included ${fmt(included)}; excluded ${JSON.stringify(excluded)}`,
        );
      }
      printTable(
        `Audience evaluation, ${engine} (${bk.info.version.split(' on ')[0]}; ${fmt(n)} persons, batch ${batch})`,
        ['audience', 'persons', 'included', 'bare count s', 'gate s', 'ratio', 'peak RSS MiB'],
        rows.map((r) => [
          r.case,
          fmt(r.matched),
          fmt(r.included),
          fmt(r.bareSeconds, 3),
          fmt(r.gateSeconds, 3),
          `${fmt(r.ratio, 1)}×`,
          fmt(r.gatePeakRssMiB),
        ]),
      );
      results[engine] = { info: bk.info, persons: n, seed, cases: rows };
    } finally {
      await bk.close();
    }
  }
} finally {
  await clusters.stop();
}
writeResult('audience-eval', {
  benchmark: 'audience-eval',
  machine,
  persons,
  pglitePersons,
  rounds,
  batch,
  results,
});
