import { ApiError } from '../../api';

/** The server's field problems (400 VALIDATION_FAILED, details.fields) by field name, in the UI language. */
export function fieldErrors(error: unknown, rules: Record<string, string>): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const details = error.details as
    | { fields?: { field: string; rule?: string; problem?: string }[] }
    | undefined;
  const out: Record<string, string> = {};
  for (const f of details?.fields ?? []) {
    out[f.field] = (f.rule && rules[f.rule]) || f.problem || f.rule || error.message;
  }
  return out;
}
