/**
 * The other public pages: "check your mail" after sending, the confirm step (a button: GET never
 * changes anything, because mail scanners open links), the receipt after confirming, the withdrawal page
 * with one-click buttons per purpose (R-16: as easy as giving), its done page, and the friendly error page
 * that names the code (never a stack trace).
 */
import { type Code, type Locale, messageFor } from '../../domain/codes.js';
import { html } from './html.js';
import { pageQuery, renderPage } from './layout.js';
import { messages } from './messages.js';

export type SubmitOutcome = 'confirmation_sent' | 'guardian_confirmation_sent' | 'already_pending';

export function renderThanksPage(o: {
  locale: Locale;
  embed: boolean;
  slug: string;
  outcome: SubmitOutcome;
  owner: string | null;
}): string {
  const m = messages(o.locale);
  const body =
    o.outcome === 'guardian_confirmation_sent'
      ? m.thanks.guardianBody
      : o.outcome === 'already_pending'
        ? m.thanks.pendingBody
        : m.thanks.body;
  return renderPage({
    locale: o.locale,
    title: m.thanks.title,
    path: `/f/${encodeURIComponent(o.slug)}`,
    embed: o.embed,
    owner: o.owner,
    body: html`<h1>${m.thanks.title}</h1>
<p role="status">${body}</p>
<p>${m.thanks.noMail}</p>`,
  });
}

export function renderConfirmPage(o: { locale: Locale; token: string }): string {
  const m = messages(o.locale);
  const path = `/f/bevestigen/${encodeURIComponent(o.token)}`;
  return renderPage({
    locale: o.locale,
    title: m.confirm.title,
    path,
    embed: false,
    body: html`<h1>${m.confirm.title}</h1>
<p>${m.confirm.body}</p>
<form method="post" action="${path}${pageQuery(o.locale, false)}">
<button type="submit">${m.confirm.button}</button>
</form>`,
  });
}

export interface ReceiptPurpose {
  label: string;
  text?: string | null;
}

export function renderConfirmedPage(o: {
  locale: Locale;
  token: string;
  outcome: 'confirmed' | 'already_confirmed';
  purposes: ReceiptPurpose[];
  confirmedAt: Date;
  /** A withdrawal link for what was confirmed (first click only). */
  withdrawToken?: string | null;
}): string {
  const m = messages(o.locale);
  const when = new Intl.DateTimeFormat(o.locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(o.confirmedAt);
  return renderPage({
    locale: o.locale,
    title: m.confirmed.title,
    path: `/f/bevestigen/${encodeURIComponent(o.token)}`,
    embed: false,
    body: html`<h1>${m.confirmed.title}</h1>
${o.outcome === 'already_confirmed' ? html`<p role="status">${m.confirmed.already}</p>` : ''}
<section class="kk-receipt" aria-labelledby="receipt-title">
<h2 id="receipt-title">${m.confirmed.receipt}</h2>
<p>${m.confirmed.receiptIntro}</p>
<ul>${o.purposes.map((p) => html`<li><strong>${p.label}</strong>${p.text ? html`: ${p.text}` : ''}</li>`)}</ul>
<p>${m.confirmed.confirmedAt}: ${when}</p>
</section>
${
  o.withdrawToken
    ? html`<p>${m.confirmed.withdrawNow} <a href="/f/intrekken/${encodeURIComponent(o.withdrawToken)}${pageQuery(o.locale, false)}">${m.confirmed.withdrawLink}</a></p>`
    : ''
}
<p>${m.confirmed.withdrawNote}</p>`,
  });
}

export function renderWithdrawPage(o: {
  locale: Locale;
  token: string;
  purposes: { purposeId: string; label: string; withdrawn: boolean }[];
}): string {
  const m = messages(o.locale);
  const path = `/f/intrekken/${encodeURIComponent(o.token)}`;
  const action = `${path}${pageQuery(o.locale, false)}`;
  const open = o.purposes.filter((p) => !p.withdrawn);
  return renderPage({
    locale: o.locale,
    title: m.withdraw.title,
    path,
    embed: false,
    body: html`<h1>${m.withdraw.title}</h1>
<p>${m.withdraw.intro}</p>
<ul class="kk-list">${o.purposes.map(
      (p) =>
        html`<li><span>${p.label}</span>${
          p.withdrawn
            ? html`<span class="kk-done">${m.withdraw.withdrawn}</span>`
            : html`<form method="post" action="${action}"><input type="hidden" name="purpose" value="${p.purposeId}"><button type="submit" aria-label="${m.withdraw.buttonFor(p.label)}">${m.withdraw.button}</button></form>`
        }</li>`,
    )}</ul>
${
  open.length > 1
    ? html`<form method="post" action="${action}"><input type="hidden" name="purpose" value="all"><button type="submit" class="kk-secondary">${m.withdraw.all}</button></form>`
    : ''
}
${open.length === 0 ? html`<p role="status">${m.withdraw.nothingLeft}</p>` : ''}`,
  });
}

export function renderWithdrawnPage(o: { locale: Locale; token: string; withdrawn: string[] }): string {
  const m = messages(o.locale);
  const path = `/f/intrekken/${encodeURIComponent(o.token)}`;
  return renderPage({
    locale: o.locale,
    title: m.withdrawn.title,
    path,
    embed: false,
    body: html`<h1>${m.withdrawn.title}</h1>
${
  o.withdrawn.length
    ? html`<p>${m.withdrawn.body}</p><ul>${o.withdrawn.map((l) => html`<li>${l}</li>`)}</ul>`
    : html`<p role="status">${m.withdrawn.none}</p>`
}
<p><a href="${path}${pageQuery(o.locale, false)}">${m.withdrawn.back}</a></p>`,
  });
}

export function renderErrorPage(o: {
  locale: Locale;
  code: Code;
  path: string;
  embed: boolean;
  /** Link back to the form, when the error came from one. */
  formSlug?: string | null;
}): string {
  const m = messages(o.locale);
  const notFound = o.code === 'NOT_FOUND' || o.code === 'ROUTE_NOT_FOUND';
  const title = notFound ? m.notFound.title : m.error.title;
  return renderPage({
    locale: o.locale,
    title,
    path: o.path,
    embed: o.embed,
    body: html`<h1>${title}</h1>
<p>${messageFor(o.code, o.locale)}</p>
${notFound ? html`<p>${m.notFound.body}</p>` : ''}
<p>${m.error.code}: <span class="kk-code">${o.code}</span></p>
${o.formSlug ? html`<p><a href="/f/${encodeURIComponent(o.formSlug)}${pageQuery(o.locale, o.embed)}">${m.error.backToForm}</a></p>` : ''}`,
  });
}
