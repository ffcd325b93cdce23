/**
 * The SQL prefilter of an audience evaluation (C5): the conditions that need no decryption — the actor's
 * scope as person search applies it, branch, postcode ranges, language, tags held / not held, and "holds a
 * consent record for purpose P" through its keyed blind index. Used by the streaming cursors and by the
 * bare count the benchmark compares against (docs/adr/0010).
 */
import type { ScopeFilter } from '../domain/access/policies.js';
import { scopeSql } from './person-search-sql.js';

/** The prefilter of an audience evaluation: index-backed conditions on clear columns and blind indexes. */
export interface GateFactsFilter {
  /** null: the whole party; otherwise the actor's alternatives as person search applies them. */
  scope: ScopeFilter[] | null;
  branchIds?: string[];
  postcodeRanges?: { from: number; to: number }[];
  languages?: string[];
  tagIdsAll?: string[];
  tagIdsNone?: string[];
  /** Blind indexes of consent purposes: a record (any state) must exist for each. */
  consentPurposeBidx?: string[];
  personIds?: string[];
}

/** The WHERE clause of the prefilter (parameters appended to `params`). */
export function gateFilterSql(f: GateFactsFilter, params: unknown[]): string {
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.scope !== null) where.push(scopeSql(f.scope, params));
  if (f.personIds) where.push(`p.id = ANY (${p(f.personIds)}::uuid[])`);
  if (f.branchIds) where.push(`p.branch_id = ANY (${p(f.branchIds)}::uuid[])`);
  if (f.postcodeRanges) {
    where.push(
      f.postcodeRanges.length === 0
        ? 'false'
        : `(${f.postcodeRanges.map((r) => `p.postcode_area BETWEEN ${p(r.from)} AND ${p(r.to)}`).join(' OR ')})`,
    );
  }
  if (f.languages) where.push(`p.language = ANY (${p(f.languages)}::text[])`);
  for (const t of f.tagIdsAll ?? []) {
    where.push(`EXISTS (SELECT 1 FROM person_attributes a WHERE a.person_id = p.id
      AND a.definition_id = ${p(t)}::uuid AND a.removed_at IS NULL)`);
  }
  if (f.tagIdsNone && f.tagIdsNone.length > 0) {
    where.push(`NOT EXISTS (SELECT 1 FROM person_attributes a WHERE a.person_id = p.id
      AND a.definition_id = ANY (${p(f.tagIdsNone)}::uuid[]) AND a.removed_at IS NULL)`);
  }
  for (const b of f.consentPurposeBidx ?? []) {
    where.push(
      `EXISTS (SELECT 1 FROM consent_records c WHERE c.person_id = p.id AND c.purpose_bidx = ${p(b)})`,
    );
  }
  return where.length ? where.join(' AND ') : 'true';
}
