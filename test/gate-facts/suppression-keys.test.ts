/**
 * The persons' suppression keys (migration 011, docs/adr/0010) on both engines: written by the persons
 * repository with the contact data (create and update), equal to the suppression list's own hashes, so an
 * audience evaluation matches the list without decrypting any address (R-58); rows from before the
 * migration (NULL) still match (the reader hashes them) and the start-up backfill fills them. Also: a
 * stream stopped early closes its cursors, and the e-mail address is still there when read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/actor.js';
import type { Queryable } from '../../src/storage/db.js';
import { backfillSuppressionKeys } from '../../src/usecases/gate/backfill-suppression-keys.js';
import { type GateSubject, streamGateSubjects } from '../../src/usecases/gate/subjects.js';
import { createPerson } from '../../src/usecases/persons/create-person.js';
import { updatePersonContact } from '../../src/usecases/persons/update-person-contact.js';
import { actorOf } from '../consent/fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

describe.each(engines())('suppression keys of persons on %s', (engine) => {
  let t: TestApp;
  let admin: Actor;
  const ids: string[] = [];
  const contact = (first: string, n: number) => ({
    firstName: first,
    lastName: 'Sleuteltest',
    email: `${first.toLowerCase()}.sleuteltest@voorbeeld.invalid`,
    phone: `06-1234${String(7700 + n)}`,
    postcode: '1017 XQ',
    language: 'nl',
  });
  const keysOf = async (id: string) =>
    (
      await t.kernel.db.query<{ k: string[] | null }>(
        'SELECT suppress_keys AS k FROM persons WHERE id = $1',
        [id],
      )
    ).rows[0]!.k;
  const expected = (c: { email: string; phone: string }) =>
    t.kernel.suppression.hashes({ email: c.email, phone: c.phone }).map((h) => h.hash);
  const stream = async (batch = 2): Promise<Map<string, GateSubject>> => {
    const out = new Map<string, GateSubject>();
    await t.kernel.db.transaction(async (tx) => {
      for await (const b of streamGateSubjects(
        t.kernel,
        tx,
        { scope: { all: true }, personIds: ids },
        t.clock.now(),
        batch,
      )) {
        for (const s of b) out.set(s.personId, s);
      }
    });
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await actorOf(t, 'beheer');
    for (const [i, first] of ['Sanne', 'Tom', 'Umay'].entries()) {
      const p = await createPerson(t.kernel, admin, {
        contact: contact(first, i),
        candidateIds: [],
        obtainedFromSubject: true,
        sourceKind: 'DATA_SUBJECT',
        datasetId: null,
      });
      ids.push(p.id);
    }
    // Tom objected to direct marketing: the list holds his e-mail's keyed hash.
    await t.kernel.db.transaction((tx) =>
      t.kernel.suppression.add(tx, { email: contact('Tom', 1).email }, 'OBJECTION_DM', null, t.clock.now()),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-58: the repository stores the suppression list hashes of e-mail and phone, on create and on update', async () => {
    expect(await keysOf(ids[0]!)).toEqual(expected(contact('Sanne', 0)));
    const changed = { ...contact('Sanne', 0), email: 'sanne.nieuw@voorbeeld.invalid' };
    await updatePersonContact(t.kernel, admin, ids[0]!, changed);
    expect(await keysOf(ids[0]!)).toEqual(expected(changed));
    expect(await keysOf(ids[0]!)).not.toEqual(expected(contact('Sanne', 0)));
  });

  it('R-58: an evaluation matches the suppression list on the stored keys; the e-mail is decrypted on reading', async () => {
    const m = await stream();
    expect(m.get(ids[1]!)!.facts.suppressed).toEqual(['OBJECTION_DM']);
    expect(m.get(ids[2]!)!.facts.suppressed).toEqual([]);
    expect(m.get(ids[1]!)!.email).toBe(contact('Tom', 1).email);
  });

  it('R-58: a row from before migration 011 still matches, and the start-up backfill fills its keys', async () => {
    await t.kernel.db.query('UPDATE persons SET suppress_keys = NULL WHERE id = ANY ($1::uuid[])', [ids]);
    const m = await stream(1);
    expect(m.get(ids[1]!)!.facts.suppressed).toEqual(['OBJECTION_DM']);
    expect(m.get(ids[2]!)!.facts.suppressed).toEqual([]);
    expect(await backfillSuppressionKeys(t.kernel, 2)).toBeGreaterThanOrEqual(3);
    expect(await keysOf(ids[1]!)).toEqual(expected(contact('Tom', 1)));
    expect(await keysOf(ids[2]!)).toEqual(expected(contact('Umay', 2)));
    expect(await backfillSuppressionKeys(t.kernel)).toBe(0);
  });

  const open = async (tx: Queryable) =>
    (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_cursors WHERE name LIKE 'gate\\_%'"))
      .rows[0]!.n;

  it('a stream stopped after its first batch closes its cursors inside the transaction', async () => {
    const left = await t.kernel.db.transaction(async (tx) => {
      for await (const b of streamGateSubjects(
        t.kernel,
        tx,
        { scope: { all: true }, personIds: ids },
        t.clock.now(),
        1,
      )) {
        expect(b).toHaveLength(1);
        expect(await open(tx)).toBe(3); // persons, memberships, consent records
        break;
      }
      return open(tx);
    });
    expect(left).toBe(0);
  });
});
