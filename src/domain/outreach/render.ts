/**
 * Rendering a template for one recipient: the placeholders are replaced, every value HTML-escaped in the
 * HTML body; the transparency block (R-26) and the objection sentence with its link (R-27) come from
 * facts. The rendered message is checked once more before it may be queued: it must still carry the
 * block and the link, and must not track (R-69).
 */
import type { TemplateCheckCode, TemplateLanguage, TemplateVersion } from './templates.js';
import { trackingFindings } from './tracking.js';
import { objectionSentence, type TransparencyFacts, transparencyBlock } from './transparency.js';

export interface RecipientValues {
  firstName: string;
  /** The branch's name; empty when none. */
  branchName: string;
}

export interface RenderedMessage {
  language: TemplateLanguage;
  subject: string;
  text: string;
  html: string | null;
  /** The transparency block as text (stored with the send record as `whyYou`, R-26). */
  whyYou: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

function fill(s: string, values: Record<string, string>): string {
  return s.replace(/\{([a-zA-Z_]+)\}/g, (m, name: string) => values[name] ?? m);
}

const BLOCK_STYLE =
  'margin:24px 0 0;padding:12px 16px;border-top:1px solid #c8c8c8;font-size:13px;line-height:1.5;color:#333';
const OBJECTION_STYLE =
  'margin:16px 0;padding:12px 16px;border:2px solid #1a4d8f;font-size:15px;line-height:1.5;color:#111';

export function renderMessage(
  version: TemplateVersion,
  language: TemplateLanguage,
  recipient: RecipientValues,
  facts: TransparencyFacts,
): RenderedMessage {
  const block = transparencyBlock(facts, language);
  const sentence = objectionSentence(language);
  const first = oneLine(recipient.firstName);
  const branch = oneLine(recipient.branchName);
  const subject = oneLine(fill(version.subject, { voornaam: first, afdeling: branch }));
  const text = fill(version.text, {
    voornaam: first,
    afdeling: branch,
    bezwaarlink: `${sentence} ${facts.objectionUrl}`,
    transparantieblok: block.text,
  });
  const url = escapeHtml(facts.objectionUrl);
  const html =
    version.html === null
      ? null
      : fill(version.html, {
          voornaam: escapeHtml(first),
          afdeling: escapeHtml(branch),
          bezwaarlink: `<p style="${OBJECTION_STYLE}"><strong>${escapeHtml(sentence)}</strong> <a href="${url}">${url}</a></p>`,
          transparantieblok: `<div style="${BLOCK_STYLE}">${block.lines
            .map(
              (l) =>
                `<p style="margin:0 0 8px"><strong>${escapeHtml(l.label)}:</strong> ${escapeHtml(l.value)}</p>`,
            )
            .join('')}</div>`,
        });
  return { language, subject, text, html, whyYou: block.text };
}

/**
 * The pre-send check of a rendered message (R-26, R-27, R-69): every reason it may not be queued.
 * The objection URL is the one per-recipient link it may hold.
 */
export function checkRendered(m: RenderedMessage, facts: TransparencyFacts): TemplateCheckCode[] {
  const out: TemplateCheckCode[] = [];
  const parts = [m.text, ...(m.html === null ? [] : [m.html])];
  if (!m.whyYou || parts.some((p) => !p.includes(facts.controllerName) || !p.includes(transparencyMarker(m))))
    out.push('TRANSPARENCY_BLOCK_MISSING');
  const url = facts.objectionUrl;
  if (parts.some((p) => !p.includes(url) && !p.includes(escapeHtml(url))))
    out.push('OBJECTION_NOTICE_MISSING_FIRST_CONTACT');
  const withoutLink = (s: string) =>
    s.split(url).join('https://objection.invalid/').split(escapeHtml(url)).join('');
  if (
    trackingFindings({ text: withoutLink(m.text), html: m.html === null ? null : withoutLink(m.html) })
      .length > 0
  )
    out.push('TRACKING_NOT_ALLOWED');
  return out;
}

/** A label only the generated block carries ("Herkomst van uw gegevens" / "Where your data came from"). */
function transparencyMarker(m: RenderedMessage): string {
  return m.language === 'nl' ? 'Herkomst van uw gegevens' : 'Where your data came from';
}
