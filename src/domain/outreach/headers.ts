/**
 * The headers of a campaign message: a deterministic Message-ID per campaign message (a resend after an
 * unknown outcome is recognisable as the same message), and machine-readable objection: RFC 2369
 * List-Unsubscribe with our objection URL (and a mailto only when the party has an address for it) plus
 * RFC 8058 List-Unsubscribe-Post for one-click. RFC 8058 one-click needs an HTTPS URI: with an http
 * public URL (a local demo, KIESKLUIS_PUBLIC_URL=http://…) the List-Unsubscribe-Post header is left out,
 * so no mail client is promised a one-click it may not use; List-Unsubscribe and the link in the body
 * still work (docs/outreach.md).
 */
export function campaignMessageIdHeader(campaignMessageId: string, mailFrom: string): string {
  const at = mailFrom.lastIndexOf('@');
  const domain =
    (at >= 0 ? mailFrom.slice(at + 1) : mailFrom).replace(/[^A-Za-z0-9.-]/g, '') || 'kieskluis.invalid';
  return `<campaign-message.${campaignMessageId}@${domain}>`;
}

/** RFC 8058 section 3.1: the one-click URI must be HTTPS. */
export function oneClickAllowed(objectionUrl: string): boolean {
  return /^https:\/\/[^\s/?#]+/i.test(objectionUrl);
}

export function campaignHeaders(o: {
  campaignMessageId: string;
  mailFrom: string;
  objectionUrl: string;
  unsubscribeMailto: string | null;
}): Record<string, string> {
  const list = [`<${o.objectionUrl}>`, ...(o.unsubscribeMailto ? [`<mailto:${o.unsubscribeMailto}>`] : [])];
  return {
    'Message-ID': campaignMessageIdHeader(o.campaignMessageId, o.mailFrom),
    'List-Unsubscribe': list.join(', '),
    ...(oneClickAllowed(o.objectionUrl) ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}

/** Header names and values an outgoing mail may carry: no line breaks (header injection), bounded. */
export function headerProblems(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (!/^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(k)) out.push(`header name ${k}`);
    if (/[\r\n]/.test(v) || v.length > 2000) out.push(`header ${k}`);
  }
  return out;
}
