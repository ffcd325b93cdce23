/**
 * Time rules of the double opt-in (R-17, PRODUCT CHOICE): a confirmation link lives 14 days; sign-ups
 * that never confirm are purged after 14 days; withdrawal links never expire (R-16: withdrawing is always
 * possible).
 */

export const CONFIRMATION_VALID_DAYS = 14;
export const PENDING_PURGE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a confirmation link created at `createdAt` stops working. */
export function confirmationExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + CONFIRMATION_VALID_DAYS * DAY_MS);
}

/** Whether a link with this expiry (null = never) has expired at `now`. */
export function linkExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && now.getTime() >= expiresAt.getTime();
}

/** Pending web-form consents given before this instant are purged (R-17: purged on day 15). */
export function pendingPurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - PENDING_PURGE_DAYS * DAY_MS);
}

/** Tokens in links: 43 base64url characters (32 random bytes); anything else is refused before lookup. */
export function isWellFormedLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
