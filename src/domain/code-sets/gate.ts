/** Product codes of issue 4 (gate), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const GATE_CODES = {} as const satisfies Record<string, CodeInfo>;
