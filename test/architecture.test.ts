/**
 * Mechanical check of the layer rules in ENGINEERING.md ("Layers"): which folder may import which.
 * Reads every .ts/.tsx file under src/ and web/src/, takes its import and export-from specifiers
 * (`import type`, `export … from`, side-effect and dynamic imports included; comments and strings are
 * not imports) with TypeScript's own pre-processor, and applies the rules below.
 *
 * Test files (`*.test.ts`) are not shipped (tsconfig.build.json excludes them), so two things are allowed
 * to them only: importing `vitest` (and `fast-check` for property tests), and importing test support code
 * from test/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LAYERS = [
  'domain',
  'usecases',
  'storage',
  'server',
  'cli',
  'jobs',
  'config',
  'app',
  'scanner',
  'mail',
  'files',
] as const;

type RuleId =
  | 'known-layer'
  | 'domain-pure'
  | 'domain-no-ambient-io'
  | 'usecases-no-edges'
  | 'storage-no-upper-layers'
  | 'src-no-test-or-web'
  | 'web-only-shared-domain';

const RULES: Record<RuleId, string> = {
  'known-layer': `every folder directly under src/ is a layer: ${LAYERS.join(', ')}`,
  'domain-pure':
    'src/domain imports only relative files inside src/domain (no node: builtins, no packages, no other layers)',
  'domain-no-ambient-io':
    'src/domain reads no clock, randomness, environment or network (time is an argument; ENGINEERING.md)',
  'usecases-no-edges':
    'src/usecases imports no fastify, no commander, nothing from src/server, src/cli or web',
  'storage-no-upper-layers': 'src/storage imports nothing from src/server, src/cli or src/usecases',
  'src-no-test-or-web': 'nothing in src/ imports from test/ or web/',
  'web-only-shared-domain': 'web/src imports nothing from src/ except src/domain',
};

interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `src/domain/codes.ts`. */
  path: string;
  source: string;
}

interface Violation {
  file: string;
  specifier: string;
  rule: RuleId;
}

function formatViolation(v: Violation): string {
  return `${v.file}: '${v.specifier}' breaks ${v.rule}: ${RULES[v.rule]}`;
}

/** Import, export-from, dynamic import and `import = require` specifiers of a TS/TSX source. */
function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const isRelative = (spec: string): boolean => spec === '.' || spec === '..' || /^\.\.?\//.test(spec);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` → `node:fs`. */
function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

const isTestFile = (path: string): boolean => /\.test\.(ts|tsx|mts|cts)$/.test(path);

/** Repository-relative target of a relative specifier (may start with `../` when outside the repo). */
function resolveRelative(fromFile: string, spec: string): string {
  return posix.normalize(posix.join(posix.dirname(fromFile), spec));
}

const under = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

