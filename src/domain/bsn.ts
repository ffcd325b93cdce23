/**
 * The citizen service number (burgerservicenummer, BSN) detector: a political party has no legal
 * basis to process the BSN (UAVG art 46), so imports and free text are checked for it. A BSN is nine
 * digits that pass the "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero).
 *
 * What counts as a candidate in a text: a run of exactly nine digits (not part of a longer digit run and
 * not after a "+", so phone numbers in E.164 are not candidates), or nine digits written in the usual
 * groups (123.456.782, 1234 56 782, 123-45-67-82). Eight-digit values (a BSN whose leading zero a
 * spreadsheet dropped) are not checked: they collide too often with dates (20240301) and KvK numbers.
 */

/** Whether nine digits pass the elfproef for a BSN. */
export function isBsn(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

// A plain nine-digit run; or nine digits in groups 3-3-3, 3-2-2-2 or 4-2-3 separated by space, dot or dash
// (grouped candidates must not continue a longer grouped number, like a phone number written in groups).
const CANDIDATES = new RegExp(
  [
    '(?<![0-9+])[0-9]{9}(?![0-9])',
    '(?<![0-9+])(?<![0-9][ .-])(?:[0-9]{3}[ .-][0-9]{3}[ .-][0-9]{3}|[0-9]{3}[ .-][0-9]{2}[ .-][0-9]{2}[ .-][0-9]{2}|[0-9]{4}[ .-][0-9]{2}[ .-][0-9]{3})(?![0-9])(?![ .-][0-9])',
  ].join('|'),
  'g',
);

/** Whether a text contains a BSN anywhere. Never returns or logs the number itself. */
export function containsBsn(text: string): boolean {
  if (text.length < 9) return false;
  for (const m of text.matchAll(CANDIDATES)) {
    if (isBsn(m[0].replace(/[ .-]/g, ''))) return true;
  }
  return false;
}

export const BSN_MASK = '•••••••••';

/** The text with every BSN replaced by a mask, for showing a preview or a note (R-43: "masked"). */
export function maskBsn(text: string): string {
  if (text.length < 9) return text;
  return text.replace(CANDIDATES, (m) => (isBsn(m.replace(/[ .-]/g, '')) ? BSN_MASK : m));
}
