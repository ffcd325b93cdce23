/**
 * Outgoing mail carries no tracking: no remote images (open-tracking pixels), no linked or
 * imported style sheets, no scripts, no remote CSS resources, no frames or embedded objects. Mail HTML is
 * self-contained with inline styles; links are plain. A mail that breaks this is refused before it is
 * queued: `TRACKING_NOT_ALLOWED`, naming what was found.
 */
import { DomainError } from '../domain/codes.js';

interface Rule {
  what: string;
  test: RegExp;
}

const RULES: readonly Rule[] = [
  // <img src="http…">, src='//host/…', unquoted, srcset, also in <picture><source>
  { what: 'remote image', test: /<(img|source|input)\b[^>]*\b(src|srcset)\s*=\s*["']?\s*(https?:)?\/\//i },
  {
    what: '<img> without an embedded (cid:/data:) source',
    test: /<img\b(?![^>]*\bsrc\s*=\s*["']?\s*(cid|data):)/i,
  },
  { what: '<link> element', test: /<link\b/i },
  { what: '<script> element', test: /<script\b/i },
  { what: 'frame or embedded object', test: /<(iframe|frame|object|embed|audio|video)\b/i },
  { what: 'external CSS (@import)', test: /@import\b/i },
  { what: 'remote CSS resource url()', test: /url\(\s*["']?\s*(https?:)?\/\//i },
  { what: 'remote background attribute', test: /\bbackground\s*=\s*["']?\s*(https?:)?\/\//i },
  { what: 'event handler attribute', test: /<[a-z][^>]*\son[a-z]+\s*=/i },
  { what: 'meta refresh', test: /<meta\b[^>]*http-equiv\s*=\s*["']?refresh/i },
];

/** The reasons a mail HTML body would track or load remote content; empty when it is clean. */
export function trackingFindings(html: string): string[] {
  return RULES.filter((r) => r.test.test(html)).map((r) => r.what);
}

/** Throws TRACKING_NOT_ALLOWED when the HTML body loads anything remote or runs anything. */
export function assertNoTracking(html: string | null | undefined): void {
  if (!html) return;
  const found = trackingFindings(html);
  if (found.length > 0) throw new DomainError('TRACKING_NOT_ALLOWED', { field: 'html', found });
}
