/**
 * Column mappings: which column of the file fills which field. A mapping is keyed by column name, so a
 * saved mapping applies to the next file with the same columns. The validator reports every problem,
 * each naming the column (or field) and the rule.
 */
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './fields.js';

export interface MappingProblem {
  /** The column concerned, or the field when the problem is a missing field. */
  column: string | null;
  field: ImportField | null;
  rule: string;
}

/** Column indexes of the mapped fields, resolved once per file. */
export interface ImportPlan {
  headers: readonly string[];
  index: Partial<Record<ImportField, number>>;
}

const isField = (v: unknown): v is ImportField =>
  typeof v === 'string' && (IMPORT_FIELDS as readonly string[]).includes(v);

/** A (saved) mapping restricted to the columns this file has; columns it does not name are not imported. */
export function applyMapping(headers: readonly string[], mapping: ImportMapping): ImportMapping {
  const out: ImportMapping = {};
  for (const h of headers) out[h] = Object.hasOwn(mapping, h) ? (mapping[h] ?? null) : null;
  return out;
}

/** Every problem of a mapping for a file with these columns; empty when it can be used. */
export function validateMapping(headers: readonly string[], mapping: ImportMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const headerSet = new Set(headers);
  const used = new Map<ImportField, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!headerSet.has(column)) {
      problems.push({ column, field: null, rule: 'mapping.unknown_column' });
      continue;
    }
    if (field === null) continue;
    if (!isField(field)) {
      problems.push({ column, field: null, rule: 'mapping.unknown_field' });
      continue;
    }
    const earlier = used.get(field);
    if (earlier !== undefined) problems.push({ column, field, rule: 'mapping.field_twice' });
    else used.set(field, column);
  }
  const has = (f: ImportField) => used.has(f);
  if (!has('firstName') && !has('lastName')) {
    problems.push({ column: null, field: 'lastName', rule: 'mapping.name_required' });
  }
  if (has('houseNumberAddition') && !has('houseNumber')) {
    problems.push({ column: null, field: 'houseNumber', rule: 'mapping.addition_without_number' });
  }
  if ((has('memberUntil') || has('membershipStatus') || has('branch')) && !has('memberSince')) {
    problems.push({ column: null, field: 'memberSince', rule: 'mapping.member_since_required' });
  }
  return problems;
}

export function planImport(headers: readonly string[], mapping: ImportMapping): ImportPlan {
  const index: Partial<Record<ImportField, number>> = {};
  headers.forEach((h, i) => {
    const f = mapping[h];
    if (f && isField(f) && index[f] === undefined) index[f] = i;
  });
  return { headers, index };
}

/** The mapping as column facts for the gate. */
export function mappedColumns(headers: readonly string[], mapping: ImportMapping) {
  return headers.map((header) => ({ header, field: mapping[header] ?? null }));
}
