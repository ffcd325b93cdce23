/**
 * The signed form token of the public consent forms: spam protection without third parties. Rendering a
 * form issues `v1.<issued-at>.<submission id>.<signature>`, signed with the keyring's keyed hash and bound
 * to the form's slug. A submission is refused when the token is missing, altered or for another form
 * (FORM_TOKEN_INVALID), sent faster than a person fills in a form (FORM_SUBMITTED_TOO_FAST) or older than
 * a day (FORM_TOKEN_EXPIRED). The submission id is the consent use case's idempotency key: posting the same
 * rendered form twice records one consent per purpose.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Code } from '../../domain/codes.js';
import type { Keyring } from '../../storage/crypto/keyring.js';

/** Faster than this, a submission is a bot. */
export const FORM_MIN_FILL_MS = 2_000;
/** A rendered form is good for one day. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60_000;

const KIND = 'public-form-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(keyring: Pick<Keyring, 'blindIndex'>, slug: string, issued: string, id: string): string {
  return keyring.blindIndex(KIND, `${slug}\u0000${issued}\u0000${id}`);
}

/** A fresh token for rendering the form `slug` at `at` (also used by the sign-up benchmark). */
export function issueFormToken(keyring: Pick<Keyring, 'blindIndex'>, slug: string, at: Date): string {
  const issued = at.getTime().toString(36);
  const id = randomUUID();
  return `v1.${issued}.${id}.${sign(keyring, slug, issued, id)}`;
}

export type FormTokenCheck = { ok: true; submissionId: string } | { ok: false; code: Code };

export function checkFormToken(
  keyring: Pick<Keyring, 'blindIndex'>,
  slug: string,
  token: string | undefined,
  now: Date,
): FormTokenCheck {
  const parts = (token ?? '').split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return { ok: false, code: 'FORM_TOKEN_INVALID' };
  const [, issued, id, sig] = parts as [string, string, string, string];
  if (!/^[0-9a-z]{1,12}$/.test(issued) || !UUID.test(id)) return { ok: false, code: 'FORM_TOKEN_INVALID' };
  const expected = Buffer.from(sign(keyring, slug, issued, id));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, code: 'FORM_TOKEN_INVALID' };
  }
  const age = now.getTime() - Number.parseInt(issued, 36);
  if (age < FORM_MIN_FILL_MS) return { ok: false, code: 'FORM_SUBMITTED_TOO_FAST' };
  if (age > FORM_TOKEN_MAX_AGE_MS) return { ok: false, code: 'FORM_TOKEN_EXPIRED' };
  return { ok: true, submissionId: id };
}
