/**
 * The demo party's consent set-up (C2): four purposes (newsletter, campaign mails on political preference
 * (explicit), volunteering, political ads through a named platform (explicit, names the platform)), Dutch
 * and English texts, the published form `aanmelden`, and a few consents of non-member demo persons:
 * confirmed web sign-ups, a paper consent ("onbevestigd"), a pending sign-up and a withdrawal (with its
 * suppression entry). Runs inside the demo's transaction; fictional data only.
 */

import { renderConsentText } from '../../domain/consent/request.js';
import type { ConsentLanguage, ConsentTextContent, PermissionChannel } from '../../domain/consent/types.js';
import { consentCatalogueRepo, type TextVersionRecord } from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo } from '../../storage/consent-forms-repo.js';
import { ConsentRecordsRepo, type NewConsentRecord } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';
import { checkAndPublish } from '../consent/publish-form.js';
import { withdrawPurposes } from '../consent/withdraw-purposes.js';
import type { Deps } from '../deps.js';
import { DEMO_PARTY } from './demo-data.js';

export const DEMO_FORM_SLUG = 'aanmelden';
export const DEMO_AD_PLATFORM = 'Voorbeeldplatform Advertenties B.V. (fictief)';
const DAY = 24 * 60 * 60 * 1000;

interface DemoPurpose {
  key: 'news' | 'campaign' | 'volunteer' | 'ads';
  name: string;
  description: string;
  political: boolean;
  channels: PermissionChannel[];
  recipients: string[];
  texts: Record<
    ConsentLanguage,
    { statement: string; special: string | null; purpose: string; data: string[] }
  >;
}

const WITHDRAW = {
  nl: 'Met één klik op de link onder elke e-mail, of via privacy@polder.invalid.',
  en: 'With one click on the link in every e-mail, or via privacy@polder.invalid.',
};

const PURPOSES: DemoPurpose[] = [
  {
    key: 'news',
    name: 'Nieuwsbrief per e-mail',
    description: 'De maandelijkse nieuwsbrief van de partij per e-mail.',
    political: false,
    channels: ['EMAIL'],
    recipients: [],
    texts: {
      nl: {
        statement: `Ja, ${DEMO_PARTY} mag mij de nieuwsbrief per e-mail sturen.`,
        special: null,
        purpose: 'de nieuwsbrief per e-mail',
        data: ['naam', 'e-mailadres'],
      },
      en: {
        statement: `Yes, ${DEMO_PARTY} may send me the newsletter by e-mail.`,
        special: null,
        purpose: 'the newsletter by e-mail',
        data: ['name', 'e-mail address'],
      },
    },
  },
  {
    key: 'campaign',
    name: 'Campagnemails op basis van politieke voorkeur',
    description: 'Campagnemails voor wie de partij steunt (uitdrukkelijke toestemming, AVG art. 9(2)(a)).',
    political: true,
    channels: ['EMAIL'],
    recipients: [],
    texts: {
      nl: {
        statement: `Ja, ${DEMO_PARTY} mag vastleggen dat ik de partij steun en mij daarom campagnemails sturen.`,
        special: 'dat ik de partij steun',
        purpose: 'campagnemails sturen',
        data: ['naam', 'e-mailadres', 'politieke voorkeur'],
      },
      en: {
        statement: `Yes, ${DEMO_PARTY} may record that I support the party and send me campaign e-mails for that reason.`,
        special: 'that I support the party',
        purpose: 'campaign e-mails',
        data: ['name', 'e-mail address', 'political preference'],
      },
    },
  },
  {
    key: 'volunteer',
    name: 'Vrijwilligerswerk',
    description: 'Uitnodigingen om mee te helpen (flyeren, belrondes, evenementen).',
    political: false,
    channels: ['EMAIL', 'PHONE'],
    recipients: [],
    texts: {
      nl: {
        statement: `Ja, ${DEMO_PARTY} mag mij per e-mail of telefoon uitnodigen voor vrijwilligerswerk.`,
        special: null,
        purpose: 'uitnodigen voor vrijwilligerswerk',
        data: ['naam', 'e-mailadres', 'telefoonnummer'],
      },
      en: {
        statement: `Yes, ${DEMO_PARTY} may invite me to volunteer by e-mail or phone.`,
        special: null,
        purpose: 'invite me to volunteer',
        data: ['name', 'e-mail address', 'phone number'],
      },
    },
  },
  {
    key: 'ads',
    name: 'Politieke advertenties via een genoemd platform',
    description: `Politieke advertenties aan mij tonen via ${DEMO_AD_PLATFORM} (uitdrukkelijke toestemming, TTPA art. 18).`,
    political: true,
    channels: [],
    recipients: [DEMO_AD_PLATFORM],
    texts: {
      nl: {
        statement: `Ja, ${DEMO_PARTY} mag mijn e-mailadres en het feit dat ik de partij steun gebruiken om mij politieke advertenties te tonen via ${DEMO_AD_PLATFORM}.`,
        special: 'het feit dat ik de partij steun',
        purpose: 'politieke advertenties te tonen',
        data: ['e-mailadres', 'politieke voorkeur'],
      },
      en: {
        statement: `Yes, ${DEMO_PARTY} may use my e-mail address and the fact that I support the party to show me political ads through ${DEMO_AD_PLATFORM}.`,
        special: 'the fact that I support the party',
        purpose: 'political ads',
        data: ['e-mail address', 'political preference'],
      },
    },
  },
];

