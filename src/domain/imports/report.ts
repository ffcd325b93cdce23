/**
 * The downloadable row report of an import: one line per problem (row, column, rule, code, reason and
 * the plain message), never a cell's value. Semicolon-separated with a UTF-8 BOM, as Dutch spreadsheet
 * programs open it; text that a spreadsheet would run as a formula is prefixed with a quote.
 */
import { type Code, type Locale, messageFor } from '../codes.js';

export interface ReportLine {
  row: number;
  column: string | null;
  rule: string;
  code: Code;
  reason: Code | null;
}

const HEADERS: Record<Locale, string[]> = {
  nl: ['rij', 'kolom', 'regel', 'code', 'reden', 'melding'],
  en: ['row', 'column', 'rule', 'code', 'reason', 'message'],
};

export const REPORT_BOM = '\uFEFF';

/** One CSV field: quoted when needed; a leading = + - @ (or tab/CR) is neutralised against formulas. */
export function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportHeader(locale: Locale): string {
  return `${HEADERS[locale].join(';')}\r\n`;
}

export function reportLine(l: ReportLine, locale: Locale): string {
  const message = messageFor(l.reason ?? l.code, locale);
  return `${[String(l.row), l.column ?? '', l.rule, l.code, l.reason ?? '', message].map(csvField).join(';')}\r\n`;
}
