/** Product codes of consent with proof (C2): purposes, texts, records, public forms, double opt-in, mail. */
import type { CodeInfo } from '../codes-types.js';

export const CONSENT_CODES = {} as const satisfies Record<string, CodeInfo>;
