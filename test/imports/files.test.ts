/**
 * The streaming readers of src/files (C3): encodings, delimiters, line numbers (also for quoted fields
 * over several lines), structural errors naming the line, XLSX, and the encrypted file format at rest.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/codes.js';
import { EncryptedFileError, FileTooLargeError } from '../../src/files/encrypted-file.js';
import { openImportFile, saveImportFile } from '../../src/files/import-files.js';
import { openTable, sniffFormat } from '../../src/files/table.js';

async function read(buf: Buffer, chunk = 7) {
  // Small chunks: every boundary case of the decoder and the parser gets exercised.
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  const t = await openTable(Readable.from(parts), sniffFormat(buf));
  const rows: { row: number; cells: string[] }[] = [];
  for await (const r of t.rows) rows.push(r);
  return { headers: t.headers, rows, encoding: t.encoding(), delimiter: t.delimiter() };
}

async function failure(buf: Buffer): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await read(buf);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, details: e.details ?? {} };
    throw e;
  }
  throw new Error('no error');
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('CSV reader', () => {
  it.each([
    ['UTF-8 with BOM, ;', utf8('\uFEFFvoornaam;achternaam\nÉmile;Zoë\n'), 'utf-8', ';'],
    ['UTF-8 without BOM, ,', utf8('voornaam,achternaam\r\nÉmile,Zoë\r\n'), 'utf-8', ','],
    ['Windows-1252, ;', iconv.encode('voornaam;achternaam\r\nÉmile;Zoë\r\n', 'win1252'), 'windows-1252', ';'],
    [
      'UTF-16 (Excel "Unicode text"), tab',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode('voornaam\tachternaam\r\nÉmile\tZoë\r\n', 'utf16le'),
      ]),
      'utf-16le',
      '\t',
    ],
  ])('%s', async (_name, buf, encoding, delimiter) => {
    const r = await read(buf);
    expect(r.headers).toEqual(['voornaam', 'achternaam']);
    expect(r.rows).toEqual([{ row: 2, cells: ['Émile', 'Zoë'] }]);
    expect(r.encoding).toBe(encoding);
    expect(r.delimiter).toBe(delimiter);
  });

  it('gives each record the line it starts on, across blank lines and quoted line breaks', async () => {
    const r = await read(utf8('a;b\n1;2\n\n"regel\neen";3\n4;"x;y"\n'));
    expect(r.rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 4, cells: ['regel\neen', '3'] },
      { row: 6, cells: ['4', 'x;y'] },
    ]);
  });

  it.each([
    ['a quote that never closes', 'a;b\n1;2\n"3;4\n5;6\n', 'CSV_MALFORMED', 3],
    ['text after a closing quote', 'a;b\n1;2\n"3"x;4\n', 'CSV_MALFORMED', 3],
    ['one column (wrong delimiter)', 'a|b\n1|2\n', 'CSV_ONE_COLUMN', 1],
    ['data where the header should be', 'jan@voorbeeld.invalid;Jansen\n', 'IMPORT_HEADER_MISSING', 1],
    ['a duplicate column name', 'a;b;A\n1;2;3\n', 'IMPORT_HEADER_DUPLICATE', 1],
    ['an empty column name', 'a;;b\n1;2;3\n', 'IMPORT_HEADER_EMPTY', 1],
  ])('%s → %s on line %i', async (_name, text, code, line) => {
    const e = await failure(utf8(text));
    expect(e.code).toBe(code);
    expect(e.details.line).toBe(line);
  });

  it('mixed encodings are refused naming the line, both ways round', async () => {
    const a = await failure(Buffer.concat([utf8('a;b\nÉ;1\n'), iconv.encode('é;2\n', 'win1252')]));
    expect(a).toEqual({ code: 'CSV_ENCODING_INVALID', details: { line: 3, encoding: 'utf-8' } });
    const b = await failure(Buffer.concat([iconv.encode('a;b\né;1\n', 'win1252'), utf8('É;2\n')]));
    expect(b).toEqual({ code: 'CSV_ENCODING_INVALID', details: { line: 3, encoding: 'windows-1252' } });
  });

  it('an empty file, or one with only blank lines, is empty', async () => {
    expect((await failure(utf8('\n\n'))).code).toBe('IMPORT_FILE_EMPTY');
    expect(() => sniffFormat(Buffer.alloc(0))).toThrow(DomainError);
  });

  it('a quote left open does not read the rest of a big file into memory', async () => {
    const big = `a;b\n"open;1\n${'x;y\n'.repeat(400_000)}`;
    const e = await failure(utf8(big));
    expect(e).toMatchObject({ code: 'CSV_MALFORMED', details: { line: 2 } });
  });

  it.each([
    ['%PDF-1.7', 'pdf'],
    ['\u00d0\u00cf\u0011\u00e0', 'xls-or-encrypted'],
  ])('refuses binary files (%s)', (head, detected) => {
    try {
      sniffFormat(Buffer.from(head, 'latin1'));
      throw new Error('accepted');
    } catch (e) {
      expect((e as DomainError).code).toBe('IMPORT_FILE_UNSUPPORTED');
      expect((e as DomainError).details).toEqual({ detected });
    }
  });
});

describe('XLSX reader', () => {
  it('reads the first sheet with row numbers, dates, links and formulas as text, skipping empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leden');
    ws.addRow(['Voornaam', 'E-mail', 'Geboortedatum', 'Aantal']);
    ws.addRow([
      'Émile',
      { text: 'emile@voorbeeld.invalid', hyperlink: 'mailto:emile@voorbeeld.invalid' },
      new Date(Date.UTC(1980, 4, 17)),
      { formula: '1+1', result: 2 },
    ]);
    ws.addRow([]);
    ws.addRow(['Zoë', 'zoe@voorbeeld.invalid', '01-02-1990', 3]);
    wb.addWorksheet('Tweede').addRow(['niet', 'gelezen']);
    const r = await read(Buffer.from(await wb.xlsx.writeBuffer()), 4096);
    expect(r.headers).toEqual(['Voornaam', 'E-mail', 'Geboortedatum', 'Aantal']);
    expect(r.rows).toEqual([
      { row: 2, cells: ['Émile', 'emile@voorbeeld.invalid', '1980-05-17', '2'] },
      { row: 4, cells: ['Zoë', 'zoe@voorbeeld.invalid', '01-02-1990', '3'] },
    ]);
  });

  it('a damaged workbook is XLSX_UNREADABLE', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a', 'b']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await failure(buf.subarray(0, 200))).code).toBe('XLSX_UNREADABLE');
  });
});

describe('import files at rest (encrypted, per-file key)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const collect = async (r: Readable) => {
    const parts: Buffer[] = [];
    for await (const c of r) parts.push(c as Buffer);
    return Buffer.concat(parts);
  };

  it('round-trips, hashes the plaintext, and never writes it in the clear', async () => {
    const key = randomBytes(32);
    const plain = Buffer.from('voornaam;e-mail\nAletta;aletta@voorbeeld.invalid\n'.repeat(5000));
    const saved = await saveImportFile(dir, randomUUID(), Readable.from([plain]), key, 10_000_000);
    expect(saved.bytes).toBe(plain.length);
    const onDisk = readFileSync(path.join(dir, saved.relPath));
    expect(onDisk.includes(Buffer.from('aletta@voorbeeld.invalid'))).toBe(false);
    expect(await collect(openImportFile(dir, saved.relPath, key))).toEqual(plain);
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    const id = randomUUID();
    await expect(
      saveImportFile(dir, id, Readable.from([Buffer.alloc(5000)]), randomBytes(32), 1000),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(() => readFileSync(path.join(dir, 'imports', id))).toThrow();
  });

  it('detects a changed, truncated or wrongly keyed file', async () => {
    const key = randomBytes(32);
    const saved = await saveImportFile(
      dir,
      randomUUID(),
      Readable.from([Buffer.alloc(150_000, 0x61)]),
      key,
      1e9,
    );
    const file = path.join(dir, saved.relPath);
    const original = readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[100] = flipped[100]! ^ 1;
    writeFileSync(file, flipped);
    await expect(collect(openImportFile(dir, saved.relPath, key))).rejects.toBeInstanceOf(EncryptedFileError);
    writeFileSync(file, original.subarray(0, original.length - 30));
    await expect(collect(openImportFile(dir, saved.relPath, key))).rejects.toBeInstanceOf(EncryptedFileError);
    writeFileSync(file, original);
    await expect(collect(openImportFile(dir, saved.relPath, randomBytes(32)))).rejects.toBeInstanceOf(
      EncryptedFileError,
    );
  });
});
