import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCodesDoc } from '../src/domain/codes-doc.js';

describe('docs', () => {
  it('docs/codes.md matches src/domain/codes.ts (run npm run docs:codes)', () => {
    expect(readFileSync(new URL('../docs/codes.md', import.meta.url), 'utf8')).toBe(renderCodesDoc());
  });
});
