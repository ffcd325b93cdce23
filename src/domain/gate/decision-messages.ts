/**
 * A decision with each code spelled out for people (C4): the Dutch and English message and the LEGAL.md
 * entry, from the code catalogue (reasons and product refusals: CODES; obligations: OBLIGATIONS).
 * A suffix `:<x>` (Appendix C.0) is kept in the code and ignored for the lookup.
 */

import { OBLIGATIONS } from '../code-sets/obligations.js';
import { CODES } from '../codes.js';
import type { Decision, DecisionBasis } from './types.js';

export interface ExplainedCode {
  code: string;
  nl: string;
  en: string;
  rule: string | null;
}

export interface ExplainedDecision {
  allowed: boolean;
  basis: DecisionBasis;
  specialCategory: boolean;
  reasons: ExplainedCode[];
  obligations: ExplainedCode[];
  productRefusals: ExplainedCode[];
}

type Catalogue = Record<string, { nl: string; en: string; rule?: string }>;

function explain(code: string, catalogue: Catalogue): ExplainedCode {
  const info = catalogue[code.split(':')[0] ?? code];
  return info
    ? { code, nl: info.nl, en: info.en, rule: info.rule ?? null }
    : { code, nl: code, en: code, rule: null };
}

export function explainDecision(d: Decision): ExplainedDecision {
  const codes = CODES as Catalogue;
  return {
    allowed: d.allowed,
    basis: d.basis,
    specialCategory: d.specialCategory,
    reasons: d.reasons.map((c) => explain(c, codes)),
    obligations: d.obligations.map((c) => explain(c, OBLIGATIONS as Catalogue)),
    productRefusals: d.productRefusals.map((c) => explain(c, codes)),
  };
}
