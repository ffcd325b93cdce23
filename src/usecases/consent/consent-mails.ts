/**
 * The double opt-in and receipt mails (R-14, R-16, R-17): plain text plus simple inline-styled HTML, no
 * images, no tracking (R-69), naming the party, each purpose with its statement, and how to withdraw with
 * one click. Dutch and English.
 */
import type { ConsentLanguage } from '../../domain/consent/types.js';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function formatTime(at: Date, locale: ConsentLanguage): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}

type Block =
  | { p: string }
  | { list: string[] }
  | { link: { label: string; href: string } }
  | { small: string };

function render(blocks: Block[]): { text: string; html: string } {
  const text = blocks
    .map((b) =>
      'p' in b
        ? b.p
        : 'small' in b
          ? b.small
          : 'list' in b
            ? b.list.map((x) => `- ${x}`).join('\n')
            : `${b.link.label}:\n${b.link.href}`,
    )
    .join('\n\n');
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p style="margin:0 0 16px">${esc(b.p)}</p>`;
      if ('small' in b) return `<p style="margin:0 0 16px;font-size:13px;color:#444">${esc(b.small)}</p>`;
      if ('list' in b)
        return `<ul style="margin:0 0 16px;padding-left:20px">${b.list.map((x) => `<li style="margin:0 0 8px">${esc(x)}</li>`).join('')}</ul>`;
      return `<p style="margin:0 0 16px"><a href="${esc(b.link.href)}" style="color:#0b5394;font-weight:bold">${esc(b.link.label)}</a><br><span style="font-size:12px;color:#444;word-break:break-all">${esc(b.link.href)}</span></p>`;
    })
    .join('');
  const html = `<!doctype html><html><body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111;background:#fff"><div style="max-width:600px">${body}</div></body></html>`;
  return { text, html };
}

export interface ConfirmationMailInput {
  locale: ConsentLanguage;
  controllerName: string;
  /** The form's title; null for an offline consent confirmed by mail. */
  formTitle: string | null;
  /** The person's first name (the child's in the guardian flow). */
  firstName: string;
  /** Set in the guardian flow (R-19): the mail goes to the guardian. */
  guardianName: string | null;
  /** The statements the person ticked. */
  statements: string[];
  confirmUrl: string;
  withdrawUrl: string;
  privacyNoticeUrl: string | null;
}

export function confirmationMail(m: ConfirmationMailInput): MailContent {
  const nl = m.locale === 'nl';
  const blocks: Block[] = [];
  if (m.guardianName === null) {
    blocks.push(
      { p: nl ? `Hallo ${m.firstName},` : `Hello ${m.firstName},` },
      {
        p:
          m.formTitle === null
            ? nl
              ? `Je hebt ${m.controllerName} toestemming gegeven voor:`
              : `You gave ${m.controllerName} your consent for:`
            : nl
              ? `Via het formulier "${m.formTitle}" heb je ${m.controllerName} toestemming gegeven voor:`
              : `Through the form "${m.formTitle}" you gave ${m.controllerName} your consent for:`,
      },
    );
  } else {
    blocks.push(
      { p: nl ? `Hallo ${m.guardianName},` : `Hello ${m.guardianName},` },
      {
        p: nl
          ? `${m.firstName} heeft${m.formTitle === null ? '' : ` via het formulier "${m.formTitle}"`} toestemming gegeven aan ${m.controllerName}. ${m.firstName} is jonger dan 16 jaar. Dan is de toestemming van een ouder of voogd nodig (UAVG art. 5). Het gaat om:`
          : `${m.firstName} gave ${m.controllerName} consent${m.formTitle === null ? '' : ` through the form "${m.formTitle}"`}. ${m.firstName} is under 16, so a parent or guardian must consent (Dutch GDPR Implementation Act, art 5). It concerns:`,
      },
    );
  }
  blocks.push(
    { list: m.statements },
    {
      link: {
        label:
          m.guardianName === null
            ? nl
              ? 'Ja, ik bevestig mijn toestemming'
              : 'Yes, I confirm my consent'
            : nl
              ? 'Ja, ik geef als ouder of voogd toestemming'
              : 'Yes, as parent or guardian I consent',
        href: m.confirmUrl,
      },
    },
    {
      p: nl
        ? 'De link is 14 dagen geldig. Pas na bevestiging gebruiken we de toestemming. Niet zelf aangevraagd? Doe dan niets: zonder bevestiging verwijderen we de gegevens na 14 dagen.'
        : 'The link is valid for 14 days. We use the consent only after confirmation. Did not ask for this? Do nothing: without confirmation we delete the data after 14 days.',
    },
    {
      link: {
        label: nl
          ? 'Toestemming intrekken (één klik, altijd mogelijk)'
          : 'Withdraw consent (one click, at any time)',
        href: m.withdrawUrl,
      },
    },
    {
      small: [
        nl ? `Verwerkingsverantwoordelijke: ${m.controllerName}.` : `Controller: ${m.controllerName}.`,
        m.privacyNoticeUrl
          ? nl
            ? `Privacyverklaring: ${m.privacyNoticeUrl}`
            : `Privacy notice: ${m.privacyNoticeUrl}`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    },
  );
  const subject =
    m.guardianName === null
      ? nl
        ? `Bevestig je toestemming voor ${m.controllerName}`
        : `Confirm your consent for ${m.controllerName}`
      : nl
        ? `Toestemming van ouder of voogd gevraagd voor ${m.firstName}`
        : `Parent or guardian consent requested for ${m.firstName}`;
  return { subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 300), ...render(blocks) };
}

export interface ReceiptMailInput {
  locale: ConsentLanguage;
  controllerName: string;
  confirmedAt: Date;
  items: { statement: string; withdrawUrl: string }[];
  withdrawAllUrl: string;
  privacyNoticeUrl: string | null;
}

export function receiptMail(m: ReceiptMailInput): MailContent {
  const nl = m.locale === 'nl';
  const when = formatTime(m.confirmedAt, m.locale);
  const blocks: Block[] = [
    {
      p: nl
        ? `Je toestemming voor ${m.controllerName} is bevestigd op ${when}. Bewaar deze e-mail: hij laat zien waarvoor je toestemming gaf en hoe je die intrekt.`
        : `Your consent for ${m.controllerName} was confirmed on ${when}. Keep this e-mail: it shows what you consented to and how to withdraw.`,
    },
  ];
  for (const item of m.items) {
    blocks.push(
      { p: `“${item.statement}”` },
      {
        link: { label: nl ? 'Deze toestemming intrekken' : 'Withdraw this consent', href: item.withdrawUrl },
      },
    );
  }
  if (m.items.length > 1) {
    blocks.push({ link: { label: nl ? 'Alles intrekken' : 'Withdraw everything', href: m.withdrawAllUrl } });
  }
  blocks.push({
    small: [
      nl
        ? 'Intrekken kan altijd, met één klik, zonder opgaaf van reden.'
        : 'You can withdraw at any time, with one click, without giving a reason.',
      nl ? `Verwerkingsverantwoordelijke: ${m.controllerName}.` : `Controller: ${m.controllerName}.`,
      m.privacyNoticeUrl
        ? nl
          ? `Privacyverklaring: ${m.privacyNoticeUrl}`
          : `Privacy notice: ${m.privacyNoticeUrl}`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
  const subject = nl
    ? `Bevestigd: je toestemming voor ${m.controllerName}`
    : `Confirmed: your consent for ${m.controllerName}`;
  return { subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 300), ...render(blocks) };
}
