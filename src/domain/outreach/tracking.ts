/**
 * No tracking in campaign mail, in pure form: the same rules as the outbox's guard
 * (src/mail/html-guard.ts: no remote images or pixels, no style sheets, scripts, frames, remote CSS) plus
 * what a template could use to follow one person: links with tracking parameters (utm_*, fbclid, gclid,
 * mc_eid …) and links that carry a placeholder (a per-recipient URL). The objection link is the one
 * per-recipient link allowed, and only through its own placeholder.
 */

interface Rule {
  what: string;
  test: RegExp;
}

/** What makes mail HTML load remote content or run anything; the outbox guard (src/mail) uses the same list. */
export const HTML_RULES: readonly Rule[] = [
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

/** Query parameters that exist to follow a click back to a campaign or a person. */
const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i,
  /^(fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id|epik|rdt_cid)$/i,
  /^(mc_eid|mc_cid|_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|mkt_tok|vero_id|vero_conv|oly_anon_id|oly_enc_id|_ke|ml_subscriber|ml_subscriber_hash|s_cid|sc_cid|trk|trkid|tracking_id|recipient_id|subscriber_id|wickedid|_openstat|ck_subscriber_id)$/i,
];

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')]+/gi;
const HREF = /\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi;

function paramFindings(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const query = url.slice(q + 1).split('#')[0] ?? '';
  const found: string[] = [];
  for (const part of query.split(/[&;]/)) {
    const name = decodeSafe(part.split('=')[0] ?? '');
    if (name && TRACKING_PARAMS.some((p) => p.test(name))) found.push(`tracking parameter ${name}`);
  }
  return found;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** A URL that contains a placeholder other than the objection link is per-recipient. */
function perRecipient(url: string): boolean {
  return /\{[a-z]+\}/i.test(url.replace(/\{bezwaarlink\}/gi, ''));
}

function urlsOf(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(URL_IN_TEXT)) out.add(m[0]);
  for (const m of s.matchAll(HREF)) if (m[1]) out.add(m[1]);
  return [...out];
}

/** The HTML rules alone: what in a mail body loads remote content or runs anything (the outbox guard). */
export function htmlTrackingFindings(html: string): string[] {
  return HTML_RULES.filter((r) => r.test.test(html)).map((r) => r.what);
}

/** What in a template part would track the reader; empty when clean. Pure; used on templates and renders. */
export function trackingFindings(part: { text: string; html: string | null }): string[] {
  const found = new Set<string>();
  if (part.html) for (const what of htmlTrackingFindings(part.html)) found.add(what);
  for (const url of [...urlsOf(part.text), ...urlsOf(part.html ?? '')]) {
    for (const f of paramFindings(url)) found.add(f);
    if (perRecipient(url)) found.add('per-recipient link');
  }
  return [...found];
}
