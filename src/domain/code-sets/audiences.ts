/** Product codes of issue 4 (audiences), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const AUDIENCE_CODES = {
  AUDIENCE_UNKNOWN_CRITERION: {
    status: 400,
    nl: 'Deze doelgroep gebruikt een criterium dat niet bestaat. Kies uit: afdelingen, postcodegebieden, lidmaatschap, labels, toestemmingsdoelen, bijeenkomsten en taal.',
    en: 'This audience uses a criterion that does not exist. Choose from: branches, postcode areas, membership, tags, consent purposes, events and language.',
  },
  AUDIENCE_CRITERIA_EMPTY: {
    status: 400,
    nl: 'Deze doelgroep heeft geen criteria. Kies minstens één criterium, of kies bewust voor "iedereen binnen mijn bereik".',
    en: 'This audience has no criteria. Choose at least one, or deliberately choose "everyone within my scope".',
  },
  AUDIENCE_CRITERIA_CONTRADICTORY: {
    status: 400,
    nl: 'De criteria van deze doelgroep spreken elkaar tegen (bijvoorbeeld een begin na het einde, of een label dat zowel vereist als uitgesloten is).',
    en: 'The criteria of this audience contradict each other (for example a start after the end, or a tag both required and excluded).',
  },
  AUDIENCE_REFERENCE_UNKNOWN: {
    status: 400,
    nl: 'Een criterium verwijst naar een afdeling, label of toestemmingsdoel dat niet bestaat.',
    en: 'A criterion refers to a branch, tag or consent purpose that does not exist.',
  },
  AUDIENCE_ACTIVITY_UNKNOWN: {
    status: 400,
    nl: 'Een doelgroep hoort altijd bij een verwerking uit het register; deze verwerking bestaat niet.',
    en: 'An audience always belongs to a processing activity from the register; this activity does not exist.',
    rule: 'R-03',
  },
  AUDIENCE_SINGLES_OUT: {
    status: 422,
    nl: 'Een ledencommunicatie mag alleen naar alle leden, alle oud-leden of alle abonnees van één lijst. Deze selectie is smaller en telt daarom als gerichte politieke advertentie (TTPA art. 18(3)).',
    en: 'A member communication may only go to all members, all former members or all subscribers of one list. This selection is narrower and therefore counts as a targeted political ad (TTPA art 18(3)).',
    rule: 'R-79',
  },
} as const satisfies Record<string, CodeInfo>;
