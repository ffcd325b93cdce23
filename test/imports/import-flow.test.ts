/**
 * Imports through the HTTP API on both engines (C3): encodings and delimiters, XLSX, per-row validation
 * with the downloadable report, duplicates, provenance on every person, and who may import.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { activeDataset, csv, importFile, person, personsOfJob, reportRows, upload } from './support.js';

describe.each(engines())('imports on %s', (engine) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('UTF-8 with BOM and ";": every row imported with provenance, names intact', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const rows = [person(1, { voornaam: 'Émile', achternaam: 'Zoëtelief' }), person(2), person(3)];
    const job = await importFile(t, admin, ds, csv(rows, { bom: true }));
    expect(job.status).toBe('done');
    expect(job.counts).toEqual({ read: 3, inserted: 3, duplicates: 0, suppressed: 0, rejected: 0 });
    expect(job.encoding).toBe('utf-8');
    expect(job.delimiter).toBe(';');
    expect(job.fileKept).toBe(false);
    const { rows: ids } = await t.kernel.db.query<{ id: string }>(
      'SELECT id FROM persons WHERE collected_by = $1 ORDER BY created_at',
      [`import:${job.id}`],
    );
    expect(ids).toHaveLength(3);
    const names = await Promise.all(
      ids.map(async (r) => (await t.kernel.persons.findById(t.kernel.db, r.id))!),
    );
    expect(names.map((p) => p.firstName).sort()).toEqual(['Aletta', 'Aletta', 'Émile']);
    const emile = names.find((p) => p.firstName === 'Émile')!;
    expect(emile.lastName).toBe('Zoëtelief');
    expect(emile.provenance).toMatchObject({ datasetId: ds, sourceKind: 'DATA_SUBJECT', channel: 'import' });
    expect(emile.obtainedFromSubject).toBe(true);
    expect(emile.art14DueAt).toBeNull();
  });

  it('Windows-1252 with ",": é and ë survive', async () => {
    const ds = await activeDataset(admin, 'EVENT');
    const text = csv([person(11, { voornaam: 'José', achternaam: 'Brontë' })], { sep: ',', eol: '\r\n' });
    const job = await importFile(t, admin, ds, iconv.encode(text, 'win1252'));
    expect(job.status).toBe('done');
    expect(job.encoding).toBe('windows-1252');
    expect(job.delimiter).toBe(',');
    const { rows } = await t.kernel.db.query<{ id: string }>(
      'SELECT id FROM persons WHERE collected_by = $1',
      [`import:${job.id}`],
    );
    const p = (await t.kernel.persons.findById(t.kernel.db, rows[0]!.id))!;
    expect([p.firstName, p.lastName]).toEqual(['José', 'Brontë']);
  });

  it('XLSX: the first sheet, dates as dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leden');
    ws.addRow(['Voornaam', 'Achternaam', 'E-mail', 'Geboortedatum']);
    ws.addRow(['Wilhelmina', 'Drucker', 'w.drucker@voorbeeld.invalid', new Date(Date.UTC(1947, 8, 30))]);
    ws.addRow(['Marga', 'Klompé', 'm.klompe@voorbeeld.invalid', '16-08-1952']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const ds = await activeDataset(admin, 'MEMBER_ADMIN');
    const job = await importFile(t, admin, ds, buf, {
      fileName: 'leden.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(job.status).toBe('done');
    expect(job.format).toBe('xlsx');
    expect(job.counts.inserted).toBe(2);
  });

  it('R-43: invalid e-mail, postcode and date are rejected naming row, column and rule; the others are imported', async () => {
    const ds = await activeDataset(admin, 'CANVASS');
    const rows = [
      person(21),
      person(22, { 'e-mail': 'geen-adres' }),
      person(23, { postcode: '0123 AB' }),
      person(24, { geboortedatum: '31-02-1980' }),
      person(25),
    ];
    const job = await importFile(t, admin, ds, csv(rows));
    expect(job.status).toBe('done');
    expect(job.counts).toMatchObject({ read: 5, inserted: 2, rejected: 3 });
    expect(await personsOfJob(t.kernel.db, job.id)).toBe(2);
    const report = await reportRows(admin, job.id);
    expect(report.map((r) => r.slice(0, 4))).toEqual([
      ['3', 'e-mail', 'email.syntax', 'PERSON_FIELD_INVALID'],
      ['4', 'postcode', 'postcode.range', 'PERSON_FIELD_INVALID'],
      ['5', 'geboortedatum', 'birthDate.invalid', 'PERSON_FIELD_INVALID'],
    ]);
    // The report names the problem, never the value.
    expect(JSON.stringify(report)).not.toContain('geen-adres');
  });

  it('duplicates within the file and against the register are skipped and reported', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const first = await importFile(t, admin, ds, csv([person(31)]));
    expect(first.counts.inserted).toBe(1);
    const rows = [
      person(31, { telefoon: '' }), // in the register already (e-mail)
      person(32),
      person(33, { 'e-mail': 'ALETTA.JACOBS.32@voorbeeld.invalid', telefoon: '' }), // same e-mail as row 3
      person(34, { 'e-mail': '', telefoon: person(32).telefoon }), // same phone as row 3
    ];
    const job = await importFile(t, admin, ds, csv(rows));
    expect(job.counts).toMatchObject({ read: 4, inserted: 1, duplicates: 3 });
    const report = await reportRows(admin, job.id);
    expect(report.map((r) => r.slice(0, 4))).toEqual([
      ['2', 'e-mail', 'duplicate.in_register', 'PERSON_DUPLICATE'],
      ['4', 'e-mail', 'duplicate.in_file', 'PERSON_DUPLICATE'],
      ['5', 'telefoon', 'duplicate.in_file', 'PERSON_DUPLICATE'],
    ]);
  });

  it('every import writes audit events with ids only', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const before = await auditHead(t);
    const job = await importFile(t, admin, ds, csv([person(41), person(42)]));
    const created = await auditSince(t, before, 'person.created');
    expect(created).toHaveLength(2);
    expect(created.every((e) => e.person_id !== null)).toBe(true);
    const all = await auditSince(t, before);
    const types = all.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'import.uploaded',
        'import.started',
        'import.chunk_committed',
        'import.finished',
      ]),
    );
    expect(all.map((e) => e.payload).join('')).not.toContain('aletta.jacobs.41');
    expect(job.status).toBe('done');
  });

  it('the upload route takes files beyond the API body limit (streamed to disk, not buffered)', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const big = Buffer.from(csv(Array.from({ length: 30_000 }, (_, i) => person(1000 + i))));
    expect(big.length).toBeGreaterThan(t.kernel.config.bodyLimitBytes);
    const up = await upload(t, admin, ds, big);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().job).toMatchObject({ sizeBytes: big.length, status: 'uploaded', fileKept: true });
    expect(up.headers.connection).not.toBe('close');
    const cancel = await admin.request('POST', `/api/v1/imports/${up.json().job.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
  });

  it('R-63: only person:write (the secretariat) may import; each refusal is audited', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    for (const username of ['fg', 'team', 'vrijwilliger']) {
      const c = await signIn(t, username);
      const before = await auditHead(t);
      expectError(await c.request('GET', '/api/v1/datasets'), 403, 'FORBIDDEN');
      expectError(await upload(t, c, ds, csv([person(51)])), 403, 'FORBIDDEN');
      expect((await auditSince(t, before, 'access.refused')).length).toBe(2);
    }
  });
});
