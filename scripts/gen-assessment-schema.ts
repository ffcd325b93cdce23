/** Writes docs/assessment-facts.schema.json from the zod schema (`npm run docs:assessment-schema`); a test keeps them in sync. */
import { writeFileSync } from 'node:fs';
import { factsJsonSchemaText } from '../src/server/routes/assessment-schemas.js';

writeFileSync(new URL('../docs/assessment-facts.schema.json', import.meta.url), factsJsonSchemaText());
process.stdout.write('docs/assessment-facts.schema.json written\n');
