/** The hypothetical-assessment API (docs/assessments.md). */
import type { ExplainedDecision } from '../../../../src/domain/gate/decision-messages';
import { api } from '../../api';

export type { ExplainedCode, ExplainedDecision } from '../../../../src/domain/gate/decision-messages';

export function runAssessment(doc: unknown): Promise<ExplainedDecision> {
  return api<ExplainedDecision>('POST', '/api/v1/assessments', doc);
}

/** The field or contradiction problems of a 400 / 422 answer, as "path: problem" lines. */
export interface DocumentProblem {
  path: string;
  text: string;
}
