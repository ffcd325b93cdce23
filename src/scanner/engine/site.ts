/**
 * Pure helpers about sites: an approximation of the registrable domain (eTLD+1) without the full Public
 * Suffix List, the third-party test, and the filter for same-site links to crawl.
 */

/** Second-level public suffixes common enough to matter for party and candidate sites. */
const SECOND_LEVEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'org.nz',
  'co.za',
  'co.jp',
  'com.br',
  'com.tr',
  'com.mx',
  'com.cn',
  'co.in',
  'co.il',
  'com.sg',
  // Hosting platforms where every subdomain is its own site (they are private suffixes in the PSL).
  'github.io',
  'gitlab.io',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'herokuapp.com',
  'blogspot.com',
  'azurewebsites.net',
  'web.app',
  'firebaseapp.com',
]);

/** Reserved names (RFC 2606 / 6761) and loopback: the whole host is the site. */
const RESERVED_TLDS = new Set(['test', 'localhost', 'local', 'internal', 'example', 'invalid']);

function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  while (h.endsWith('.')) h = h.slice(0, -1);
  while (h.startsWith('.')) h = h.slice(1);
  return h;
}

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/**
 * Approximate registrable domain: the last two labels, or three after a known second-level suffix
 * (`co.uk`); for IP addresses, `localhost` and reserved test names (`*.test`) the host minus a leading
 * `www.`. Cookie domains with a leading dot are accepted.
 */
export function registrableDomain(host: string): string {
  const h = normalizeHost(host);
  if (h === '' || isIp(h)) return h;
  const labels = h.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length === 1) return h;
  if (RESERVED_TLDS.has(tld)) return h.startsWith('www.') ? h.slice(4) : h;
  const lastTwo = labels.slice(-2).join('.');
  if (SECOND_LEVEL_SUFFIXES.has(lastTwo)) return labels.length >= 3 ? labels.slice(-3).join('.') : h;
  return lastTwo;
}

export function sameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}

/** True when `host` is not on the scanned page's site. */
export function isThirdParty(host: string, pageHost: string): boolean {
  if (host === '') return false;
  return !sameSite(host, pageHost);
}

/** Host of a URL, or '' when it does not parse (data:, about:blank…). */
export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalizeHost(u.hostname) : '';
  } catch {
    return '';
  }
}

const NON_HTML = new Set(
  (
    'pdf doc docx xls xlsx ppt pptx odt ods odp rtf txt csv zip gz tgz rar 7z tar jpg jpeg png gif webp svg ' +
    'ico bmp tif tiff avif heic mp3 mp4 m4a m4v mov avi wmv webm ogg ogv wav flac css js mjs json xml rss ' +
    'atom ics vcf exe dmg apk msi iso woff woff2 ttf otf eot epub'
  ).split(' '),
);

/**
 * The URL to crawl for a link found on a page, or null: http(s) only, same registrable domain as
 * `siteHost`, without fragment, not a file type that is not a web page.
 */
export function crawlableLink(href: string, siteHost: string): string | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!sameSite(u.hostname, siteHost)) return null;
  u.hash = '';
  const last = u.pathname.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  if (dot > 0 && NON_HTML.has(last.slice(dot + 1).toLowerCase())) return null;
  return u.toString();
}

/** Same-site crawlable links, deduplicated, in page order, at most `max`. */
export function sameSiteLinks(hrefs: readonly string[], siteHost: string, max = 500): string[] {
  const out = new Set<string>();
  for (const href of hrefs) {
    const link = crawlableLink(href, siteHost);
    if (link) out.add(link);
    if (out.size >= max) break;
  }
  return [...out];
}
