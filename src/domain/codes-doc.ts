/** The code catalogue as Markdown (docs/codes.md), generated from CODES so the two never drift. */
import { LEGAL_UNVERIFIED } from './code-sets/legal.js';
import { OBLIGATIONS, type ObligationInfo } from './code-sets/obligations.js';
import { CODES } from './codes.js';

export function renderCodesDoc(): string {
  const rows = Object.entries(CODES).map(
    ([code, c]) => `| \`${code}\` | ${c.status} | ${'rule' in c ? c.rule : '—'} | ${c.nl} | ${c.en} |`,
  );
  const obligations = (Object.entries(OBLIGATIONS) as [string, ObligationInfo][]).map(
    ([code, o]) => `| \`${code}\` | ${o.rule} | ${o.nl} | ${o.en} | ${o.unverified ?? '—'} |`,
  );
  const unverified = Object.entries(LEGAL_UNVERIFIED).map(([code, note]) => `| \`${code}\` | ${note} |`);
  return `# Error and refusal codes

Generated from \`src/domain/codes.ts\` by \`npm run docs:codes\`; a test fails when this file is out of date.
Every API error is \`{ "code", "message", "details" }\`; \`message\` is Dutch, or English with
\`Accept-Language: en\`. Codes are stable: a code never changes meaning. Legal decision codes (LEGAL.md
Appendix C) join this list as the legal gate is built.

| code | HTTP | rule | Nederlands | English |
|---|---|---|---|---|
${rows.join('\n')}

## Obligations (LEGAL.md Appendix C.2)

Duties the legal gate lists with a decision (\`obligations[]\`), met or not; they are not errors and have
no HTTP status. Generated from \`src/domain/code-sets/obligations.ts\`. See docs/gate.md.

| code | rule | Nederlands | English | unverified in LEGAL.md |
|---|---|---|---|---|
${obligations.join('\n')}

## Unverified in LEGAL.md

These codes are enforced as written, but LEGAL.md marks part of their source unverified: have the FG or
a privacy lawyer check them before launch (LEGAL.md Appendix E; docs/legal-status.md).

| code | what is unverified |
|---|---|
${unverified.join('\n')}
`;
}
