/**
 * `kieskluis assess --json FILE` — a hypothetical assessment by the legal gate (C4), on its own: no
 * server, no database, no configuration. Reads a facts document (docs/assessments.md; `-` = stdin),
 * checks it with the same schema and contradiction check as `POST /api/v1/assessments`, and prints the
 * decision as JSON, or with `--explain` the reasons and obligations with their Dutch and English messages.
 *
 * Exit codes: 0 allowed; 1 refused; 2 invalid document (unreadable, not JSON, wrong fields, contradictory);
 * 3 an internal error.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CODES, type Code } from '../../domain/codes.js';
import { assess } from '../../domain/gate/assess.js';
import {
  type ExplainedCode,
  type ExplainedDecision,
  explainDecision,
} from '../../domain/gate/decision-messages.js';
import { factsProblems } from '../../domain/gate/facts-check.js';
import { fieldProblems, gateFactsSchema } from '../../server/routes/assessment-schemas.js';

export const EXIT_ALLOWED = 0;
export const EXIT_REFUSED = 1;
export const EXIT_INVALID = 2;
export const EXIT_INTERNAL = 3;

interface AssessCliOptions {
  json: string;
  explain?: boolean;
}

/** The invalid-document answer: the API's error shape on stdout (JSON mode), people's lines on stderr. */
function invalid(o: AssessCliOptions, code: Code, details: Record<string, unknown>, lines: string[]): number {
  if (!o.explain) {
    process.stdout.write(`${JSON.stringify({ code, message: CODES[code].nl, details }, null, 2)}\n`);
  }
  process.stderr.write(
    `${code}: ${CODES[code].nl} / ${CODES[code].en}\n${lines.map((l) => `  ${l}\n`).join('')}`,
  );
  return EXIT_INVALID;
}

function codeLines(title: string, items: ExplainedCode[]): string[] {
  if (!items.length) return [];
  return [
    title,
    ...items.flatMap((c) => [
      `  ${c.code}${c.rule ? ` (${c.rule})` : ''}`,
      `    nl: ${c.nl}`,
      `    en: ${c.en}`,
    ]),
  ];
}

/** The decision for people, Dutch first. */
export function describeDecision(d: ExplainedDecision): string {
  return [
    d.allowed ? 'TOEGESTAAN / ALLOWED' : 'NIET TOEGESTAAN / REFUSED',
    `Grondslag / basis: ${d.basis ?? '—'}`,
    `Bijzondere persoonsgegevens / special category: ${d.specialCategory ? 'ja / yes' : 'nee / no'}`,
    ...codeLines('Redenen / reasons:', d.reasons),
    ...codeLines('Weigeringen van het product / product refusals:', d.productRefusals),
    ...codeLines('Verplichtingen / obligations:', d.obligations),
  ].join('\n');
}

/** Runs the assessment of one document; returns the exit code. */
export function runAssess(o: AssessCliOptions): number {
  let raw: string;
  try {
    raw = readFileSync(o.json === '-' ? 0 : o.json, 'utf8');
  } catch (e) {
    return invalid(o, 'VALIDATION_FAILED', { file: o.json, problem: 'not readable' }, [
      `${o.json}: niet leesbaar / not readable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    ]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    return invalid(o, 'MALFORMED_JSON', { problem: (e as Error).message }, [(e as Error).message]);
  }
  const parsed = gateFactsSchema.safeParse(doc);
  if (!parsed.success) {
    const fields = fieldProblems(parsed.error.issues);
    return invalid(
      o,
      'VALIDATION_FAILED',
      { in: 'body', fields },
      fields.map((f) => `${f.field}: ${f.problem}`),
    );
  }
  const problems = factsProblems(parsed.data);
  if (problems.length) {
    return invalid(
      o,
      'ASSESSMENT_FACTS_CONTRADICTORY',
      { problems },
      problems.map((p) => `${p.path}: ${p.check} — ${p.nl} / ${p.en}`),
    );
  }
  const decision = explainDecision(assess(parsed.data));
  process.stdout.write(
    o.explain ? `${describeDecision(decision)}\n` : `${JSON.stringify(decision, null, 2)}\n`,
  );
  return decision.allowed ? EXIT_ALLOWED : EXIT_REFUSED;
}

export function registerAssessCommand(program: Command): void {
  program
    .command('assess')
    .description(
      'mag dit? de juridische poort beoordeelt een feitendocument, zonder database / may we do this? the legal gate decides a facts document, no database needed',
    )
    .requiredOption('--json <file>', 'feitendocument (JSON; - = stdin), zie docs/assessments.md')
    .option('--explain', 'redenen en verplichtingen als tekst (nl/en) / reasons and obligations as text')
    .addHelpText(
      'after',
      '\nExit: 0 toegestaan/allowed, 1 geweigerd/refused, 2 ongeldig document/invalid document.',
    )
    .action((o: AssessCliOptions) => {
      let code: number;
      try {
        code = runAssess(o);
      } catch (e) {
        process.stderr.write(`Fout / error: ${(e as Error).message}\n`);
        code = EXIT_INTERNAL;
      }
      process.exitCode = code;
    });
}
