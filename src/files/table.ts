/**
 * One way to read an import file, CSV or XLSX: sniff the format from the first bytes, read and check the
 * header row (present, named, unique, more than one column in a CSV), then stream the data rows with
 * their 1-based line (CSV) or row (XLSX) number in bounded memory.
 */
import type { Readable } from 'node:stream';
import { DomainError } from '../domain/codes.js';
import { readCsv } from './csv-reader.js';
import type { TextEncoding } from './decode.js';
import { readXlsx } from './xlsx-reader.js';

export type FileFormat = 'csv' | 'xlsx';

export const MAX_COLUMNS = 200;
export const MAX_HEADER_CHARS = 200;

export interface TableRow {
  /** Line (CSV, where the record starts) or row (XLSX) number in the file, 1-based; the header is 1. */
  row: number;
  cells: string[];
}

export interface Table {
  format: FileFormat;
  headers: string[];
  /** CSV only: the encoding and delimiter found (the encoding may still be null if all is ASCII so far). */
  encoding(): TextEncoding | null;
  delimiter(): string | null;
  rows: AsyncGenerator<TableRow>;
}

/**
 * The format of a file from its first bytes: a ZIP is taken for XLSX (checked when read); OLE (old .xls,
 * or an encrypted .xlsx), PDF and other binary files are not supported; text is CSV.
 */
export function sniffFormat(head: Buffer): FileFormat {
  if (head.length === 0) throw new DomainError('IMPORT_FILE_EMPTY');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  const pdf = head.subarray(0, 4).toString('latin1') === '%PDF';
  if (ole || pdf || (!utf16 && head.includes(0))) {
    throw new DomainError('IMPORT_FILE_UNSUPPORTED', {
      detected: ole ? 'xls-or-encrypted' : pdf ? 'pdf' : 'binary',
    });
  }
  return 'csv';
}

const DATA_LIKE = [
  /@/, // an e-mail address
  /^[0-9]{4}\s?[A-Za-z]{2}$/, // a postcode
  /^[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}$/, // a date
  /^\+?[0-9][0-9\s-]{6,}$/, // a number
];

/** Check the header row; returns the column names (trailing unnamed empty columns dropped). */
export function checkHeaders(raw: readonly string[], format: FileFormat, line: number): string[] {
  const headers = raw.map((h) => h.replace(/^\uFEFF/, '').trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0) throw new DomainError('IMPORT_HEADER_MISSING', { line });
  if (headers.length > MAX_COLUMNS) {
    throw new DomainError('IMPORT_TOO_MANY_COLUMNS', { line, columns: headers.length, max: MAX_COLUMNS });
  }
  if (format === 'csv' && headers.length === 1) throw new DomainError('CSV_ONE_COLUMN', { line });
  const dataLike = headers.filter((h) => DATA_LIKE.some((re) => re.test(h)));
  if (dataLike.length > 0) throw new DomainError('IMPORT_HEADER_MISSING', { line, columns: dataLike.length });
  const empty = headers.indexOf('');
  if (empty !== -1) throw new DomainError('IMPORT_HEADER_EMPTY', { line, column: empty + 1 });
  const long = headers.findIndex((h) => [...h].length > MAX_HEADER_CHARS);
  if (long !== -1) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [
        {
          field: `column ${long + 1}`,
          rule: 'header.too_long',
          problem: `at most ${MAX_HEADER_CHARS} characters`,
        },
      ],
    });
  }
  const seen = new Map<string, number>();
  for (const [i, h] of headers.entries()) {
    const key = h.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new DomainError('IMPORT_HEADER_DUPLICATE', { line, column: h, positions: [first + 1, i + 1] });
    }
    seen.set(key, i);
  }
  return headers;
}

/** Open a table: reads the header row, then `rows` streams the rest. The input is consumed. */
export async function openTable(
  input: Readable,
  format: FileFormat,
  opts: { encoding?: TextEncoding | null; delimiter?: string | null } = {},
): Promise<Table> {
  let rows: AsyncGenerator<TableRow>;
  let encoding: () => TextEncoding | null = () => null;
  let delimiter: () => string | null = () => null;
  if (format === 'csv') {
    const csv = readCsv(input, opts);
    encoding = csv.encoding;
    delimiter = csv.delimiter;
    rows = (async function* () {
      for await (const r of csv.records()) yield { row: r.line, cells: r.cells };
    })();
  } else {
    rows = readXlsx(input);
  }
  const first = await rows.next();
  if (first.done) throw new DomainError('IMPORT_FILE_EMPTY');
  let headers: string[];
  try {
    headers = checkHeaders(first.value.cells, format, first.value.row);
  } catch (e) {
    await rows.return(undefined);
    throw e;
  }
  return { format, headers, encoding, delimiter, rows };
}
