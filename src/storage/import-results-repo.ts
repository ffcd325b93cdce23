/**
 * Row results of imports (the downloadable report): row, column, rule, code and the decision reason —
 * never a cell's value. Written in the chunk's transaction; read back in keyset pages.
 */
import type { Code } from '../domain/codes.js';
import type { RowError } from '../domain/imports/rows.js';
import type { Queryable } from './db.js';

export interface RowResult {
  row: number;
  column: string | null;
  rule: string;
  code: Code;
  reason: Code | null;
}

export const importResultsRepo = {
  /** Insert a chunk's row problems (several per row get their order within the row). */
  async insertMany(tx: Queryable, jobId: string, errors: readonly RowError[]): Promise<void> {
    if (errors.length === 0) return;
    const ord = new Map<number, number>();
    for (let i = 0; i < errors.length; i += 5000) {
      const chunk = errors.slice(i, i + 5000);
      const rows: number[] = [];
      const ords: number[] = [];
      const cols: (string | null)[] = [];
      const rules: string[] = [];
      const codes: string[] = [];
      const reasons: (string | null)[] = [];
      for (const e of chunk) {
        const n = ord.get(e.row) ?? 0;
        ord.set(e.row, n + 1);
        rows.push(e.row);
        ords.push(n);
        cols.push(e.column);
        rules.push(e.rule);
        codes.push(e.code);
        reasons.push(e.reason ?? null);
      }
      await tx.query(
        `INSERT INTO import_row_results (job_id, row_no, ord, column_name, rule, code, reason)
         SELECT $1, t.row_no, t.ord, t.column_name, t.rule, t.code, t.reason
           FROM unnest($2::int[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::text[])
             AS t(row_no, ord, column_name, rule, code, reason)`,
        [jobId, rows, ords, cols, rules, codes, reasons],
      );
    }
  },

  /** A page of results after (row, ord), in file order. */
  async page(
    tx: Queryable,
    jobId: string,
    after: { row: number; ord: number } | null,
    limit: number,
  ): Promise<(RowResult & { ord: number })[]> {
    const { rows } = await tx.query<{
      row_no: number;
      ord: number;
      column_name: string | null;
      rule: string;
      code: Code;
      reason: Code | null;
    }>(
      `SELECT row_no, ord, column_name, rule, code, reason FROM import_row_results
        WHERE job_id = $1 ${after ? 'AND (row_no, ord) > ($3, $4)' : ''}
        ORDER BY row_no, ord LIMIT $2`,
      after ? [jobId, limit, after.row, after.ord] : [jobId, limit],
    );
    return rows.map((r) => ({
      row: r.row_no,
      ord: r.ord,
      column: r.column_name,
      rule: r.rule,
      code: r.code,
      reason: r.reason,
    }));
  },

  async count(tx: Queryable, jobId: string): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM import_row_results WHERE job_id = $1',
      [jobId],
    );
    return rows[0]?.n ?? 0;
  },

  /**
   * Which of these persons this import inserted itself (a duplicate of them is a duplicate within the
   * file, not of the register). Reads only the provenance column `collected_by`.
   */
  async insertedBy(tx: Queryable, personIds: readonly string[], collectedBy: string): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const { rows } = await tx.query<{ id: string }>(
      'SELECT id FROM persons WHERE id = ANY ($1::uuid[]) AND collected_by = $2',
      [personIds, collectedBy],
    );
    return new Set(rows.map((r) => r.id));
  },
};
