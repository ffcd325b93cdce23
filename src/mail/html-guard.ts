/**
 * Outgoing mail carries no tracking: no remote images (open-tracking pixels), no linked or
 * imported style sheets, no scripts, no remote CSS resources, no frames or embedded objects. Mail HTML is
 * self-contained with inline styles; links are plain. A mail that breaks this is refused before it is
 * queued: `TRACKING_NOT_ALLOWED`, naming what was found. The rules are the domain's
 * (src/domain/outreach/tracking.ts), shared with the campaign template checks.
 */
import { DomainError } from '../domain/codes.js';
import { htmlTrackingFindings } from '../domain/outreach/tracking.js';

/** The reasons a mail HTML body would track or load remote content; empty when it is clean. */
export function trackingFindings(html: string): string[] {
  return htmlTrackingFindings(html);
}

/** Throws TRACKING_NOT_ALLOWED when the HTML body loads anything remote or runs anything. */
export function assertNoTracking(html: string | null | undefined): void {
  if (!html) return;
  const found = trackingFindings(html);
  if (found.length > 0) throw new DomainError('TRACKING_NOT_ALLOWED', { field: 'html', found });
}
