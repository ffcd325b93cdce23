/**
 * `kieskluis assess --json FILE` as a separate process (C4): pure, no server, no database, no data
 * directory; prints the decision as JSON or, with --explain, in words (nl/en with R-numbers); exit 0
 * allowed, 1 refused, 2 invalid document (not readable, not JSON, wrong fields, contradictory).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/domain/codes.js';
import { cli } from '../cli/run-cli.js';
import { docOf, example, examples } from './examples.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kk-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A data directory that must never be created: the command needs none. */
const env = { KIESKLUIS_DATA_DIR: path.join(dir, 'geen-datamap') };

function write(name: string, doc: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
}

describe('kieskluis assess', () => {
  it('--help documents the exit codes', async () => {
    const r = await cli(['assess', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: kieskluis assess/);
    expect(r.stdout).toMatch(/0 toegestaan\/allowed, 1 geweigerd\/refused, 2 ongeldig/);
  });

  it.each(examples().map((e) => [e.name, e] as const))(
    'example %s: the decision as JSON, exit 0 when allowed and 1 when refused',
    async (_n, e) => {
      const r = await cli(['assess', '--json', e.file], env);
      expect(r.code, r.stderr).toBe(e.expected.allowed ? 0 : 1);
      const d = JSON.parse(r.stdout) as {
        allowed: boolean;
        basis: string | null;
        reasons: { code: string; nl: string; rule: string | null }[];
        productRefusals: { code: string }[];
      };
      expect(d.allowed).toBe(e.expected.allowed);
      expect(d.basis).toBe(e.expected.basis);
      expect(d.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(e.expected.reasonsInclude));
      expect(d.productRefusals.map((x) => x.code)).toEqual(
        expect.arrayContaining(e.expected.productRefusalsInclude),
      );
      expect(existsSync(env.KIESKLUIS_DATA_DIR)).toBe(false);
    },
  );

  it('--explain prints each reason with its Dutch and English message and R-number (R-78)', async () => {
    const r = await cli(['assess', '--json', example('political-ad-16-year-old').file, '--explain'], env);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^NIET TOEGESTAAN \/ REFUSED/);
    expect(r.stdout).toContain('TTPA_MINOR_UNDER_VOTING_AGE (R-78)');
    expect(r.stdout).toContain(`nl: ${CODES.TTPA_MINOR_UNDER_VOTING_AGE.nl}`);
    expect(r.stdout).toContain(`en: ${CODES.TTPA_MINOR_UNDER_VOTING_AGE.en}`);
    expect(r.stdout).toMatch(/Verplichtingen \/ obligations:\n {2}SUPPRESSION_LIST/);
  });

  it('--explain for an allowed member newsletter names the basis and the obligations (R-27)', async () => {
    const r = await cli(['assess', '--json', example('member-newsletter-email').file, '--explain'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^TOEGESTAAN \/ ALLOWED\nGrondslag \/ basis: 9\(2\)\(d\)/);
    expect(r.stdout).toContain('OBJECTION_NOTICE (R-27)');
  });

  it('reads the document from stdin with -', async () => {
    const r = await cli(['assess', '--json', '-'], env, JSON.stringify(docOf('scraped-profile')));
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).reasons.map((x: { code: string }) => x.code)).toContain('SCRAPED_PROFILE');
  });

  it('wrong and unknown fields: exit 2, each named with its path', async () => {
    const doc = docOf('member-newsletter-email');
    doc.person.relation = 'FRIEND';
    doc.processing.recipient = { name: 'Drukkerij', role: 'PRINTER' };
    doc.context.colour = 'oranje';
    const r = await cli(['assess', '--json', write('fout.json', doc)], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^VALIDATION_FAILED/);
    for (const field of [
      'person.relation',
      'processing.recipient.role',
      'processing.recipient.registered',
      'context.colour',
    ])
      expect(r.stderr).toContain(`  ${field}: `);
    const body = JSON.parse(r.stdout) as { code: string; details: { fields: { field: string }[] } };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.fields.map((f) => f.field)).toContain('context.colour');
  });

  it('a contradictory document: exit 2, no decision, each problem with its path', async () => {
    const doc = docOf('member-newsletter-email');
    doc.person.erased = true;
    doc.processing.startedAt = '2030-01-01';
    const r = await cli(['assess', '--json', write('tegenstrijdig.json', doc)], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ASSESSMENT_FACTS_CONTRADICTORY/);
    expect(r.stderr).toContain('person.suppressed: ERASED_WITHOUT_SUPPRESSION');
    expect(r.stderr).toContain('processing.startedAt: AFTER_REFERENCE_DATE');
    expect(JSON.parse(r.stdout)).not.toHaveProperty('allowed');
  });

  it.each([
    ['not JSON', () => write('kapot.json', '{"person": '), 'MALFORMED_JSON'],
    ['a missing file', () => path.join(dir, 'bestaat-niet.json'), 'VALIDATION_FAILED'],
    ['an empty object', () => write('leeg.json', {}), 'VALIDATION_FAILED'],
  ])('%s: exit 2 with a clear message', async (_n, file, code) => {
    const r = await cli(['assess', '--json', file()], env);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`${code}: `)).toBe(true);
  });

  it('without --json: a usage error', async () => {
    const r = await cli(['assess'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--json/);
  });
});
