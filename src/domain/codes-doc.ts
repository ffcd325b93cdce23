/** The code catalogue as Markdown (docs/codes.md), generated from CODES so the two never drift. */
import { CODES } from './codes.js';

export function renderCodesDoc(): string {
  const rows = Object.entries(CODES).map(
    ([code, c]) => `| \`${code}\` | ${c.status} | ${'rule' in c ? c.rule : '—'} | ${c.nl} | ${c.en} |`,
  );
  return `# Error and refusal codes

Generated from \`src/domain/codes.ts\` by \`npm run docs:codes\`; a test fails when this file is out of date.
Every API error is \`{ "code", "message", "details" }\`; \`message\` is Dutch, or English with
\`Accept-Language: en\`. Codes are stable: a code never changes meaning. Legal decision codes (LEGAL.md
Appendix C) join this list as the legal gate is built.

| code | HTTP | rule | Nederlands | English |
|---|---|---|---|---|
${rows.join('\n')}
`;
}
