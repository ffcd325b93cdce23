/**
 * The provenance gate end to end on both engines (C3; ): refused
 * and quarantined datasets, refusals decided on the file's columns, the suppression list, the BSN
 * detector, and the art 14 deadline on imported persons.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsNl } from '../../src/domain/calendar.js';
import { auditHead, auditSince, expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  activeDataset,
  BOUGHT_COMPLETE,
  createDataset,
  csv,
  HEADER,
  importFile,
  person,
  personsOfJob,
  reportRows,
  tablesContaining,
  upload,
} from './support.js';

describe.each(engines())('provenance gate on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  const importsDir = () => path.join(t.kernel.config.dataDir, 'imports');
  const filesLeft = () => (existsSync(importsDir()) ? readdirSync(importsDir()) : []);
  const operator = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.operatorSecret}` },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-09: a scraped dataset is recorded and refused with every reason, and nothing can be uploaded to it', async () => {
    const before = await auditHead(t);
    const r = await createDataset(admin, {
      name: 'Gescrapete profielen',
      origin: 'SCRAPED',
      columns: ['naam', 'party_sympathy'],
    });
    const body = expectError(r, 422, 'SCRAPED_PROFILE');
    expect(body.details.reasons).toEqual(['SCRAPED_PROFILE', 'SPECIAL_CATEGORY_INFERENCE']);
    const id = body.details.datasetId as string;
    const got = await admin.request('GET', `/api/v1/datasets/${id}`);
    expect(got.json()).toMatchObject({
      status: 'refused',
      reasons: ['SCRAPED_PROFILE', 'SPECIAL_CATEGORY_INFERENCE'],
    });
    const types = (await auditSince(t, before)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['dataset.created', 'dataset.refused']));

    // Refused before any row is read: no file is stored, no import exists.
    const up = expectError(await upload(t, admin, id, csv([person(1)])), 422, 'SCRAPED_PROFILE');
    expect(up.details.reasons).toEqual(['SCRAPED_PROFILE', 'SPECIAL_CATEGORY_INFERENCE']);
    expect(filesLeft()).toEqual([]);
    expect((await admin.request('GET', `/api/v1/imports?datasetId=${id}`)).json().items).toEqual([]);
  });

  it('R-10: a bought list with likely_voter_party is refused (PURCHASED_POLITICAL_LIST); the dataset with it', async () => {
    const ds = await activeDataset(admin, 'BOUGHT', BOUGHT_COMPLETE);
    const header = [...HEADER, 'likely_voter_party'];
    const up = await upload(t, admin, ds, csv([person(1, { likely_voter_party: 'Partij X' })], { header }));
    expect(up.statusCode, up.body).toBe(201);
    const jobId = up.json().job.id as string;
    const preview = await admin.request('GET', `/api/v1/imports/${jobId}/preview`);
    expect(preview.json().assessment).toMatchObject({
      status: 'refused',
      reasons: ['PURCHASED_POLITICAL_LIST'],
      columns: { PURCHASED_POLITICAL_LIST: ['likely_voter_party'] },
    });
    const start = expectError(
      await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} }),
      422,
      'PURCHASED_POLITICAL_LIST',
    );
    expect(start.details.reasons).toEqual(['PURCHASED_POLITICAL_LIST']);
    const job = (await admin.request('GET', `/api/v1/imports/${jobId}`)).json();
    expect(job).toMatchObject({
      status: 'refused',
      refusalCodes: ['PURCHASED_POLITICAL_LIST'],
      fileKept: false,
    });
    expect(await personsOfJob(t.kernel.db, jobId)).toBe(0);
    expect((await admin.request('GET', `/api/v1/datasets/${ds}`)).json().status).toBe('refused');
    expect(filesLeft()).toEqual([]);
  });

  it('R-10, R-37: a third-party list without provenance stays in quarantine and cannot be imported', async () => {
    const r = await createDataset(admin, { name: 'Lijst van vereniging', origin: 'OTHER_CONTROLLER' });
    expect(r.statusCode, r.body).toBe(201);
    const ds = r.json();
    expect(ds).toMatchObject({ status: 'quarantine', reasons: ['UNVERIFIED_DATASET'] });
    expect(ds.missingProvenance).toContain('supplier');
    expect(new Date(ds.purgeAt).getTime() - new Date(ds.quarantinedAt).getTime()).toBe(30 * 24 * 3600 * 1000);
    const up = expectError(await upload(t, admin, ds.id, csv([person(1)])), 422, 'UNVERIFIED_DATASET');
    expect(up.details.missingProvenance).toContain('documentReference');
    expect(filesLeft()).toEqual([]);
  });

  it('R-37: no role can release a dataset from quarantine without completing its provenance, admin included', async () => {
    const ds = (await createDataset(admin, { name: 'Gekochte adressen', origin: 'BOUGHT' })).json()
      .id as string;
    // An incomplete record: still quarantine, for the admin and for the local operator.
    const partial = { supplier: 'Adresboek BV (fictief)', documentReference: 'contract 2025-17' };
    const a = expectError(
      await admin.request('POST', `/api/v1/datasets/${ds}/provenance`, { body: partial }),
      422,
      'UNVERIFIED_DATASET',
    );
    expect(a.details.missingProvenance).toEqual([
      'collectionMethod',
      'collectionPeriod',
      'lawfulBasis',
      'noticeGiven',
    ]);
    expectError(await operator('POST', `/api/v1/datasets/${ds}/provenance`, {}), 422, 'UNVERIFIED_DATASET');
    for (const username of ['fg', 'campagne', 'team']) {
      const c = await signIn(t, username);
      expectError(
        await c.request('POST', `/api/v1/datasets/${ds}/provenance`, { body: BOUGHT_COMPLETE }),
        403,
        'FORBIDDEN',
      );
    }
    // There is no status to set: the body is the provenance record only.
    expectError(
      await admin.request('POST', `/api/v1/datasets/${ds}/provenance`, { body: { status: 'active' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await admin.request('GET', `/api/v1/datasets/${ds}`)).json().status).toBe('quarantine');
    // Completed: active, with the art 14 and documentation duties.
    const done = await admin.request('POST', `/api/v1/datasets/${ds}/provenance`, { body: BOUGHT_COMPLETE });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'active',
      reasons: [],
      obligations: ['INFORM_SUBJECT', 'DOCUMENT_DATASET_ORIGIN'],
    });
  });

  it('R-55: persons from a third party get the art 14 deadline one month after the import', async () => {
    const ds = await activeDataset(admin, 'BOUGHT', BOUGHT_COMPLETE);
    const at = t.clock.now();
    const job = await importFile(t, admin, ds, csv([person(61)]));
    expect(job.status).toBe('done');
    const { rows } = await t.kernel.db.query<{ id: string }>(
      'SELECT id FROM persons WHERE collected_by = $1',
      [`import:${job.id}`],
    );
    const p = (await t.kernel.persons.findById(t.kernel.db, rows[0]!.id))!;
    expect(p.obtainedFromSubject).toBe(false);
    expect(p.provenance.sourceKind).toBe('THIRD_PARTY_LIST');
    expect(p.art14DueAt?.toISOString()).toBe(addMonthsNl(at, 1).toISOString());
  });

  it('R-06: party_preference with consent=TRUE is refused (CONSENT_NOT_DEMONSTRABLE); the dataset stays usable', async () => {
    const ds = await activeDataset(admin, 'EVENT');
    const header = [...HEADER, 'party_preference', 'consent'];
    const file = csv([person(1, { party_preference: 'Partij X', consent: 'TRUE' })], { header });
    const up = await upload(t, admin, ds, file);
    const jobId = up.json().job.id as string;
    const r = expectError(
      await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} }),
      422,
      'CONSENT_NOT_DEMONSTRABLE',
    );
    expect(r.details.reasons).toEqual(['CONSENT_NOT_DEMONSTRABLE']);
    expect(await personsOfJob(t.kernel.db, jobId)).toBe(0);
    expect((await admin.request('GET', `/api/v1/datasets/${ds}`)).json().status).toBe('active');
  });

  it('R-43: a BSN in a cell rejects the row; the number is masked in the preview and stored nowhere', async () => {
    const ds = await activeDataset(admin, 'MEMBER_ADMIN');
    const header = [...HEADER, 'opmerking'];
    const file = csv([person(71, { opmerking: 'bsn 111222333' }), person(72)], { header });
    const up = await upload(t, admin, ds, file);
    const jobId = up.json().job.id as string;
    const preview = await admin.request('GET', `/api/v1/imports/${jobId}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).not.toContain('111222333');
    expect(preview.json().columns.find((c: { header: string }) => c.header === 'opmerking')).toMatchObject({
      suggested: null,
    });
    const s = await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} });
    expect(s.statusCode, s.body).toBe(202);
    const { waitForImport } = await import('./support.js');
    const job = await waitForImport(admin, jobId);
    expect(job.counts).toMatchObject({ inserted: 1, rejected: 1 });
    const report = await reportRows(admin, jobId);
    expect(report.map((r) => r.slice(0, 4))).toEqual([['2', 'opmerking', 'bsn.found', 'BSN_NOT_ALLOWED']]);
    expect(await tablesContaining(t.kernel.db, '111222333')).toEqual([]);
    expect(filesLeft()).toEqual([]);
  });

  it('R-58: erased and objecting persons are skipped by e-mail and by postal match, and leave no trace', async () => {
    const now = t.clock.now();
    const erased = person(81, { 'e-mail': 'erased.person@voorbeeld.invalid' });
    const objected = person(82, {
      'e-mail': '',
      telefoon: '',
      voornaam: 'Mies',
      achternaam: 'Bouwman',
      postcode: '1017 CE',
      huisnummer: '7',
    });
    await t.kernel.db.transaction(async (tx) => {
      await t.kernel.suppression.add(tx, { email: erased['e-mail'] }, 'ERASURE_REQUEST', null, now);
      await t.kernel.suppression.add(
        tx,
        { firstName: 'M.', lastName: 'Bouwman', postcode: '1017CE', houseNumber: '7' },
        'OBJECTION_DM',
        null,
        now,
      );
    });
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const job = await importFile(t, admin, ds, csv([erased, objected, person(83)]));
    expect(job.counts).toMatchObject({ read: 3, inserted: 1, suppressed: 2 });
    const report = await reportRows(admin, job.id);
    expect(report.map((r) => r.slice(0, 5))).toEqual([
      ['2', '', 'suppressed', 'SUPPRESSED_CONTACT', 'ERASED_SUBJECT'],
      ['3', '', 'suppressed', 'SUPPRESSED_CONTACT', 'OBJECTED'],
    ]);
    const hash = t.kernel.suppression.hashes({ email: erased['e-mail'] })[0]!.hash;
    expect(await tablesContaining(t.kernel.db, 'erased.person@voorbeeld.invalid')).toEqual([]);
    expect(await tablesContaining(t.kernel.db, hash)).toEqual(['suppression']);
  });

  it('malformed CSV: a broken quote fails the import naming the line, and nothing is written', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const good = csv(Array.from({ length: 60 }, (_, i) => person(100 + i)));
    const lines = good.split('\n');
    lines[49] = `"${lines[49]}`; // line 50: a quote that never closes
    const job = await importFile(t, admin, ds, lines.join('\n'));
    expect(job).toMatchObject({ status: 'failed', errorCode: 'CSV_MALFORMED', fileKept: false });
    expect(job.errorDetails.line).toBe(50);
    expect(await personsOfJob(t.kernel.db, job.id)).toBe(0);

    // Within the preview's rows the preview itself reports it.
    const early = good.split('\n');
    early[2] = early[2]!.replace('Aletta', '"Aletta"x');
    const up = await upload(t, admin, ds, early.join('\n'));
    const p = expectError(
      await admin.request('GET', `/api/v1/imports/${up.json().job.id}/preview`),
      422,
      'CSV_MALFORMED',
    );
    expect(p.details.line).toBe(3);
    expect(filesLeft()).toEqual([]);
  });

  it.each([
    ['wrong delimiter (one column)', 'voornaam|achternaam\nAletta|Jacobs\n', 'CSV_ONE_COLUMN'],
    ['no header row', 'Aletta;Jacobs;aletta@voorbeeld.invalid\n', 'IMPORT_HEADER_MISSING'],
    ['duplicate column names', 'voornaam;achternaam;Voornaam\na;b;c\n', 'IMPORT_HEADER_DUPLICATE'],
    ['an unnamed column', 'voornaam;;achternaam\na;b;c\n', 'IMPORT_HEADER_EMPTY'],
  ])('bad input: %s → %s naming the line', async (_name, text, code) => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const up = await upload(t, admin, ds, text);
    const p = expectError(
      await admin.request('GET', `/api/v1/imports/${up.json().job.id}/preview`),
      422,
      code,
    );
    expect(p.details.line).toBe(1);
  });

  it('bad input: mixed encodings fail naming the line; empty and binary files are refused at upload', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    // 1,500 rows of UTF-8 (past the first block the header is read from), then a Windows-1252 line.
    const rows = Array.from({ length: 1500 }, (_, i) => person(200 + i, { voornaam: 'Émile' }));
    const mixed = Buffer.concat([
      Buffer.from(csv(rows), 'utf8'),
      Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x3b, 0x3b, 0x42, 0x0a]), // "José;;B" in Windows-1252
    ]);
    const job = await importFile(t, admin, ds, mixed);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'CSV_ENCODING_INVALID', fileKept: false });
    expect(job.errorDetails.line).toBe(1502);
    expect(await personsOfJob(t.kernel.db, job.id)).toBe(0);
    expectError(await upload(t, admin, ds, Buffer.alloc(0)), 400, 'IMPORT_FILE_EMPTY');
    expectError(await upload(t, admin, ds, Buffer.from('%PDF-1.7\n...')), 415, 'IMPORT_FILE_UNSUPPORTED');
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/datasets/${ds}/imports`,
      headers: {
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': admin.csrf,
        'content-type': 'application/json',
      },
      payload: '{}',
    });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(filesLeft()).toEqual([]);
  });
});
