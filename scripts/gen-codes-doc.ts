/** Writes docs/codes.md from src/domain/codes.ts and the obligations catalogue (`npm run docs:codes`); a test keeps them in sync. */
import { writeFileSync } from 'node:fs';
import { renderCodesDoc } from '../src/domain/codes-doc.js';

writeFileSync(new URL('../docs/codes.md', import.meta.url), renderCodesDoc());
process.stdout.write('docs/codes.md written\n');
