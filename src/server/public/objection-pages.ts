/**
 * The public objection pages (`/f/bezwaar/:token`, R-27): the page with one button (GET changes nothing:
 * mail scanners open links), the done page, and the error page for a bad link. Dutch first with an
 * English line (and the language switch); no scripts, our own style sheet, the consent pages' look.
 */
import type { Locale } from '../../domain/codes.js';
import { type Html, html } from './html.js';
import { pageQuery, renderPage } from './layout.js';

const nl = {
  title: 'Bezwaar tegen berichten',
  body: (party: string) =>
    `Wilt u geen campagneberichten meer van ${party}? Met de knop hieronder maakt u bezwaar. Dat geldt meteen en voor alle campagneberichten, via elk kanaal. U hoeft geen reden te geven.`,
  already:
    'U heeft al bezwaar gemaakt; u krijgt geen campagneberichten meer. Nogmaals klikken kan geen kwaad.',
  button: 'Ik maak bezwaar',
  doneTitle: 'Uw bezwaar is vastgelegd',
  doneBody: (party: string) =>
    `${party} stuurt u geen campagneberichten meer. Berichten die al klaarstonden, zijn geschrapt. Dit blijft zo, ook als u later vraagt uw gegevens te verwijderen.`,
  rights:
    'Wilt u uw gegevens inzien, laten verbeteren of laten verwijderen? Antwoord op de e-mail die u kreeg.',
  invalidTitle: 'Deze link werkt niet',
  invalidBody:
    'Deze bezwaarlink is onbekend of onvolledig. Kopieer de hele link uit de e-mail, of antwoord op de e-mail: dan leggen wij uw bezwaar vast.',
  code: 'Foutcode',
  other: 'In English',
};

type Words = typeof nl;

const en: Words = {
  title: 'Object to messages',
  body: (party: string) =>
    `No longer want campaign messages from ${party}? Object with the button below. It takes effect at once, for all campaign messages, on every channel. You need not give a reason.`,
  already: 'You have objected already; you will get no more campaign messages. Clicking again does no harm.',
  button: 'I object',
  doneTitle: 'Your objection is recorded',
  doneBody: (party: string) =>
    `${party} will send you no more campaign messages. Messages already waiting were cancelled. This stays so, also if you later ask us to erase your data.`,
  rights: 'Want to see, correct or erase your data? Reply to the e-mail you received.',
  invalidTitle: 'This link does not work',
  invalidBody:
    'This objection link is unknown or incomplete. Copy the whole link from the e-mail, or reply to the e-mail and we will record your objection.',
  code: 'Error code',
  other: 'In het Nederlands',
};

const words = (l: Locale): Words => (l === 'en' ? en : nl);

/** The other language's text in one line, so a reader of either language understands the page. */
function alongside(locale: Locale, text: (w: Words) => string): Html {
  if (locale === 'en') return html``;
  return html`<p lang="en" class="kk-hint">${text(en)}</p>`;
}

export const objectionPath = (token: string) => `/f/bezwaar/${encodeURIComponent(token)}`;

export function renderObjectionPage(o: {
  locale: Locale;
  token: string;
  party: string;
  alreadyObjected: boolean;
}): string {
  const w = words(o.locale);
  const path = objectionPath(o.token);
  return renderPage({
    locale: o.locale,
    title: w.title,
    path,
    embed: false,
    owner: o.party,
    body: html`<h1>${w.title}</h1>
<p>${w.body(o.party)}</p>
${alongside(o.locale, (x) => x.body(o.party))}
${o.alreadyObjected ? html`<p role="status">${w.already}</p>` : ''}
<form method="post" action="${path}${pageQuery(o.locale, false)}">
<input type="hidden" name="bezwaar" value="ja">
<button type="submit">${w.button}</button>
</form>
<p>${w.rights}</p>`,
  });
}

export function renderObjectedPage(o: { locale: Locale; token: string; party: string }): string {
  const w = words(o.locale);
  return renderPage({
    locale: o.locale,
    title: w.doneTitle,
    path: objectionPath(o.token),
    embed: false,
    owner: o.party,
    body: html`<h1>${w.doneTitle}</h1>
<p role="status">${w.doneBody(o.party)}</p>
${alongside(o.locale, (x) => `${x.doneTitle}. ${x.doneBody(o.party)}`)}
<p>${w.rights}</p>`,
  });
}

export function renderObjectionInvalidPage(o: { locale: Locale; path: string; code: string }): string {
  const w = words(o.locale);
  return renderPage({
    locale: o.locale,
    title: w.invalidTitle,
    path: o.path,
    embed: false,
    body: html`<h1>${w.invalidTitle}</h1>
<p>${w.invalidBody}</p>
${alongside(o.locale, (x) => `${x.invalidTitle}. ${x.invalidBody}`)}
<p>${w.code}: <span class="kk-code">${o.code}</span></p>`,
  });
}
