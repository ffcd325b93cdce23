/**
 * The WHERE parts of person search: the actor's scope and the query, each an index lookup (branch,
 * postcode area, candidates by GIN; e-mail, phone, postcode and name tokens by keyed blind index).
 * Parameters are appended to `params`.
 */
import type { ScopeFilter } from '../domain/access/policies.js';
import { postcodeKey, type SearchQuery } from '../domain/persons/search.js';
import { type Keyring, normalizeEmail, normalizePhone } from './crypto/keyring.js';

/** Turn a scope into a WHERE clause; parameters are appended to `params`. */
export function scopeSql(alternatives: ScopeFilter[], params: unknown[]): string {
  if (alternatives.length === 0) return 'false';
  return `(${alternatives
    .map((a) => {
      const parts: string[] = [];
      if (a.branchId !== null) {
        params.push(a.branchId);
        parts.push(`p.branch_id = $${params.length}`);
      }
      if (a.area !== null) {
        params.push(a.area.from, a.area.to);
        parts.push(`p.postcode_area BETWEEN $${params.length - 1} AND $${params.length}`);
      }
      if (a.candidateId !== null) {
        params.push([a.candidateId]);
        parts.push(`p.candidate_ids @> $${params.length}::uuid[]`);
      }
      return parts.length ? `(${parts.join(' AND ')})` : 'false';
    })
    .join(' OR ')})`;
}

/** The condition for a search query; never decrypts (blind indexes and clear postcode digits). */
export function querySql(k: Keyring, q: SearchQuery, params: unknown[]): string {
  switch (q.kind) {
    case 'email':
      params.push(k.blindIndex('email', normalizeEmail(q.value)));
      return `p.email_bidx = $${params.length}`;
    case 'phone':
      params.push(k.blindIndex('phone', normalizePhone(q.value)));
      return `p.phone_bidx = $${params.length}`;
    case 'postcode':
      params.push(k.blindIndex('postcode', postcodeKey(q.value)));
      return `p.postcode_bidx = $${params.length}`;
    case 'postcode_area':
      params.push(q.digits);
      return `p.postcode_area = $${params.length}`;
    case 'name':
      params.push(q.tokens.map((t) => k.blindIndex('name', t)));
      return `p.name_bidx @> $${params.length}::text[]`;
  }
}
