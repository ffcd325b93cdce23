/**
 * The document around every public page: `lang`, a title, our own style sheet, a skip link, a language
 * switch (Dutch first, `?lang=en`), one <main>, and a footer that says what the page does not do. No
 * scripts, no inline styles, nothing from another origin. The embed variant (`?embed=1`, for iframes)
 * leaves out the top bar.
 */
import type { Locale } from '../../domain/codes.js';
import { type Html, html } from './html.js';
import { messages } from './messages.js';

export const PUBLIC_CSS_PATH = '/f/assets/public.css';

/** The query string of a public page: language and embed, nothing else. */
export function pageQuery(locale: Locale, embed: boolean): string {
  const q = new URLSearchParams();
  if (locale === 'en') q.set('lang', 'en');
  if (embed) q.set('embed', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface PageOptions {
  locale: Locale;
  title: string;
  /** Path of this page without query, for the language switch. */
  path: string;
  embed: boolean;
  /** Who runs the page (the controller), shown in the top bar. */
  owner?: string | null;
  body: Html;
}

export function renderPage(o: PageOptions): string {
  const m = messages(o.locale);
  const other: Locale = o.locale === 'en' ? 'nl' : 'en';
  const otherName = messages(other).langName;
  const switchLink = html`<a href="${o.path}${pageQuery(other, o.embed)}" lang="${other}" hreflang="${other}">${otherName}</a>`;
  const doc = html`<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${o.title}${o.owner ? ` · ${o.owner}` : ''}</title>
<link rel="stylesheet" href="${PUBLIC_CSS_PATH}">
</head>
<body${o.embed ? html` class="kk-embed"` : ''}>
<a class="kk-skip" href="#main">${m.skip}</a>
${
  o.embed
    ? html`<div class="kk-top"><span></span>${switchLink}</div>`
    : html`<header class="kk-top"><p>${o.owner ?? ''}</p>${switchLink}</header>`
}
<main id="main" tabindex="-1">
${o.body}
</main>
<footer><p>${m.footer}</p></footer>
</body>
</html>
`;
  return doc.value;
}
