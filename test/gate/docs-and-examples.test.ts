/**
 * The facts document's documentation stays true: docs/assessment-facts.schema.json is what the zod
 * schema generates (`npm run docs:assessment-schema`), and every example in docs/examples/assessments/
 * passes the schema and the contradiction check and gets the outcome its sidecar records (C4).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/domain/gate/assess.js';
import { factsProblems } from '../../src/domain/gate/facts-check.js';
import { factsJsonSchemaText, gateFactsSchema } from '../../src/server/routes/assessment-schemas.js';
import { EXAMPLES_DIR, examples } from './examples.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('assessment docs', () => {
  it('docs/assessment-facts.schema.json equals the schema generated from zod (npm run docs:assessment-schema)', () => {
    const committed = readFileSync(path.join(ROOT, 'docs/assessment-facts.schema.json'), 'utf8');
    expect(committed).toBe(factsJsonSchemaText());
  });

  it('the JSON schema refuses unknown fields everywhere (additionalProperties: false)', () => {
    const schema = JSON.parse(factsJsonSchemaText()) as Record<string, unknown>;
    const objects: Record<string, unknown>[] = [];
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (o.type === 'object') objects.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(schema);
    expect(objects.length).toBeGreaterThan(10);
    for (const o of objects) expect(o.additionalProperties).toBe(false);
  });

  it('every example has a sidecar with its expected outcome, and the five issue cases are there', () => {
    const files = readdirSync(EXAMPLES_DIR);
    const docs = files.filter((f) => !f.endsWith('.expected.json'));
    for (const f of docs) expect(files).toContain(f.replace(/\.json$/, '.expected.json'));
    expect(examples().map((e) => e.name)).toEqual([
      'custom-audience-members',
      'lookalike-audience',
      'member-newsletter-email',
      'political-ad-16-year-old',
      'scraped-profile',
    ]);
  });

  it.each(examples().map((e) => [e.name, e] as const))('example %s gets its recorded outcome', (_n, e) => {
    const parsed = gateFactsSchema.safeParse(e.doc);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const facts = parsed.data!;
    expect(factsProblems(facts)).toEqual([]);
    const d = assess(facts);
    expect(d.allowed).toBe(e.expected.allowed);
    expect(d.basis).toBe(e.expected.basis);
    expect(d.reasons).toEqual(expect.arrayContaining(e.expected.reasonsInclude));
    expect(d.productRefusals).toEqual(expect.arrayContaining(e.expected.productRefusalsInclude));
    expect(d.obligations).toEqual(expect.arrayContaining(e.expected.obligationsInclude));
    if (e.expected.allowed) expect(d.reasons).toEqual([]);
  });
});
