/**
 * The export file (C5): only the columns the activity's channel needs (data minimisation, R-11), as
 * Dutch Excel opens it: UTF-8 with a byte-order mark, `;` between fields, CRLF between lines. A field that
 * a spreadsheet would take for a formula (starting with = + - @ or a tab) is prefixed with an apostrophe.
 */
import type { ProcessingChannel } from '../gate/types.js';

export const EXPORT_COLUMNS = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'postcode',
  'city',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export type ExportPerson = Record<ExportColumn, string | null>;

const HEADERS: Record<ExportColumn, string> = {
  firstName: 'Voornaam',
  infix: 'Tussenvoegsel',
  lastName: 'Achternaam',
  email: 'E-mail',
  phone: 'Telefoon',
  street: 'Straat',
  houseNumber: 'Huisnummer',
  postcode: 'Postcode',
  city: 'Plaats',
};

const NAME: ExportColumn[] = ['firstName', 'infix', 'lastName'];
const ADDRESS: ExportColumn[] = ['street', 'houseNumber', 'postcode', 'city'];

/** The columns an activity on this channel needs, and the one a person must have to be included. */
export function columnsFor(channel: ProcessingChannel): {
  columns: ExportColumn[];
  required: ExportColumn | null;
} {
  switch (channel) {
    case 'EMAIL':
      return { columns: [...NAME, 'email'], required: 'email' };
    case 'SMS':
    case 'WHATSAPP':
    case 'PHONE':
      return { columns: [...NAME, 'phone'], required: 'phone' };
    case 'POST':
    case 'DOOR':
      return { columns: [...NAME, ...ADDRESS], required: 'postcode' };
    default:
      return { columns: [...NAME, 'postcode'], required: null };
  }
}

export const BOM = '\uFEFF';

export function csvField(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function toCsv(columns: readonly ExportColumn[], persons: readonly ExportPerson[]): string {
  const lines = [columns.map((c) => csvField(HEADERS[c])).join(';')];
  for (const p of persons) lines.push(columns.map((c) => csvField(p[c])).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The normalised e-mail a platform hashes: trimmed and lower case; null when there is none. */
export function normaliseEmailForHash(email: string | null): string | null {
  const e = email?.trim().toLowerCase() ?? '';
  return e === '' ? null : e;
}

/** Count each code once per person that carries it. */
export function tally(into: Record<string, number>, codes: readonly string[]): void {
  for (const c of new Set(codes)) into[c] = (into[c] ?? 0) + 1;
}
