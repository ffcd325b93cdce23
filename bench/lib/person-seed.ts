/**
 * Fill the register fast for the search benchmark: the generated persons (bench/lib/person-csv.ts)
 * through the product's own `validateContact` and `PersonsRepo.insertMany` (the same encrypted columns,
 * blind indexes, branch assignment and provenance an import writes), in transactions of `batch` persons.
 * No audit events, memberships or import bookkeeping: search does not read them.
 * Keeps a sample of the rows (every `rows / samples`-th) to search for afterwards.
 */
import type { Kernel } from '../../src/app/kernel.js';
import { nameTokens } from '../../src/domain/persons/search.js';
import type { NewPerson } from '../../src/domain/persons/types.js';
import { validateContact } from '../../src/domain/persons/validate-contact.js';
import { branchesRepo } from '../../src/storage/branches-repo.js';
import { PLACES, personRows } from './person-csv.js';
import { fmt, nowMs } from './report.js';

export interface SeedSample {
  index: number;
  email: string;
  phone: string | null;
  firstName: string;
  /** The last token of the surname ("Berg" of "van der Berg"). */
  lastToken: string;
  postcode: string;
  city: string;
}

export interface SeedResult {
  rows: number;
  seconds: number;
  rowsPerSec: number;
  samples: SeedSample[];
  /** Samples living in `branchPlace`, for the branch-scoped searches. */
  branchSamples: SeedSample[];
  branches: { id: string; name: string; postcodeFrom: number; postcodeTo: number }[];
}

/** One branch (afdeling) per place of the generator, covering its postcode range. */
export async function createBranches(k: Kernel): Promise<SeedResult['branches']> {
  const now = k.now();
  return k.db.transaction(async (tx) => {
    const out: SeedResult['branches'] = [];
    for (const [place, from, to] of PLACES) {
      const b = { name: `Afdeling ${place}`, postcodeFrom: from, postcodeTo: to };
      out.push({ id: await branchesRepo.insert(tx, b, now), ...b });
    }
    return out;
  });
}

export async function seedPersons(
  k: Kernel,
  rows: number,
  opts: { batch?: number; samples?: number; branchPlace: string; seed?: number },
): Promise<SeedResult> {
  const batch = opts.batch ?? 10_000;
  const want = opts.samples ?? 200;
  const step = Math.max(1, Math.floor(rows / want));
  const branches = await createBranches(k);
  const now = k.now();
  const samples: SeedSample[] = [];
  const branchSamples: SeedSample[] = [];
  const branchStep = Math.max(1, Math.floor(rows / (want * 10)));
  let pending: NewPerson[] = [];
  let done = 0;
  const t0 = nowMs();
  const flush = async () => {
    const chunk = pending;
    pending = [];
    await k.db.transaction((tx) => k.persons.insertMany(tx, chunk, now));
    done += chunk.length;
    if (done % 100_000 < batch) {
      const s = (nowMs() - t0) / 1000;
      console.log(`  seeded ${fmt(done)} persons in ${fmt(s, 1)} s (${fmt(done / s)}/s)`);
    }
  };
  let i = 0;
  for (const r of personRows(rows, opts.seed)) {
    const checked = validateContact(
      {
        firstName: r.firstName,
        infix: r.infix || null,
        lastName: r.lastName,
        email: r.email,
        phone: r.phone || null,
        street: r.street,
        houseNumber: r.houseNumber,
        postcode: r.postcode,
        city: r.city,
        birthDate: r.birthDate,
      },
      now,
    );
    if (!checked.value) throw new Error(`generated row ${i} invalid: ${JSON.stringify(checked.errors)}`);
    pending.push({
      ...checked.value,
      candidateIds: [],
      provenance: {
        datasetId: null,
        sourceKind: 'MEMBER_ADMIN',
        channel: 'import',
        collectedAt: now,
        collectedBy: null,
      },
      obtainedFromSubject: true,
    });
    const sample = (): SeedSample => ({
      index: i,
      email: r.email,
      phone: r.phone || null,
      firstName: r.firstName,
      lastToken: nameTokens(r.lastName).at(-1)!,
      postcode: r.postcode,
      city: r.city,
    });
    if (i % step === Math.floor(step / 2) && samples.length < want) samples.push(sample());
    if (r.city === opts.branchPlace && i % branchStep === 0 && branchSamples.length < want) {
      branchSamples.push(sample());
    }
    i++;
    if (pending.length >= batch) await flush();
  }
  if (pending.length) await flush();
  const seconds = (nowMs() - t0) / 1000;
  return { rows: done, seconds, rowsPerSec: done / seconds, samples, branchSamples, branches };
}
