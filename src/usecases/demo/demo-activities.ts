/**
 * Demo register of processing activities and destinations (issue 4): a vetted mail processor with a
 * complete agreement; the fictional ad platform (the one the demo consent names) as joint controller
 * WITHOUT an art 26 arrangement, so a platform audience shows its refusal; a member newsletter by e-mail
 * (TTPA art 18(3) member communication), campaign e-mails to consenting supporters, a door-to-door canvass
 * and a custom-audience request to the platform. Loaded in the demo's transaction, before the demo
 * audiences that are bound to these activities.
 */
import type { NewActivity } from '../../storage/activities-repo.js';
import { activitiesRepo } from '../../storage/activities-repo.js';
import type { Queryable } from '../../storage/db.js';
import { destinationsRepo, type NewDestination } from '../../storage/destinations-repo.js';
import { partySettingsRepo } from '../../storage/party-settings-repo.js';
import type { Deps } from '../deps.js';
import { DEMO_AD_PLATFORM } from './demo-consent.js';

export const DEMO_MAIL_PROCESSOR = 'Mailverwerker Posthoorn B.V. (fictief)';

const DESTINATIONS: NewDestination[] = [
  {
    name: DEMO_MAIL_PROCESSOR,
    role: 'PROCESSOR',
    platform: false,
    vetted: true,
    processorAgreementComplete: true,
    art26Arrangement: false,
    outsideEea: false,
    transferMechanism: false,
    notes:
      'Verstuurt de nieuwsbrief en campagnemails in opdracht. Verwerkersovereenkomst getekend (fictief).',
  },
  {
    name: DEMO_AD_PLATFORM,
    role: 'JOINT_CONTROLLER',
    platform: true,
    vetted: true,
    processorAgreementComplete: false,
    art26Arrangement: false,
    outsideEea: true,
    transferMechanism: true,
    notes:
      'Advertentieplatform (fictief). Nog geen regeling gezamenlijke verantwoordelijkheid (art. 26 AVG).',
  },
];

export async function loadDemoActivities(
  d: Pick<Deps, 'audit'>,
  tx: Queryable,
  ctx: { now: Date; userId: string | null },
): Promise<number> {
  const dest: Record<string, string> = {};
  for (const x of DESTINATIONS) {
    const row = await destinationsRepo.insert(tx, x, ctx.userId, ctx.now);
    dest[x.name] = row.id;
    await d.audit.append(
      tx,
      [
        {
          type: 'destination.created',
          actorType: 'system',
          actorId: null,
          objectType: 'destination',
          objectId: row.id,
          data: { role: row.role, demo: true },
        },
      ],
      ctx.now,
    );
  }
  // the demo party's membership form offered an opt-out for e-mail, so members may get the
  // newsletter by e-mail on the basis of membership (recorded by the FG, with the reason).
  await partySettingsRepo.setMemberChannels(
    tx,
    ['EMAIL'],
    'Demo: het aanmeldformulier voor leden bood sinds de oprichting een vinkje "Ik wil geen nieuwsbrief per e-mail" (fictief).',
    ctx.userId,
    ctx.now,
  );
  await d.audit.append(
    tx,
    [
      {
        type: 'settings.member_channels_changed',
        actorType: 'system',
        actorId: null,
        objectType: 'party_settings',
        objectId: '1',
        data: { channels: ['EMAIL'], demo: true },
      },
    ],
    ctx.now,
  );
  const purposes = await activitiesRepo.consentPurposeOptions(tx);
  const purpose = (prefix: string) => purposes.find((p) => p.name.startsWith(prefix))?.id ?? null;
  const base = {
    directMarketing: true,
    politicalData: true,
    adClass: 'NOT_POLITICAL_AD',
    consentPurposeId: null,
    destinationId: null,
    dpiaStatus: 'NONE',
    memberCommunicationOverride: false,
    overrideReason: null,
  } as const;
  const activities: NewActivity[] = [
    {
      ...base,
      name: 'Ledennieuwsbrief per e-mail',
      purpose:
        'Leden maandelijks informeren over het werk van de partij (communicatie aan leden, TTPA art. 18 lid 3).',
      kind: 'MESSAGE',
      channel: 'EMAIL',
      adClass: 'MEMBER_COMMUNICATION_18_3',
      destinationId: dest[DEMO_MAIL_PROCESSOR]!,
    },
    {
      ...base,
      name: 'Campagnemails aan sympathisanten',
      purpose: 'Sympathisanten die daarvoor uitdrukkelijk toestemming gaven campagnemails sturen.',
      kind: 'MESSAGE',
      channel: 'EMAIL',
      consentPurposeId: purpose('Campagnemails'),
      destinationId: dest[DEMO_MAIL_PROCESSOR]!,
    },
    {
      ...base,
      name: 'Huis-aan-huis langs de deur',
      purpose:
        'Vrijwilligers bellen aan bij adressen in de eigen wijk om over het verkiezingsprogramma te praten.',
      kind: 'CANVASS',
      channel: 'DOOR',
    },
    {
      ...base,
      name: 'Doelgroep op Voorbeeldplatform',
      purpose:
        'Politieke advertenties tonen aan wie daarvoor apart toestemming gaf, via een lijst op het platform.',
      kind: 'CUSTOM_AUDIENCE',
      channel: 'ONLINE_AD',
      adClass: 'POLITICAL_AD',
      consentPurposeId: purpose('Politieke advertenties'),
      destinationId: dest[DEMO_AD_PLATFORM]!,
    },
  ];
  for (const a of activities) {
    const row = await activitiesRepo.insert(tx, a, ctx.userId, ctx.now);
    await d.audit.append(
      tx,
      [
        {
          type: 'activity.created',
          actorType: 'system',
          actorId: null,
          objectType: 'processing_activity',
          objectId: row.id,
          data: { kind: row.kind, channel: row.channel, adClass: row.adClass, demo: true },
        },
      ],
      ctx.now,
    );
  }
  return activities.length;
}
