import { CODES, type Code, messageFor } from '../../../../src/domain/codes';
import type { Locale } from '../../i18n';

const isCode = (c: string): c is Code => Object.hasOwn(CODES, c);

/** The plain-words message of a reason code in the UI language (the code itself when unknown). */
export function codeText(code: string, locale: Locale): string {
  const base = code.split(':')[0] ?? code;
  return isCode(base) ? messageFor(base, locale) : code;
}
