/**
 * Per-row validation of an import (C3, R-43): every problem of a row, each as { row, column, rule, code }
 * and never the cell's value. The contact fields go through the register's `validateContact` (the one
 * rule set for the register, forms and imports); membership and 9(2)(e) evidence columns are checked
 * here. Every cell, mapped or not, is checked for a citizen service number: a row with one is rejected
 * with BSN_NOT_ALLOWED and the number goes no further.
 */
import { containsBsn } from '../bsn.js';
import type { Code } from '../codes.js';
import type { Membership, PersonContact } from '../persons/types.js';
import {
  type ContactInput,
  type ContactInputField,
  dutchDate,
  parseDate,
  validateContact,
} from '../persons/validate-contact.js';
import { type ImportField, normalizeHeader } from './fields.js';
import type { ImportPlan } from './mapping.js';

export interface RowError {
  /** The row's line (CSV) or row number (XLSX) in the file, 1-based, the header being row 1. */
  row: number;
  /** The column's name in the file; null for a problem of the whole row. */
  column: string | null;
  /** Stable, machine-readable rule, e.g. `email.syntax`, `bsn.found`, `row.column_count`. */
  rule: string;
  code: Code;
  /** For SUPPRESSED_CONTACT: the entry's decision reason (ERASED_SUBJECT, OBJECTED). */
  reason?: Code | null;
}

export type ImportedMembership = Omit<Membership, 'id'>;

export interface ValidRow {
  contact: PersonContact;
  membership: ImportedMembership | null;
  publicEvidenceUrl: string | null;
}

export interface RowContext {
  now: Date;
  /** Branches by normalised name (normalizeHeader) → id, for an `afdeling` column. */
  branches: ReadonlyMap<string, string>;
  /** Public sources with political columns: every row must link its 9(2)(e) evidence. */
  evidenceRequired: boolean;
}

const CONTACT_FIELDS: readonly ContactInputField[] = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'birthDate',
  'ageBand',
  'language',
];

const STATUS_WORDS: Record<string, ImportedMembership['status'] | 'none'> = {
  actief: 'active',
  active: 'active',
  lid: 'active',
  ja: 'active',
  yes: 'active',
  member: 'active',
  geschorst: 'suspended',
  suspended: 'suspended',
  opgezegd: 'ended',
  beeindigd: 'ended',
  ended: 'ended',
  'oud lid': 'ended',
  'ex lid': 'ended',
  'former member': 'ended',
  former: 'ended',
  nee: 'none',
  no: 'none',
  geen: 'none',
  none: 'none',
  'niet lid': 'none',
  'geen lid': 'none',
  'non member': 'none',
};

const URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** Validate one row against the plan; `cells` are the row's values by column position. */
export function validateImportRow(
  plan: ImportPlan,
  cells: readonly string[],
  row: number,
  ctx: RowContext,
): { value: ValidRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const { headers, index } = plan;
  const fail = (field: ImportField | null, rule: string, code: Code, column?: string | null) => {
    const col =
      column !== undefined
        ? column
        : field !== null && index[field] !== undefined
          ? headers[index[field]!]!
          : null;
    if (!errors.some((e) => e.column === col && e.rule === rule))
      errors.push({ row, column: col, rule, code });
  };

  // The row's shape: every column named in the header, extra cells only when empty (a trailing ";").
  if (cells.length < headers.length || cells.slice(headers.length).some((c) => c.trim() !== '')) {
    fail(null, 'row.column_count', 'VALIDATION_FAILED', null);
  }
  // a BSN anywhere in the row rejects the row; the column is named, the value never.
  cells.forEach((c, i) => {
    if (containsBsn(c)) fail(null, 'bsn.found', 'BSN_NOT_ALLOWED', headers[i] ?? `#${i + 1}`);
  });
  const cell = (f: ImportField): string | null => {
    const i = index[f];
    if (i === undefined) return null;
    const v = (cells[i] ?? '').trim();
    return v === '' ? null : v;
  };

  const input: ContactInput = {};
  for (const f of CONTACT_FIELDS) input[f] = cell(f);
  const contact = validateContact(input, ctx.now);
  for (const e of contact.errors) {
    const field = (
      e.field === 'firstName' && e.rule === 'name.required'
        ? index.firstName !== undefined
          ? 'firstName'
          : 'lastName'
        : e.field
    ) as ImportField;
    fail(field, e.rule, e.code);
  }

  const membership = validateMembership(cell, ctx, (f, rule) => fail(f, rule, 'IMPORT_FIELD_INVALID'));

  let publicEvidenceUrl: string | null = null;
  if (index.publicEvidenceUrl !== undefined || ctx.evidenceRequired) {
    const v = cell('publicEvidenceUrl');
    if (v === null) {
      if (ctx.evidenceRequired)
        fail('publicEvidenceUrl', 'publicEvidenceUrl.required', 'NOT_MANIFESTLY_PUBLIC');
    } else if (!URL.test(v) || v.length > 2048) {
      fail('publicEvidenceUrl', 'publicEvidenceUrl.format', 'IMPORT_FIELD_INVALID');
    } else publicEvidenceUrl = v;
  }

  if (errors.length > 0 || contact.value === null) return { value: null, errors };
  return { value: { contact: contact.value, membership, publicEvidenceUrl }, errors };
}

function validateMembership(
  cell: (f: ImportField) => string | null,
  ctx: RowContext,
  fail: (f: ImportField, rule: string) => void,
): ImportedMembership | null {
  const rawSince = cell('memberSince');
  const rawUntil = cell('memberUntil');
  const rawStatus = cell('membershipStatus');
  const rawBranch = cell('branch');
  const today = dutchDate(ctx.now);

  let status: ImportedMembership['status'] | 'none' | null = null;
  if (rawStatus !== null) {
    status = STATUS_WORDS[normalizeHeader(rawStatus)] ?? null;
    if (status === null) {
      fail('membershipStatus', 'membershipStatus.unknown');
      return null;
    }
  }
  if (status === 'none') {
    if (rawSince !== null || rawUntil !== null)
      fail('membershipStatus', 'membershipStatus.contradicts_dates');
    return null;
  }
  if (rawSince === null) {
    if (rawUntil !== null || rawStatus !== null || rawBranch !== null)
      fail('memberSince', 'memberSince.required');
    return null;
  }
  const date = (f: 'memberSince' | 'memberUntil', raw: string): string | null => {
    const r = parseDate(raw);
    if (!r.ok) {
      fail(f, r.rule.replace('date.', `${f}.`));
      return null;
    }
    if (r.value > today) {
      fail(f, `${f}.future`);
      return null;
    }
    return r.value;
  };
  const since = date('memberSince', rawSince);
  const until = rawUntil === null ? null : date('memberUntil', rawUntil);
  if (since !== null && until !== null && until < since) fail('memberUntil', 'memberUntil.before_since');

  let branchId: string | null = null;
  if (rawBranch !== null) {
    branchId = ctx.branches.get(normalizeHeader(rawBranch)) ?? null;
    if (branchId === null) fail('branch', 'branch.unknown');
  }
  if (since === null) return null;
  return { status: status ?? (until !== null ? 'ended' : 'active'), since, until, branchId };
}
