/** Product codes of issue 4 (outreach), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const OUTREACH_CODES = {} as const satisfies Record<string, CodeInfo>;
