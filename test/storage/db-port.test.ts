/** The Db port answers the same on both engines: rowCount as pg reports it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testKernel } from '../support/engines.js';

describe.each(engines())('Db port (%s)', (engine) => {
  let t: Awaited<ReturnType<typeof testKernel>>;
  beforeAll(async () => {
    t = await testKernel(engine);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('rowCount is the rows a SELECT returned and the rows a DML statement touched', async () => {
    // One transaction: one connection, so the temporary table is visible to every statement.
    await t.kernel.db.transaction(async (db) => {
      await db.query('CREATE TEMP TABLE rc (n int) ON COMMIT DROP');
      expect((await db.query('INSERT INTO rc VALUES (1), (2), (3)')).rowCount).toBe(3);
      expect((await db.query('SELECT n FROM rc WHERE n > 1')).rowCount).toBe(2);
      expect((await db.query('SELECT n FROM rc WHERE n > 5')).rowCount).toBe(0);
      expect((await db.query('UPDATE rc SET n = n + 10 WHERE n < 3')).rowCount).toBe(2);
      expect((await db.query('UPDATE rc SET n = n WHERE n > 10 RETURNING n')).rowCount).toBe(2);
      expect((await db.query('DELETE FROM rc')).rowCount).toBe(3);
    });
  });
});
