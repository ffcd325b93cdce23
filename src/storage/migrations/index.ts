/** The one ordered migration set, applied on PGlite and PostgreSQL alike. Never edit a shipped one. */
import * as m001 from './001-foundation.js';

export const MIGRATIONS: readonly { name: string; sql: string }[] = [m001];
