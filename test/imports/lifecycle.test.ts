/**
 * The life of an import on both engines (C3): preview (encoding, delimiter, columns with their class,
 * the gate), saved and explicit mappings with every problem named, cancel, the size limit, resuming a
 * job a crashed process left running, and the 30-day purge of quarantined datasets.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/actor.js';
import { DomainError } from '../../src/domain/codes.js';
import { createDataset as createDatasetUc } from '../../src/usecases/imports/create-dataset.js';
import { purgeAbandonedUploads } from '../../src/usecases/imports/purge-abandoned-uploads.js';
import { purgeQuarantinedDatasets } from '../../src/usecases/imports/purge-quarantined-datasets.js';
import { resumeImports } from '../../src/usecases/imports/resume-imports.js';
import { uploadImportFile } from '../../src/usecases/imports/upload-import-file.js';
import { auditHead, auditSince, expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  activeDataset,
  createDataset,
  csv,
  HEADER,
  person,
  personsOfJob,
  upload,
  waitForImport,
} from './support.js';

const OPERATOR: Actor = { kind: 'operator' };
const DAY = 24 * 3600 * 1000;

describe.each(engines())('import lifecycle on %s', (engine) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the preview shows the format, the columns with their field and class, masked rows and the gate', async () => {
    const ds = await activeDataset(admin, 'MEMBER_ADMIN');
    const header = [...HEADER, 'lid sinds', 'opmerking'];
    const up = await upload(
      t,
      admin,
      ds,
      csv([person(1, { 'lid sinds': '01-09-2015', opmerking: 'x' })], { header }),
    );
    const r = await admin.request('GET', `/api/v1/imports/${up.json().job.id}/preview`);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headers: header });
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].row).toBe(2);
    expect(p.columns.find((c: { header: string }) => c.header === 'lid sinds')).toEqual({
      header: 'lid sinds',
      suggested: 'memberSince',
      fieldClass: 'political',
      kinds: ['political'],
    });
    expect(p.columns.find((c: { header: string }) => c.header === 'e-mail')).toMatchObject({
      fieldClass: 'ordinary',
    });
    expect(p.assessment).toMatchObject({
      status: 'active',
      reasons: [],
      obligations: ['TRANSPARENCY_NOTICE'],
    });
    expect(p.job.status).toBe('previewed');
  });

  it('mappings: saved by name and reused; an explicit mapping with problems names each one', async () => {
    const save = await admin.request('POST', '/api/v1/import-mappings', {
      body: { name: 'Ledenlijst', mapping: { Naam: 'lastName', Mail: 'email', Extra: null } },
    });
    expect(save.statusCode, save.body).toBe(201);
    const list = await admin.request('GET', '/api/v1/import-mappings');
    expect(list.json().items.map((m: { name: string }) => m.name)).toContain('Ledenlijst');

    const ds = await activeDataset(admin, 'OWN_FORMS');
    const file = 'Naam;Mail;Nieuw\nJacobs;aletta.mapping@voorbeeld.invalid;x\n';
    const up = await upload(t, admin, ds, file);
    const jobId = up.json().job.id as string;
    const bad = expectError(
      await admin.request('PUT', `/api/v1/imports/${jobId}/mapping`, {
        body: { mapping: { Naam: 'email', Mail: 'email', Onbekend: 'city' } },
      }),
      400,
      'IMPORT_MAPPING_INVALID',
    );
    expect(bad.details.problems).toEqual([
      { column: 'Mail', field: 'email', rule: 'mapping.field_twice' },
      { column: 'Onbekend', field: null, rule: 'mapping.unknown_column' },
      { column: null, field: 'lastName', rule: 'mapping.name_required' },
    ]);
    const set = await admin.request('PUT', `/api/v1/imports/${jobId}/mapping`, {
      body: { mappingName: 'Ledenlijst' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().job.mapping).toEqual({ Naam: 'lastName', Mail: 'email', Nieuw: null });
    expect((await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} })).statusCode).toBe(
      202,
    );
    const job = await waitForImport(admin, jobId);
    expect(job).toMatchObject({ status: 'done', mappingName: 'Ledenlijst', counts: { inserted: 1 } });
    expectError(
      await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} }),
      409,
      'IMPORT_NOT_STARTABLE',
    );
  });

  it('cancel: the import ends, its file is deleted, and it cannot be started', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const up = await upload(t, admin, ds, csv([person(5)]));
    const jobId = up.json().job.id as string;
    const before = await auditHead(t);
    const c = await admin.request('POST', `/api/v1/imports/${jobId}/cancel`);
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ status: 'cancelled', fileKept: false });
    expect(await auditSince(t, before, 'import.cancelled')).toHaveLength(1);
    expectError(
      await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} }),
      409,
      'IMPORT_NOT_STARTABLE',
    );
    expect(existsSync(path.join(t.kernel.config.dataDir, 'imports', jobId))).toBe(false);
  });

  it('uploading the same file again while its import is unfinished returns that import', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const file = csv([person(6)]);
    const a = await upload(t, admin, ds, file);
    const b = await upload(t, admin, ds, file);
    expect(b.json()).toMatchObject({ resumed: true, job: { id: a.json().job.id } });
  });

  it('a file over the size limit is refused and leaves nothing behind', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    await expect(
      uploadImportFile(t.kernel, OPERATOR, ds, {
        fileName: 'groot.csv',
        body: Readable.from([Buffer.alloc(4096, 0x61)]),
        maxBytes: 1024,
      }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', details: { limitBytes: 1024 } });
    expect((await admin.request('GET', `/api/v1/imports?datasetId=${ds}`)).json().items).toEqual([]);
  });

  it('a job a crashed process left running is resumed after its checkpoint', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const up = await upload(t, admin, ds, csv([person(7), person(8)]));
    const jobId = up.json().job.id as string;
    await admin.request('PUT', `/api/v1/imports/${jobId}/mapping`, { body: {} });
    // As a process that died mid-run leaves it: running, held by a runner that no longer exists.
    await t.kernel.db.query(
      `UPDATE import_jobs SET status = 'running', runner = 'gone.invalid:1:dead', heartbeat_at = $2 WHERE id = $1`,
      [jobId, new Date(t.clock.now().getTime() - 10 * 60_000)],
    );
    expect(await resumeImports(t.kernel)).toEqual([jobId]);
    const job = await waitForImport(admin, jobId);
    expect(job).toMatchObject({ status: 'done', counts: { inserted: 2 } });
    expect(await personsOfJob(t.kernel.db, jobId)).toBe(2);
  });

  it('R-10: a dataset still in quarantine after 30 days is purged with its files; younger ones stay', async () => {
    const old = (await createDataset(admin, { name: 'Oude levering', origin: 'BOUGHT' })).json().id as string;
    t.clock.advance(31 * DAY);
    const young = await createDatasetUc(t.kernel, OPERATOR, {
      name: 'Nieuwe levering',
      origin: 'BOUGHT',
      containsPolitical: false,
    });
    const before = await auditHead(t);
    const purged = await purgeQuarantinedDatasets(t.kernel);
    expect(purged).toContain(old);
    expect(purged).not.toContain(young.id);
    expect((await auditSince(t, before, 'dataset.purged')).map((e) => e.object_id)).toContain(old);
    admin = await signIn(t, 'beheer');
    expectError(await admin.request('GET', `/api/v1/datasets/${old}`), 404, 'NOT_FOUND');
    expect((await admin.request('GET', `/api/v1/datasets/${young.id}`)).json().status).toBe('quarantine');
  });

  it('a stored file changed on disk fails its import (IMPORT_FILE_CHANGED) and nothing is written', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const up = await upload(t, admin, ds, csv(Array.from({ length: 2000 }, (_, i) => person(3000 + i))));
    const jobId = up.json().job.id as string;
    const file = path.join(t.kernel.config.dataDir, 'imports', jobId);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff; // in the last frame, past the header
    writeFileSync(file, bytes);
    expect((await admin.request('POST', `/api/v1/imports/${jobId}/start`, { body: {} })).statusCode).toBe(
      202,
    );
    const job = await waitForImport(admin, jobId);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'IMPORT_FILE_CHANGED', fileKept: false });
    expect(await personsOfJob(t.kernel.db, jobId)).toBe(0);
  });

  it('an upload never started is cancelled and its file deleted after 7 days', async () => {
    const ds = await activeDataset(admin, 'OWN_FORMS');
    const up = await upload(t, admin, ds, csv([person(9)]));
    const jobId = up.json().job.id as string;
    t.clock.advance(8 * DAY);
    expect(await purgeAbandonedUploads(t.kernel)).toContain(jobId);
    expect(existsSync(path.join(t.kernel.config.dataDir, 'imports', jobId))).toBe(false);
    const job = await t.kernel.db.query<{ status: string }>('SELECT status FROM import_jobs WHERE id = $1', [
      jobId,
    ]);
    expect(job.rows[0]?.status).toBe('cancelled');
    admin = await signIn(t, 'beheer');
  });

  it('the CLI operator may import; datasets it records have no user as creator', async () => {
    const ds = await createDatasetUc(t.kernel, OPERATOR, {
      name: 'Via de CLI',
      origin: 'OWN_FORMS',
      containsPolitical: false,
    });
    expect(ds.createdBy).toBeNull();
    await expect(
      createDatasetUc(t.kernel, OPERATOR, { name: '', origin: 'OWN_FORMS', containsPolitical: false }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
