/**
 * Hypothetical assessments (C4): `POST /api/v1/assessments` takes a facts document and answers with the
 * legal gate's decision, each code spelled out in Dutch and English with its LEGAL.md entry.
 * Permission `assessment:run`. 400 VALIDATION_FAILED names every wrong or unknown field with its path;
 * 422 ASSESSMENT_FACTS_CONTRADICTORY names every contradiction with its path. docs/assessments.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/codes.js';
import { explainDecision } from '../../domain/gate/decision-messages.js';
import type { Deps } from '../../usecases/deps.js';
import { assessHypothetical } from '../../usecases/gate/assess-hypothetical.js';
import { requireActor } from '../auth.js';
import { authErrors, errorSchema } from '../schemas.js';
import { explainedDecisionSchema, fieldProblems, gateFactsSchema } from './assessment-schemas.js';

export function assessmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/assessments',
      {
        // The handler re-validates to name each unknown field on its own path (the schema stays for OpenAPI).
        attachValidation: true,
        schema: {
          tags: ['assessments'],
          summary: 'May we do this? The legal gate decides a hypothetical facts document (nothing is stored)',
          body: gateFactsSchema,
          response: { 200: explainedDecisionSchema, 400: errorSchema, 422: errorSchema, ...authErrors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const parsed = gateFactsSchema.safeParse(req.body);
        if (!parsed.success) {
          throw new DomainError('VALIDATION_FAILED', {
            in: 'body',
            fields: fieldProblems(parsed.error.issues),
          });
        }
        return explainDecision(await assessHypothetical(deps, actor, parsed.data));
      },
    );
  };
}
