/** Product codes of issue 4 (audiences), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const AUDIENCE_CODES = {} as const satisfies Record<string, CodeInfo>;
