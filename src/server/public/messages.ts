/**
 * The words of the public consent pages (server-rendered, outside the web app's catalogue): Dutch first,
 * English typed against it. Plain language; withdrawal is mentioned before consent is given.
 */
import type { Locale } from '../../domain/codes.js';

const nl = {
  langName: 'Nederlands',
  skip: 'Naar de inhoud',
  footer: 'Deze pagina plaatst geen cookies en laadt niets van andere partijen.',
  required: '(verplicht)',
  optional: '(niet verplicht)',
  form: {
    controller: 'Verwerkingsverantwoordelijke',
    privacyLink: 'Lees de privacyverklaring',
    privacyHeading: 'Privacy',
    details: 'Je gegevens',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    email: 'E-mailadres',
    emailHint: 'Hierheen sturen we de link om je toestemming te bevestigen.',
    birthYear: 'Geboortejaar',
    birthYearHint:
      'Ben je jonger dan 16? Dan moet een ouder of voogd toestemming geven (UAVG art. 5). Daarom vragen we je geboortejaar, bijvoorbeeld 1990.',
    guardian: 'Alleen als je jonger bent dan 16: je ouder of voogd',
    guardianHint: 'Je ouder of voogd krijgt een eigen e-mail om de toestemming te geven.',
    guardianName: 'Naam van je ouder of voogd',
    guardianEmail: 'E-mailadres van je ouder of voogd',
    consent: 'Waarvoor geef je toestemming?',
    consentIntro:
      'Elk vakje is een aparte toestemming. Vink alleen aan waarmee je instemt; niets aanvinken mag ook. Je kunt je toestemming altijd weer intrekken, even makkelijk als je hem geeft: met de link in de e-mail die je krijgt.',
    confirmNote:
      'Na het versturen krijg je een e-mail met een bevestigingslink. Pas als je op die link klikt, gebruiken we je toestemming.',
    honeypot: 'Laat dit veld leeg',
    submit: 'Versturen',
    errorSummary: 'Controleer het formulier',
    errorSummaryIntro: 'Er is nog iets niet goed:',
  },
  errors: {
    firstNameRequired: 'Vul je voornaam in.',
    tooLong: 'Dit is te lang (hoogstens 100 tekens).',
    emailRequired: 'Vul je e-mailadres in.',
    emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    birthYearInvalid: (max: number) => `Vul een geboortejaar in van vier cijfers, tussen 1900 en ${max}.`,
    guardianNameRequired: 'Je bent jonger dan 16: vul de naam van je ouder of voogd in.',
    guardianEmailRequired: 'Je bent jonger dan 16: vul het e-mailadres van je ouder of voogd in.',
    guardianEmailInvalid: 'Vul een geldig e-mailadres in voor je ouder of voogd.',
    guardianEmailSame: 'Vul het e-mailadres van je ouder of voogd in, niet je eigen adres.',
    purposeRequired:
      'Vink minstens één toestemming aan, of sluit deze pagina als je geen toestemming wilt geven.',
    purposeUnknown: 'Deze keuze hoort niet bij dit formulier. Laad de pagina opnieuw.',
  },
  thanks: {
    title: 'Bijna klaar: kijk in je mail',
    body: 'We hebben je een e-mail gestuurd. Klik op de link in die e-mail om je toestemming te bevestigen. De link is 14 dagen geldig.',
    guardianBody:
      'We hebben je ouder of voogd een e-mail gestuurd. Pas als die de toestemming bevestigt, gebruiken we hem. De link is 14 dagen geldig.',
    pendingBody:
      'Je hebt dit formulier al eerder verstuurd. Kijk in je mail (ook in de map met ongewenste e-mail) voor de bevestigingslink.',
    noMail: 'Geen e-mail gekregen? Kijk ook in de map met ongewenste e-mail.',
  },
  confirm: {
    title: 'Toestemming bevestigen',
    body: 'Klik op de knop om je toestemming te bevestigen.',
    button: 'Bevestigen',
  },
  confirmed: {
    title: 'Bedankt: je toestemming is bevestigd',
    already: 'Je toestemming was al bevestigd. Er is niets veranderd.',
    receipt: 'Je ontvangstbewijs',
    receiptIntro: 'Je gaf toestemming voor:',
    confirmedAt: 'Bevestigd op',
    withdrawNote: 'Je kunt je toestemming altijd intrekken met de link in de e-mail die je van ons krijgt.',
    withdrawNow: 'Toch liever niet?',
    withdrawLink: 'Trek je toestemming hier in',
  },
  withdraw: {
    title: 'Toestemming intrekken',
    intro: 'Kies wat je wilt intrekken. Intrekken werkt meteen; je hoeft niets uit te leggen.',
    button: 'Intrekken',
    buttonFor: (label: string) => `Intrekken: ${label}`,
    all: 'Alles intrekken',
    withdrawn: 'Ingetrokken',
    nothingLeft: 'Je hebt al je toestemmingen ingetrokken.',
  },
  withdrawn: {
    title: 'Je toestemming is ingetrokken',
    body: 'We gebruiken je gegevens niet meer voor:',
    none: 'Er was niets meer in te trekken.',
    back: 'Terug naar het overzicht',
  },
  error: {
    title: 'Dat lukte niet',
    code: 'Foutcode',
    backToForm: 'Terug naar het formulier',
  },
  notFound: {
    title: 'Deze pagina bestaat niet',
    body: 'Controleer het adres, of vraag de afzender om de juiste link.',
  },
};

