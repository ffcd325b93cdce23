/** Product codes of imports behind the provenance gate (C3): datasets, files, mappings, rows. */
import type { CodeInfo } from '../codes-types.js';

export const IMPORT_CODES = {} as const satisfies Record<string, CodeInfo>;
