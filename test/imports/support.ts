/**
 * Shared steps of the import tests: fictional CSV files, an upload with the signed-in client's cookies,
 * waiting for an import to end, datasets with or without a complete provenance record, and a scan of
 * every table for a value that must appear nowhere (a BSN, an erased e-mail).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Queryable } from '../../src/storage/db.js';
import type { Client, TestApp } from '../support/app.js';

export const HEADER = [
  'voornaam',
  'tussenvoegsel',
  'achternaam',
  'e-mail',
  'telefoon',
  'postcode',
  'huisnummer',
  'plaats',
  'geboortedatum',
];

export interface Person {
  voornaam: string;
  tussenvoegsel?: string;
  achternaam: string;
  'e-mail'?: string;
  telefoon?: string;
  postcode?: string;
  huisnummer?: string;
  plaats?: string;
  geboortedatum?: string;
  [column: string]: string | undefined;
}

/** n as letters (names hold no digits): 0 → "a", 27 → "bb". */
export function letters(n: number): string {
  let s = '';
  let x = n;
  do {
    s = String.fromCharCode(97 + (x % 26)) + s;
    x = Math.floor(x / 26);
  } while (x > 0);
  return s;
}

/** Fictional people (historical figures with .invalid addresses). */
export function person(n: number, over: Partial<Person> = {}): Person {
  return {
    voornaam: 'Aletta',
    tussenvoegsel: '',
    achternaam: `Jacobs-${letters(n)}`,
    'e-mail': `aletta.jacobs.${n}@voorbeeld.invalid`,
    telefoon: `06-${String(10_000_000 + n).slice(-8)}`,
    postcode: '3512 AB',
    huisnummer: String((n % 200) + 1),
    plaats: 'Utrecht',
    geboortedatum: '09-02-1954',
    ...over,
  };
}

export function csv(
  rows: readonly Person[],
  opts: { sep?: string; header?: string[]; bom?: boolean; eol?: string } = {},
): string {
  const sep = opts.sep ?? ';';
  const header = opts.header ?? HEADER;
  const eol = opts.eol ?? '\n';
  const quote = (v: string) => (/["\n\r;,]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(sep), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(sep))];
  return `${opts.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

export const BOUGHT_COMPLETE = {
  supplier: 'Adresboek BV (fictief)',
  collectionMethod: 'inschrijfformulier op de website van de leverancier',
  collectedFrom: '2025-01-01',
  collectedUntil: '2025-12-31',
  lawfulBasis: 'consent',
  consentText: 'Ik geef De Fictieve Partij toestemming mij te mailen over haar campagne.',
  consentNamesParty: true,
  noticeGiven: 'art. 14-brief van de leverancier, 2025-02-01',
  documentReference: 'contract 2025-17, KvK-uittreksel',
};

export async function createDataset(
  c: Client,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return c.request('POST', '/api/v1/datasets', { body: { containsPolitical: false, ...body } });
}

export async function activeDataset(
  c: Client,
  origin = 'OWN_FORMS',
  extra: Record<string, unknown> = {},
): Promise<string> {
  const r = await createDataset(c, { name: `Set ${origin}`, origin, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().status).toBe('active');
  return r.json().id as string;
}

/** Upload raw bytes as the signed-in client (cookies and CSRF header like the browser). */
export async function upload(
  t: TestApp,
  c: Client,
  datasetId: string,
  body: Buffer | string,
  fileName = 'leden.csv',
  contentType = 'text/csv',
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${datasetId}/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: {
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.csrf,
      'content-type': contentType,
    },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
}

/** An import as the API shows it (the fields the tests read). */
export interface ApiJob {
  id: string;
  status: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  mappingName: string | null;
  fileKept: boolean;
  counts: { read: number; inserted: number; duplicates: number; suppressed: number; rejected: number };
  errorCode: string | null;
  errorDetails: Record<string, unknown>;
  [key: string]: unknown;
}

/** Poll an import until it ends; returns the job as the API shows it. */
export async function waitForImport(c: Client, jobId: string, timeoutMs = 120_000): Promise<ApiJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.request('GET', `/api/v1/imports/${jobId}`);
    expect(r.statusCode, r.body).toBe(200);
    const job = r.json();
    if (['done', 'failed', 'cancelled', 'refused'].includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`import ${jobId} still ${job.status}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Upload, start with the suggested mapping (or the one given), and wait for the end. */
export async function importFile(
  t: TestApp,
  c: Client,
  datasetId: string,
  body: Buffer | string,
  opts: { fileName?: string; contentType?: string; mapping?: Record<string, string | null> } = {},
): Promise<ApiJob> {
  const up = await upload(t, c, datasetId, body, opts.fileName, opts.contentType);
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json().job.id as string;
  const s = await c.request('POST', `/api/v1/imports/${id}/start`, {
    body: opts.mapping ? { mapping: opts.mapping } : {},
  });
  expect(s.statusCode, s.body).toBe(202);
  return waitForImport(c, id);
}

export async function reportRows(c: Client, jobId: string): Promise<string[][]> {
  const r = await c.request('GET', `/api/v1/imports/${jobId}/report.csv`);
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toMatch(/text\/csv/);
  return r.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(';'));
}

/** Every `table.column` (text-like, or whole rows) whose text contains `needle`. */
export async function tablesContaining(db: Queryable, needle: string): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of rows) {
    const r = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name}" t WHERE strpos(t::text, $1) > 0`,
      [needle],
    );
    if ((r.rows[0]?.n ?? 0) > 0) hits.push(table_name);
  }
  return hits;
}

export async function personsOfJob(db: Queryable, jobId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM persons WHERE collected_by = $1',
    [`import:${jobId}`],
  );
  return rows[0]!.n;
}