/** Calls and reads that make a domain function impure, found in the syntax tree (not in comments). */
function ambientIo(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      if (!node.arguments || node.arguments.length === 0) found.push('new Date()');
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(file);
      if (
        ['Date.now', 'Math.random', 'performance.now', 'fetch', 'setTimeout', 'setInterval'].includes(callee)
      ) {
        found.push(`${callee}()`);
      }
      if (callee === 'Date' && node.arguments.length === 0) found.push('Date()');
      if (/^(globalThis\.)?crypto\./.test(callee)) found.push(`${callee}()`);
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'process') found.push(`process.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Apply every rule to a set of files; returns the violations, in file order. */
function checkArchitecture(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  const reportedFolders = new Set<string>();

  for (const { path, source } of files) {
    const test = isTestFile(path);
    const segments = path.split('/');
    const inSrc = segments[0] === 'src';
    const inWebSrc = segments[0] === 'web' && segments[1] === 'src';
    const layer = inSrc && segments.length > 2 ? segments[1] : undefined;

    if (
      layer !== undefined &&
      !(LAYERS as readonly string[]).includes(layer) &&
      !reportedFolders.has(layer)
    ) {
      reportedFolders.add(layer);
      out.push({ file: path, specifier: `src/${layer}/`, rule: 'known-layer' });
    }

    for (const spec of importSpecifiers(source)) {
      const add = (rule: RuleId): void => {
        out.push({ file: path, specifier: spec, rule });
      };
      const relative = isRelative(spec);
      const target = relative ? resolveRelative(path, spec) : null;
      const pkg = relative ? null : packageName(spec);
      const testSupport = test && target !== null && under(target, 'test');

      if (inSrc) {
        if (target !== null && !testSupport && (under(target, 'test') || under(target, 'web'))) {
          add('src-no-test-or-web');
        }
      }

      if (layer === 'domain') {
        const allowedForTests = test && (pkg === 'vitest' || pkg === 'fast-check' || testSupport);
        if (!allowedForTests && (target === null || !under(target, 'src/domain'))) add('domain-pure');
      }

      if (layer === 'usecases') {
        const edgePackage =
          pkg !== null &&
          (pkg === 'fastify' ||
            pkg.startsWith('@fastify/') ||
            pkg.startsWith('fastify-') ||
            pkg === 'commander');
        const edgeFolder =
          target !== null && ['src/server', 'src/cli', 'src/web', 'web'].some((f) => under(target, f));
        if (edgePackage || edgeFolder) add('usecases-no-edges');
      }

      if (layer === 'storage') {
        if (target !== null && ['src/server', 'src/cli', 'src/usecases'].some((f) => under(target, f))) {
          add('storage-no-upper-layers');
        }
      }

      if (inWebSrc) {
        if (target !== null && under(target, 'src') && !under(target, 'src/domain'))
          add('web-only-shared-domain');
      }
    }

    if (layer === 'domain' && !test) {
      for (const expr of ambientIo(path, source))
        out.push({ file: path, specifier: expr, rule: 'domain-no-ambient-io' });
    }
  }
  return out;
}

// --- the real tree -----------------------------------------------------------------------------------

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function listSources(folder: string): SourceFile[] {
  const abs = join(ROOT, folder);
  let entries: string[];
  try {
    entries = readdirSync(abs, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries
    .filter((p) => /\.(ts|tsx|mts|cts)$/.test(p) && !p.split(sep).includes('node_modules'))
    .sort()
    .map((p) => {
      const full = join(abs, p);
      return { path: relative(ROOT, full).split(sep).join('/'), source: readFileSync(full, 'utf8') };
    });
}

describe('architecture: the import direction of the real tree', () => {
  const src = listSources('src');
  const web = listSources('web/src');

  it('finds the source files', () => {
    expect(src.some((f) => f.path.startsWith('src/domain/'))).toBe(true);
  });

  it('src/ and web/src/ follow every layer rule', () => {
    expect(checkArchitecture([...src, ...web]).map(formatViolation)).toEqual([]);
  });
});

// --- the checker itself can fail ---------------------------------------------------------------------

describe('architecture: the checker reports violations', () => {
  it('reads import type, export-from, side-effect and dynamic imports, and skips comments and strings', () => {
    const source = [
      "// import a from 'in-a-comment';",
      "/* export * from 'in-a-block-comment'; */",
      "import type { A } from './a.js';",
      "import { type B, c } from 'pkg-b';",
      "export * from './c.js';",
      "export type { D } from '../d.js';",
      "import './side-effect.js';",
      "const e = await import('node:fs');",
      'const s = "import f from \'in-a-string\'";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      './a.js',
      'pkg-b',
      './c.js',
      '../d.js',
      './side-effect.js',
      'node:fs',
    ]);
  });

  const cases: { name: string; file: SourceFile; violations: Omit<Violation, 'file'>[] }[] = [
    {
      name: 'domain importing a node: builtin',
      file: { path: 'src/domain/x.ts', source: "import { createHash } from 'node:crypto';" },
      violations: [{ specifier: 'node:crypto', rule: 'domain-pure' }],
    },
    {
      name: 'domain importing a package (type-only import counts)',
      file: { path: 'src/domain/x.ts', source: "import type { z } from 'zod';" },
      violations: [{ specifier: 'zod', rule: 'domain-pure' }],
    },
    {
      name: 'domain re-exporting from storage',
      file: { path: 'src/domain/access/x.ts', source: "export { repo } from '../../storage/repo.js';" },
      violations: [{ specifier: '../../storage/repo.js', rule: 'domain-pure' }],
    },
    {
      name: 'domain test importing a package other than vitest',
      file: { path: 'src/domain/x.test.ts', source: "import { vi } from 'vitest';\nimport pg from 'pg';" },
      violations: [{ specifier: 'pg', rule: 'domain-pure' }],
    },
    {
      name: 'domain reading the clock and the environment',
      file: {
        path: 'src/domain/x.ts',
        source: 'export const f = () => [Date.now(), new Date(), process.env.TZ, new Date(0)];',
      },
      violations: [
        { specifier: 'Date.now()', rule: 'domain-no-ambient-io' },
        { specifier: 'new Date()', rule: 'domain-no-ambient-io' },
        { specifier: 'process.env', rule: 'domain-no-ambient-io' },
      ],
    },
    {
      name: 'use case importing fastify, a fastify plugin and commander',
      file: {
        path: 'src/usecases/x.ts',
        source:
          "import type { FastifyInstance } from 'fastify';\nimport '@fastify/cookie';\nimport { Command } from 'commander';",
      },
      violations: [
        { specifier: 'fastify', rule: 'usecases-no-edges' },
        { specifier: '@fastify/cookie', rule: 'usecases-no-edges' },
        { specifier: 'commander', rule: 'usecases-no-edges' },
      ],
    },
    {
      name: 'use case importing the server and the CLI',
      file: {
        path: 'src/usecases/people/x.ts',
        source: "import { app } from '../../server/app.js';\nexport * from '../../cli/main.js';",
      },
      violations: [
        { specifier: '../../server/app.js', rule: 'usecases-no-edges' },
        { specifier: '../../cli/main.js', rule: 'usecases-no-edges' },
      ],
    },
    {
      name: 'storage importing a use case and the server',
      file: {
        path: 'src/storage/x.ts',
        source: "import type { U } from '../usecases/u.js';\nimport { s } from '../server/s.js';",
      },
      violations: [
        { specifier: '../usecases/u.js', rule: 'storage-no-upper-layers' },
        { specifier: '../server/s.js', rule: 'storage-no-upper-layers' },
      ],
    },
    {
      name: 'production code importing test support and the web app',
      file: {
        path: 'src/server/x.ts',
        source:
          "import { p } from '../../test/support/postgres-env.js';\nimport { w } from '../../web/src/api.js';",
      },
      violations: [
        { specifier: '../../test/support/postgres-env.js', rule: 'src-no-test-or-web' },
        { specifier: '../../web/src/api.js', rule: 'src-no-test-or-web' },
      ],
    },
    {
      name: 'web app importing server code',
      file: {
        path: 'web/src/features/x.tsx',
        source: "import { routes } from '../../../src/server/routes/x.js';",
      },
      violations: [{ specifier: '../../../src/server/routes/x.js', rule: 'web-only-shared-domain' }],
    },
    {
      name: 'a folder under src/ that is not a layer',
      file: { path: 'src/utils/x.ts', source: 'export const x = 1;' },
      violations: [{ specifier: 'src/utils/', rule: 'known-layer' }],
    },
  ];

  it.each(cases.map((c): [string, (typeof cases)[number]] => [c.name, c]))(
    'reports %s',
    (_name, { file, violations }) => {
      expect(checkArchitecture([file])).toEqual(violations.map((v) => ({ file: file.path, ...v })));
    },
  );

  it('accepts the imports the layers are allowed', () => {
    const allowed: SourceFile[] = [
      { path: 'src/domain/access/policies.ts', source: "import type { Code } from '../codes.js';" },
      {
        path: 'src/domain/x.test.ts',
        source: "import { it } from 'vitest';\nimport { f } from './x.js';\nconst now = new Date();",
      },
      {
        path: 'src/storage/x.test.ts',
        source: "import { requirePostgres } from '../../test/support/postgres-env.js';",
      },
      {
        path: 'src/usecases/x.ts',
        source:
          "import { can } from '../domain/access/policies.js';\nimport type { Tx } from '../storage/tx.js';\nimport { z } from 'zod';",
      },
      {
        path: 'src/server/x.ts',
        source: "import fastify from 'fastify';\nimport { run } from '../usecases/x.js';",
      },
      {
        path: 'src/storage/x.ts',
        source: "import { createHash } from 'node:crypto';\nimport { c } from '../config/c.js';",
      },
      {
        path: 'web/src/x.ts',
        source: "import { CODES } from '../../src/domain/codes.js';\nimport React from 'react';",
      },
      { path: 'src/index.ts', source: "import { main } from './cli/main.js';" },
    ];
    expect(checkArchitecture(allowed)).toEqual([]);
  });
});
