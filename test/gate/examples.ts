/** The example facts documents of docs/examples/assessments/ and their expected outcomes (sidecars). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../docs/examples/assessments');

export interface Expected {
  allowed: boolean;
  basis: string | null;
  reasonsInclude: string[];
  productRefusalsInclude: string[];
  obligationsInclude: string[];
}

export interface Example {
  name: string;
  file: string;
  doc: Record<string, unknown>;
  expected: Expected;
}

export function examples(): Example[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const file = path.join(EXAMPLES_DIR, f);
      return {
        name,
        file,
        doc: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
        expected: JSON.parse(
          readFileSync(path.join(EXAMPLES_DIR, `${name}.expected.json`), 'utf8'),
        ) as Expected,
      };
    });
}

export function example(name: string): Example {
  const e = examples().find((x) => x.name === name);
  if (!e) throw new Error(`no example ${name}`);
  return e;
}

/** A facts document to change in a test (also into something invalid). */
export interface Doc {
  person: Record<string, unknown>;
  processing: Record<string, unknown>;
  context: Record<string, unknown>;
  [key: string]: unknown;
}

/** A deep copy of an example's document, to change in a test. */
export function docOf(name: string): Doc {
  return structuredClone(example(name).doc) as unknown as Doc;
}