export type PublicMessages = typeof nl;

type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R
  : T extends object
    ? { [K in keyof T]: Widen<T[K]> }
    : string;

const en: Widen<PublicMessages> = {
  langName: 'English',
  skip: 'Skip to content',
  footer: 'This page sets no cookies and loads nothing from other parties.',
  required: '(required)',
  optional: '(optional)',
  form: {
    controller: 'Controller',
    privacyLink: 'Read the privacy notice',
    privacyHeading: 'Privacy',
    details: 'Your details',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'E-mail address',
    emailHint: 'We send the link to confirm your consent here.',
    birthYear: 'Year of birth',
    birthYearHint:
      'Are you under 16? Then a parent or guardian has to consent (Dutch GDPR Implementation Act, art 5). That is why we ask your year of birth, for example 1990.',
    guardian: 'Only if you are under 16: your parent or guardian',
    guardianHint: 'Your parent or guardian gets their own e-mail to give the consent.',
    guardianName: 'Name of your parent or guardian',
    guardianEmail: 'E-mail address of your parent or guardian',
    consent: 'What do you consent to?',
    consentIntro:
      'Each box is a separate consent. Only tick what you agree to; ticking nothing is fine too. You can withdraw your consent at any time, as easily as you give it: with the link in the e-mail you will receive.',
    confirmNote:
      'After sending you get an e-mail with a confirmation link. We only use your consent once you click that link.',
    honeypot: 'Leave this field empty',
    submit: 'Send',
    errorSummary: 'Check the form',
    errorSummaryIntro: 'Something is not right yet:',
  },
  errors: {
    firstNameRequired: 'Fill in your first name.',
    tooLong: 'This is too long (at most 100 characters).',
    emailRequired: 'Fill in your e-mail address.',
    emailInvalid: 'Fill in a valid e-mail address, like name@example.com.',
    birthYearInvalid: (max: number) => `Fill in a year of birth of four digits, between 1900 and ${max}.`,
    guardianNameRequired: 'You are under 16: fill in the name of your parent or guardian.',
    guardianEmailRequired: 'You are under 16: fill in the e-mail address of your parent or guardian.',
    guardianEmailInvalid: 'Fill in a valid e-mail address for your parent or guardian.',
    guardianEmailSame: 'Fill in the e-mail address of your parent or guardian, not your own.',
    purposeRequired: 'Tick at least one consent, or close this page if you do not want to give consent.',
    purposeUnknown: 'This choice does not belong to this form. Reload the page.',
  },
  thanks: {
    title: 'Almost done: check your mail',
    body: 'We have sent you an e-mail. Click the link in it to confirm your consent. The link is valid for 14 days.',
    guardianBody:
      'We have sent your parent or guardian an e-mail. We only use the consent once they confirm it. The link is valid for 14 days.',
    pendingBody:
      'You sent this form before. Check your mail (also the spam folder) for the confirmation link.',
    noMail: 'No e-mail? Check your spam folder too.',
  },
  confirm: {
    title: 'Confirm your consent',
    body: 'Click the button to confirm your consent.',
    button: 'Confirm',
  },
  confirmed: {
    title: 'Thank you: your consent is confirmed',
    already: 'Your consent was already confirmed. Nothing has changed.',
    receipt: 'Your receipt',
    receiptIntro: 'You consented to:',
    confirmedAt: 'Confirmed on',
    withdrawNote: 'You can withdraw your consent at any time with the link in the e-mail you get from us.',
    withdrawNow: 'Changed your mind?',
    withdrawLink: 'Withdraw your consent here',
  },
  withdraw: {
    title: 'Withdraw consent',
    intro: 'Choose what to withdraw. Withdrawing takes effect at once; you do not have to explain anything.',
    button: 'Withdraw',
    buttonFor: (label: string) => `Withdraw: ${label}`,
    all: 'Withdraw everything',
    withdrawn: 'Withdrawn',
    nothingLeft: 'You have withdrawn all your consents.',
  },
  withdrawn: {
    title: 'Your consent is withdrawn',
    body: 'We no longer use your data for:',
    none: 'There was nothing left to withdraw.',
    back: 'Back to the overview',
  },
  error: {
    title: 'That did not work',
    code: 'Error code',
    backToForm: 'Back to the form',
  },
  notFound: {
    title: 'This page does not exist',
    body: 'Check the address, or ask the sender for the right link.',
  },
};

export function messages(locale: Locale): PublicMessages {
  return locale === 'en' ? en : nl;
}
