/** Product codes of issue 4 (gate), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const GATE_CODES = {
  /** A hypothetical facts document whose facts contradict each other (details.problems: path + check). */
  ASSESSMENT_FACTS_CONTRADICTORY: {
    status: 422,
    nl: 'Het feitendocument spreekt zichzelf tegen; er is geen besluit genomen. Zie de problemen in details.',
    en: 'The facts document contradicts itself; no decision was made. See the problems in details.',
  },
} as const satisfies Record<string, CodeInfo>;
