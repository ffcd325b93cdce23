/** Product codes of the person register (C1): persons, memberships, evidence, fields, tags and notes. */
import type { CodeInfo } from '../codes-types.js';

export const REGISTER_CODES = {} as const satisfies Record<string, CodeInfo>;
