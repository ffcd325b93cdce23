/**
 * Dutch message catalogue: the source of truth for every visible string. `Messages` is derived from it,
 * and en.ts must satisfy that type, so a missing or extra key in English is a type error.
 */
export const nl = {
  app: {
    name: 'Kieskluis',
    tagline: 'Campagnedata binnen de AVG',
    loading: 'Laden…',
    close: 'Sluiten',
    skipToContent: 'Naar de inhoud',
    pageTitle: (page: string) => `${page} · Kieskluis`,
  },
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  auth: {
    loginTitle: 'Inloggen',
    loginIntro: 'Log in met je Kieskluis-account.',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    showPassword: 'Wachtwoord tonen',
    usernameRequired: 'Vul je gebruikersnaam in.',
    passwordRequired: 'Vul je wachtwoord in.',
    submit: 'Inloggen',
    code: 'Code uit je authenticator-app (6 cijfers)',
    codeFormat: 'Vul precies 6 cijfers in.',
    cancel: 'Annuleren en uitloggen',
    mfaVerifyTitle: 'Tweestapsverificatie',
    mfaVerifyIntro: 'Vul de code in die je authenticator-app nu voor Kieskluis toont.',
    mfaVerifySubmit: 'Bevestigen',
    mfaEnrollTitle: 'Tweestapsverificatie instellen',
    mfaEnrollIntro:
      'Kieskluis vraagt bij elke login om een code uit een authenticator-app. Stel dat nu eenmalig in.',
    enrollStep1:
      'Open je authenticator-app, kies "sleutel handmatig invoeren" en voer deze geheime sleutel in:',
    secretLabel: 'Geheime sleutel',
    secretWarning: 'Deel deze sleutel met niemand. Hij wordt na het instellen niet meer getoond.',
    uriLabel: 'Kan je app of wachtwoordbeheerder een otpauth-link openen? Gebruik dan deze link:',
    enrollStep2: 'Vul ter bevestiging de code in die de app nu toont.',
    mfaEnrollSubmit: 'Instellen en inloggen',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
  },
  shell: {
    navLabel: 'Hoofdmenu',
    toggleNav: 'Menu tonen of verbergen',
    logout: 'Uitloggen',
    signedInAs: 'Ingelogd als',
    noRole: 'Geen rol',
  },
  areas: {
    personen: 'Personen',
    toestemming: 'Toestemming',
    doelgroepen: 'Doelgroepen',
    rechten: 'Rechten',
    verantwoording: 'Verantwoording',
    websites: 'Websites',
    instellingen: 'Instellingen',
  },
  roles: {
    admin: 'Beheerder (secretariaat)',
    fg: 'Functionaris gegevensbescherming (FG)',
    campaign_lead: 'Campagneleider',
    team_member: 'Campagneteamlid',
    candidate: 'Kandidaat',
    volunteer: 'Vrijwilliger',
  },
  notFound: {
    title: 'Niet gevonden',
    body: 'Deze pagina bestaat niet, of je hebt er geen toegang toe.',
    back: 'Naar de startpagina',
  },
  persons: {
    title: 'Personen',
    intro: 'De personen binnen jouw bereik.',
    auditNote: 'Elke inzage wordt vastgelegd in het auditlog.',
    caption: 'Personen binnen jouw bereik',
    name: 'Naam',
    branch: 'Afdeling',
    postcode: 'Postcode',
    none: '—',
    empty: 'Er zijn geen personen binnen jouw bereik.',
    shown: (n: number) => (n === 1 ? '1 persoon getoond' : `${n} personen getoond`),
    loadMore: 'Meer laden',
  },
  settings: {
    title: 'Instellingen',
    account: 'Account',
    username: 'Gebruikersnaam',
    displayName: 'Naam',
    roles: 'Rollen',
    role: 'Rol',
    scope: 'Bereik',
    validUntil: 'Geldig tot',
    wholeParty: 'Hele partij',
    noEnd: 'Geen einddatum',
    branchScope: (name: string) => `Afdeling ${name}`,
    candidateScope: 'Eigen kandidaatswerkruimte',
    areaScope: (from: string, to: string) => `Postcodes ${from} t/m ${to}`,
    noRoles: 'Je hebt geen actieve rollen.',
  },
  tokens: {
    title: 'API-tokens',
    intro:
      'Met een API-token gebruikt een koppeling de API namens jou: alleen met de gekozen rechten en binnen jouw bereik. Elk gebruik wordt gelogd.',
    notAllowed: 'Je rol mag geen API-tokens aanmaken.',
    none: 'Je hebt nog geen API-tokens.',
    caption: 'Jouw API-tokens',
    name: 'Naam',
    scopes: 'Rechten',
    created: 'Aangemaakt',
    expires: 'Verloopt',
    lastUsed: 'Laatst gebruikt',
    never: 'Nooit',
    status: 'Status',
    actions: 'Acties',
    active: 'Actief',
    revoked: 'Ingetrokken',
    expired: 'Verlopen',
    revoke: 'Intrekken',
    revokeNamed: (name: string) => `Token ${name} intrekken`,
    revokeTitle: 'Token intrekken?',
    revokeBody: (name: string) =>
      `Koppelingen die token "${name}" gebruiken, krijgen direct geen toegang meer. Dit kan niet ongedaan worden gemaakt.`,
    revokeConfirm: 'Ja, intrekken',
    cancel: 'Annuleren',
    createTitle: 'Nieuw token',
    nameRequired: 'Geef het token een naam.',
    nameHint: 'Bijvoorbeeld de naam van de koppeling.',
    scopesRequired: 'Kies minstens één recht.',
    expiryDays: 'Geldig (dagen)',
    expiryHint: 'Tussen 1 en 365 dagen.',
    expiryInvalid: 'Kies een termijn tussen 1 en 365 dagen.',
    create: 'Token aanmaken',
    secretTitle: 'Je nieuwe token',
    secretHint: 'Kopieer het token nu en bewaar het veilig: het wordt maar één keer getoond.',
    secretLabel: 'Token',
    done: 'Ik heb het token bewaard',
    scopeLabels: {
      'persons:read': 'Personen lezen (persons:read)',
      'audit:read': 'Auditlog lezen (audit:read)',
    },
  },
  areaPages: {
    underConstruction: 'Dit onderdeel is nog in aanbouw.',
    toestemming:
      'Hier leg je uitdrukkelijke toestemming vast, met bewijs. Per doel, apart en nooit vooraf aangevinkt, met toestemmingsteksten die een versie krijgen en nooit achteraf worden aangepast. Toestemming komt binnen via formulieren met dubbele bevestiging of offline (op papier, aan de deur) met verzamelaar, plaats, tijd en scan. Intrekken is even makkelijk als geven, en de persoon krijgt een bevestiging.',
    doelgroepen:
      'Hier stel je doelgroepen samen voor een vastgelegd doel, met een overzicht van wie waarom is uitgesloten. E-mail gaat via SMTP met een transparantieblok en bezwaar met één klik, zonder open- of kliktracking. Exports gaan alleen naar geregistreerde en gecontroleerde verwerkers met een overeenkomst; het uploaden van doelgroepen naar advertentieplatforms is geblokkeerd of aan voorwaarden gebonden.',
    rechten:
      'Hier behandel je verzoeken van betrokkenen van begin tot eind, via het publieke portaal of de balie: inzage, rectificatie, wissing (met een onderdrukkingslijst die de wissing overleeft), beperking, bezwaar, overdraagbaarheid en intrekking. Met identiteitscontrole, de termijn van art. 12 lid 3 AVG met een vastgelegde verlenging, melding aan verwerkers en bewaard bewijs.',
    verantwoording:
      'Hier leg je verantwoording af: het stappenplan van de AP per campagneactiviteit, met controles voordat een activiteit start; het besluitenlog; het verwerkingsregister (art. 30) dat uit de activiteiten volgt; de DPIA met het advies van de FG; de rolverdeling tussen verwerkingsverantwoordelijke en verwerker; het leveranciersregister met overeenkomsten; en een dossier als PDF.',
    websites:
      'Hier controleer je de websites van de partij en de kandidaten op cookies, pixels, beacons en identifiers in de opslag van de browser, vóór en na toestemming, en bewaar je het bewijs. Kieskluis zelf laadt niets van derden en verstuurt geen mail met pixels.',
  },
  errors: {
    network: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    generic: 'Er ging iets mis. Probeer het opnieuw.',
    retry: 'Opnieuw proberen',
    unavailableTitle: 'Kieskluis is nu niet bereikbaar',
    title: 'Dat lukte niet',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof nl>;
