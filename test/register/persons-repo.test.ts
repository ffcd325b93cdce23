/**
 * The register's storage contract on both engines, as the imports use it: `insertMany` across chunk
 * boundaries returns ids in input order, assigns the branch from the postcode in SQL (narrowest range),
 * stores the art 14 deadline, and memberships go in bulk (R-02: encrypted). Search within a
 * candidate or area scope and keyset pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewPerson } from '../../src/domain/persons/types.js';
import { branchesRepo } from '../../src/storage/branches-repo.js';
import { engines, testKernel } from '../support/engines.js';

const NOW = new Date('2026-03-01T12:00:00Z');

const person = (i: number, p: Partial<NewPerson> = {}): NewPerson => ({
  firstName: `Proef${i}`,
  infix: null,
  lastName: 'Bulk',
  email: `bulk.${i}@voorbeeld.invalid`,
  phone: null,
  street: null,
  houseNumber: null,
  postcode: `${1000 + (i % 3000)} AB`,
  city: null,
  birthDate: null,
  ageBand: null,
  language: 'nl',
  candidateIds: [],
  provenance: {
    datasetId: null,
    sourceKind: 'MEMBER_ADMIN',
    channel: 'import',
    collectedAt: NOW,
    collectedBy: 'import:test',
  },
  obtainedFromSubject: true,
  ...p,
});

describe.each(engines())('persons repository on %s', (engine) => {
  let t: Awaited<ReturnType<typeof testKernel>>;
  let ids: string[];
  let wide: string;
  let narrow: string;
  let candidate: string;

  beforeAll(async () => {
    t = await testKernel(engine, { now: () => NOW });
    const k = t.kernel;
    await k.db.transaction(async (tx) => {
      wide = await branchesRepo.insert(tx, { name: 'Provincie', postcodeFrom: 1000, postcodeTo: 3999 }, NOW);
      narrow = await branchesRepo.insert(tx, { name: 'Stad', postcodeFrom: 1000, postcodeTo: 1099 }, NOW);
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO candidates (display_name_enc, created_at) VALUES ($1, $2) RETURNING id`,
        [k.keyring.encrypt('Kandidaat', 'candidates.display_name'), NOW],
      );
      candidate = rows[0]!.id;
    });
    const input = Array.from({ length: 2500 }, (_, i) =>
      person(i, {
        candidateIds: i % 500 === 0 ? [candidate] : [],
        obtainedFromSubject: i % 2 === 0,
        postcode: i === 7 ? null : `${1000 + (i % 3000)} AB`,
      }),
    );
    ids = await k.db.transaction((tx) => k.persons.insertMany(tx, input, NOW));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('insertMany returns one id per input row, in input order, across chunks', async () => {
    expect(ids).toHaveLength(2500);
    expect(new Set(ids).size).toBe(2500);
    for (const i of [0, 1, 1999, 2000, 2001, 2499]) {
      expect((await t.kernel.persons.findById(t.kernel.db, ids[i]!))!.email).toBe(
        `bulk.${i}@voorbeeld.invalid`,
      );
    }
  });

  it('the branch follows from the postcode, narrowest range first; none without a postcode or range', async () => {
    const branchOf = async (i: number) => (await t.kernel.persons.findById(t.kernel.db, ids[i]!))!.branchId;
    expect(await branchOf(50)).toBe(narrow); // 1050
    expect(await branchOf(150)).toBe(wide); // 1150
    expect(await branchOf(7)).toBeNull(); // no postcode
  });

  it('R-55: data not obtained from the person get the art 14 deadline one month after collection', async () => {
    const a = await t.kernel.persons.findById(t.kernel.db, ids[1]!);
    const b = await t.kernel.persons.findById(t.kernel.db, ids[2]!);
    expect(a!.art14DueAt!.toISOString()).toBe('2026-04-01T11:00:00.000Z'); // 13:00 Dutch time, summer time then
    expect(b!.art14DueAt).toBeNull();
  });

  it('R-02: memberships go in bulk, encrypted, ids in input order', async () => {
    const k = t.kernel;
    const prov = person(0).provenance;
    const mids = await k.db.transaction((tx) =>
      k.persons.memberships.insertMany(
        tx,
        ids.slice(0, 3).map((personId, j) => ({
          personId,
          status: 'active' as const,
          since: `201${j}-01-01`,
          until: null,
          branchId: narrow,
          provenance: prov,
        })),
        NOW,
      ),
    );
    const { rows } = await k.db.query<{ id: string; since_enc: string }>(
      'SELECT id::text AS id, since_enc FROM memberships WHERE id = ANY ($1::uuid[])',
      [mids],
    );
    expect(rows.every((r) => r.since_enc.startsWith('kk1:'))).toBe(true);
    const m = await k.persons.memberships.forPerson(k.db, ids[2]!);
    expect(m).toEqual([
      expect.objectContaining({ id: mids[2], since: '2012-01-01', status: 'active', branchId: narrow }),
    ]);
  });

  it('R-63: search within a candidate scope and an area scope, in keyset pages', async () => {
    const k = t.kernel;
    const byCandidate = await k.persons.search(
      k.db,
      [{ branchId: null, area: null, candidateId: candidate }],
      null,
      { branchId: null },
      null,
      100,
    );
    expect(new Set(byCandidate.map((p) => p.firstName))).toEqual(
      new Set(['Proef0', 'Proef500', 'Proef1000', 'Proef1500', 'Proef2000']),
    );
    const area = [{ branchId: null, area: { from: 1000, to: 1001 }, candidateId: null }];
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await k.persons.search(k.db, area, null, { branchId: null }, after, 1);
      if (page.length === 0) break;
      seen.push(page[0]!.id);
      after = page[0]!.id;
    }
    expect(seen).toEqual([...seen].sort());
    expect(seen.length).toBe(2); // 1000 AB and 1001 AB (i = 0, 1; i = 3000 is beyond the input)
  });
});
