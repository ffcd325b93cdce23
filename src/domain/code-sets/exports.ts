/** Product codes of issue 4 (exports), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const EXPORT_CODES = {} as const satisfies Record<string, CodeInfo>;