export interface DemoConsentSummary {
  purposes: number;
  formSlug: string;
  consents: number;
}

export async function loadDemoConsent(
  d: Pick<Deps, 'db' | 'keyring' | 'persons' | 'suppression' | 'audit'>,
  tx: Queryable,
  ctx: { now: Date; personIds: string[]; adminUserId: string | null },
): Promise<DemoConsentSummary> {
  const { now } = ctx;
  const controllerName = (await consentCatalogueRepo.partyName(tx)) ?? DEMO_PARTY;
  const ids = {} as Record<DemoPurpose['key'], string>;
  const texts = {} as Record<DemoPurpose['key'], Record<ConsentLanguage, TextVersionRecord>>;
  for (const p of PURPOSES) {
    const purpose = await consentCatalogueRepo.insertPurpose(
      tx,
      {
        name: p.name,
        description: p.description,
        political: p.political,
        channels: p.channels,
        scopeUntil: null,
        refreshAfterMonths: null,
        recipients: p.recipients,
      },
      ctx.adminUserId,
      now,
    );
    ids[p.key] = purpose.id;
    const versions = {} as Record<ConsentLanguage, TextVersionRecord>;
    for (const language of ['nl', 'en'] as const) {
      const t = p.texts[language];
      const content: ConsentTextContent = {
        language,
        controllerName,
        statement: t.statement,
        specialCategoryMention: t.special,
        purposeMention: t.purpose,
        dataCategories: t.data,
        withdrawalInstructions: WITHDRAW[language],
        automatedDecisionNotice: null,
        transferNotice: null,
      };
      versions[language] = await consentCatalogueRepo.insertText(
        tx,
        purpose.id,
        content,
        renderConsentText(content),
        ctx.adminUserId,
        now,
      );
    }
    texts[p.key] = versions;
  }

  const form = await consentFormsRepo.insert(
    tx,
    {
      slug: DEMO_FORM_SLUG,
      titles: { nl: 'Meld je aan bij de Polder', en: 'Sign up with the Polder' },
      intros: {
        nl: 'Kies zelf waarvoor we je gegevens mogen gebruiken. Elk vakje is apart en niets is verplicht.',
        en: 'Choose what we may use your data for. Each box is separate and nothing is required.',
      },
      controllerName,
      privacyNoticeUrl: 'https://polder.invalid/privacyverklaring',
      privacyNoticeText: null,
      serviceName: null,
      servicePurposeId: null,
      items: PURPOSES.map((p) => ({ purposeIds: [ids[p.key]], required: false, defaultChecked: false })),
    },
    ctx.adminUserId,
    now,
  );
  const published = await checkAndPublish(tx, form.id, now);
  if (!('published' in published)) {
    throw new Error(`demo form does not pass its own checks: ${published.refused.reasons.join(', ')}`);
  }
  const noticeId = published.notice.id;

  const records = new ConsentRecordsRepo(d.keyring);
  const recorded: { id: string; personId: string; purposeId: string }[] = [];
  const record = async (
    personId: string,
    key: DemoPurpose['key'],
    over: Partial<NewConsentRecord> & Pick<NewConsentRecord, 'channel' | 'givenAt'>,
  ) => {
    const text = texts[key].nl;
    const purpose = PURPOSES.find((p) => p.key === key)!;
    const web = over.channel === 'WEB_FORM';
    const id = await records.insert(
      tx,
      {
        personId,
        purposeId: ids[key],
        textVersionId: text.id,
        textSha256: text.sha256,
        controllerNames: [controllerName, ...purpose.recipients],
        explicit: purpose.political,
        captureDefects: [],
        purposesInAction: 1,
        formId: web ? form.id : null,
        submissionId: web ? `demo-${personId.slice(0, 8)}` : null,
        noticeId: web ? noticeId : null,
        capturedBy: web ? null : ctx.adminUserId,
        place: null,
        collector: null,
        ipHash: null,
        userAgent: null,
        scanId: null,
        confirmedAt: null,
        ageAtConsent: null,
        guardianName: null,
        guardianEmail: null,
        guardianConfirmedAt: null,
        ...over,
      },
      now,
    );
    recorded.push({ id, personId, purposeId: ids[key] });
    return id;
  };

  const [a, b, c, e, f, g] = ctx.personIds;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  if (a) {
    // Confirmed web sign-up for the newsletter and the campaign mails: valid.
    await record(a, 'news', {
      channel: 'WEB_FORM',
      givenAt: ago(40),
      confirmedAt: new Date(ago(40).getTime() + 600_000),
    });
    await record(a, 'campaign', {
      channel: 'WEB_FORM',
      givenAt: ago(40),
      confirmedAt: new Date(ago(40).getTime() + 600_000),
    });
  }
  if (b) {
    // Signed on paper at a market stall: valid, "onbevestigd" (no scan, no double opt-in yet).
    await record(b, 'campaign', {
      channel: 'PAPER',
      givenAt: ago(12),
      place: 'Markt, Haarlem',
      collector: 'Victor Vrijwilliger',
    });
  }
  if (c) {
    // Newsletter given on the web, later withdrawn with one click: withdrawn, suppression entry.
    await record(c, 'news', { channel: 'WEB_FORM', givenAt: ago(90), confirmedAt: ago(90) });
  }
  if (e) {
    // Signed up on the web three days ago, never clicked the link: pending (purged on day 15).
    await record(e, 'volunteer', { channel: 'WEB_FORM', givenAt: ago(3) });
  }
  if (f) {
    // Said yes at the door to volunteering.
    await record(f, 'volunteer', {
      channel: 'DOORSTEP',
      givenAt: ago(20),
      place: 'Utrecht-Oost',
      collector: 'Victor Vrijwilliger',
    });
  }
  if (g) {
    // Consent to political ads through the named platform, confirmed.
    await record(g, 'ads', { channel: 'WEB_FORM', givenAt: ago(8), confirmedAt: ago(8) });
  }
  await consentCatalogueRepo.markReferenced(
    tx,
    Object.values(texts).flatMap((v) => [v.nl.id, v.en.id]),
    now,
  );
  await d.audit.append(
    tx,
    recorded.map((r) => ({
      type: 'consent.recorded' as const,
      actorType: 'operator' as const,
      actorId: null,
      personId: r.personId,
      objectType: 'consent_record',
      objectId: r.id,
      data: { purposeId: r.purposeId, source: 'demo' },
    })),
    now,
  );
  if (c) {
    const person = await d.persons.findById(tx, c);
    if (person) {
      await withdrawPurposes(
        d,
        tx,
        records,
        person,
        [ids.news],
        { channel: 'LINK', by: 'subject', onBehalfOf: null, actorType: 'operator', actorId: null },
        now,
      );
    }
  }
  return { purposes: PURPOSES.length, formSlug: DEMO_FORM_SLUG, consents: recorded.length };
}
