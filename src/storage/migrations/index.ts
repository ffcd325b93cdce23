/** The one ordered migration set, applied on PGlite and PostgreSQL alike. Never edit a shipped one. */
import * as m001 from './001-foundation.js';
import * as m002 from './002-websites.js';

export const MIGRATIONS: readonly { name: string; sql: string }[] = [m001, m002];
