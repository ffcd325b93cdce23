/**
 * Person search, pure parts: what a query is (e-mail, phone, full postcode, four postcode digits, or name
 * tokens) and how names are tokenised for the keyed blind index. Search is exact per token: the register
 * never decrypts to filter, so it stays index-backed at a million persons (C1).
 */
import { addMonthsNl } from '../calendar.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizePostcode } from './validate-contact.js';

export type SearchQuery =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'postcode'; value: string }
  | { kind: 'postcode_area'; digits: number }
  | { kind: 'name'; tokens: string[] };

/** At most this many name tokens in a query (each is one index term). */
export const MAX_QUERY_TOKENS = 6;

/** Lower case, accents removed, split on anything not a letter or digit: "Van der Berg-Öz" → van, der, berg, oz. */
export function nameTokens(...parts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const p of parts) {
    if (!p) continue;
    for (const t of p
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)) {
      if (t) out.add(t);
    }
  }
  return [...out];
}

/** The key a full postcode is indexed on: "1234 AB" → "1234AB". */
export function postcodeKey(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/**
 * Detect what the user typed: an e-mail address (has "@"), a full postcode ("1234 AB"), four digits
 * (a postcode area), a phone number (digits, at least eight), otherwise name tokens. Null when the query
 * is empty or holds no searchable token.
 */
export function parseSearchQuery(raw: string): SearchQuery | null {
  const q = raw.trim();
  if (q === '') return null;
  if (q.includes('@')) {
    const e = normalizeEmailAddress(q);
    return { kind: 'email', value: e.ok ? e.value : q };
  }
  if (/^[0-9]{4}\s*[A-Za-z]{2}$/.test(q)) {
    const p = normalizePostcode(q);
    return p.ok ? { kind: 'postcode', value: p.value } : { kind: 'postcode', value: q.toUpperCase() };
  }
  if (/^[1-9][0-9]{3}$/.test(q)) return { kind: 'postcode_area', digits: Number(q) };
  const digits = q.replace(/[^0-9]/g, '');
  if (/^[+0-9(][0-9\s().\-/+]*$/.test(q) && digits.length >= 8) {
    const p = normalizePhoneNumber(q);
    return { kind: 'phone', value: p.ok ? p.value : q };
  }
  const tokens = nameTokens(q).slice(0, MAX_QUERY_TOKENS);
  return tokens.length ? { kind: 'name', tokens } : null;
}

/**
 * for data not obtained from the person, the art 14 information is due one month after the data
 * were obtained (earlier at first contact or disclosure, which the mailing and export rules check).
 */
export function art14DueAt(obtainedFromSubject: boolean, collectedAt: Date): Date | null {
  return obtainedFromSubject ? null : addMonthsNl(collectedAt, 1);
}
