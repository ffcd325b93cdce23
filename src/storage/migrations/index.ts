/** The one ordered migration set, applied on PGlite and PostgreSQL alike. Never edit a shipped one. */
import * as m001 from './001-foundation.js';
import * as m002 from './002-websites.js';
import * as m003 from './003-register.js';
import * as m004 from './004-consent.js';
import * as m005 from './005-imports.js';
import * as m006 from './006-mail.js';
import * as m007 from './007-gate.js';
import * as m008 from './008-audiences.js';
import * as m009 from './009-outreach.js';
import * as m010 from './010-exports.js';
import * as m011 from './011-gate-facts.js';
import * as m012 from './012-member-channels.js';

export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
];
