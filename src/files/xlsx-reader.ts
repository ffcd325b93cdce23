/**
 * Streaming XLSX rows with exceljs's WorkbookReader: the first worksheet, one row at a time, each with its
 * 1-based row number. Cell values become text: dates as ISO dates (YYYY-MM-DD), formulas as their
 * result, links and rich text as their text. Memory: rows stream, but an XLSX keeps its text in one
 * shared-strings table that the reader holds in memory, so very large imports should use CSV (see
 * MAX_XLSX_BYTES). When a workbook stores the sheet before its shared strings, exceljs spools the raw
 * sheet XML (string indexes and numbers) to a temporary file that it deletes right after.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../domain/codes.js';

/** XLSX files larger than this are refused: use CSV for big imports (the shared strings live in memory). */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;

export interface XlsxRow {
  row: number;
  cells: string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text of one cell value as exceljs gives it. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const midnight = v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0;
    return midnight
      ? date
      : `${date}T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('error' in o) return '';
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('formula' in o || 'sharedFormula' in o) return '';
  }
  return String(v);
}

/** Rows of the first worksheet; fully empty rows are skipped. The input is consumed. */
export async function* readXlsx(input: Readable): AsyncGenerator<XlsxRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const values = (row.values as unknown[]) ?? [];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
        if (cells.every((c) => c === '')) continue;
        yield { row: row.number, cells };
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // The library's message is not passed on: it could quote the workbook's contents.
    throw new DomainError('XLSX_UNREADABLE', {});
  } finally {
    input.destroy();
  }
  if (!sawSheet) throw new DomainError('XLSX_UNREADABLE', { problem: 'no worksheet found' });
}
