/**
 * The fictional demo party. People are made from names of long-dead historical figures and painters,
 * with addresses on the reserved `.invalid` domain; nothing here is a real person's data.
 */
export const DEMO_PARTY = 'Partij voor de Polder (fictief)';

export const DEMO_BRANCHES = [
  { name: 'Amsterdam', postcodeFrom: 1000, postcodeTo: 1109 },
  { name: 'Utrecht', postcodeFrom: 3500, postcodeTo: 3585 },
  { name: 'Rotterdam', postcodeFrom: 3000, postcodeTo: 3089 },
  { name: 'Groningen', postcodeFrom: 9700, postcodeTo: 9747 },
] as const;

const FIRST = [
  'Aletta',
  'Johan',
  'Multatuli',
  'Rembrandt',
  'Hugo',
  'Maria',
  'Baruch',
  'Christiaan',
  'Anna',
  'Willem',
  'Judith',
  'Desiderius',
  'Titia',
  'Antonie',
  'Belle',
  'Constantijn',
  'Jacoba',
  'Frans',
  'Geertruida',
  'Pieter',
  'Kenau',
  'Michiel',
  'Trijn',
  'Jan',
  'Sara',
  'Cornelis',
  'Magdalena',
  'Herman',
  'Josina',
  'Lodewijk',
];
const LAST = [
  'Jacobs',
  'de Witt',
  'Dekker',
  'van Rijn',
  'de Groot',
  'van Schurman',
  'de Spinoza',
  'Huygens',
  'Bijns',
  'van Oranje',
  'Leyster',
  'van Rotterdam',
  'van Leeuwenhoek',
  'van Zuylen',
  'Vermeer',
  'Hals',
  'Boerhaave',
  'de Ruyter',
  'van Hemessen',
  'Steen',
  'Brederode',
  'Thorbecke',
  'Simonsz',
  'Kruseman',
  'Bosboom',
  'Haverman',
];

const CITIES = ['Amsterdam', 'Utrecht', 'Rotterdam', 'Groningen'] as const;
const STREETS = [
  'Herengracht',
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Stationsplein',
  'Nieuwe Binnenweg',
  'Oude Gracht',
  'Zuiderdiep',
  'Lindenlaan',
  'Havenkade',
];
const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;

/** Deterministic pseudo-random sequence so the demo looks the same everywhere. */
function* lcg(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield x;
  }
}

/** The relation a demo person gets (most are members, as in a real party's register). */
export type DemoRelation = 'member' | 'former_member' | 'regular_contact' | 'public_figure' | 'non_member';

export interface DemoPersonSeed {
  branchIndex: number;
  firstName: string;
  infix: string | null;
  lastName: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  email: string;
  phone: string | null;
  birthDate: string | null;
  ageBand: string | null;
  language: 'nl' | 'en' | 'fy';
  candidateIndex: number | null;
  relation: DemoRelation;
  /** Days before today: membership start; for former members also the end. */
  memberSinceDaysAgo: number;
  memberUntilDaysAgo: number | null;
  /** Days before today of the contacts that make a regular contact regular (shifts, donations). */
  contactDaysAgo: number[];
  contactKind: 'ACTIVE_VOLUNTEER' | 'RECURRING_DONOR';
  tags: ('vrijwilliger' | 'nieuwsbrief')[];
  /** A political field for some members: their view on housing. */
  housingView: string | null;
}

const HOUSING_VIEWS = [
  'Meer sociale huurwoningen in de wijk',
  'Sneller bouwen op bestaande bedrijventerreinen',
  'Voorrang voor starters bij nieuwbouw',
];

function splitLast(full: string): { infix: string | null; lastName: string } {
  const m = /^((?:(?:van|de|der|den|ter|te)\s+)+)(.+)$/.exec(full);
  return m ? { infix: m[1]!.trim(), lastName: m[2]! } : { infix: null, lastName: full };
}

export function demoPersons(count: number): DemoPersonSeed[] {
  const r = lcg(1848);
  // The high bits: an LCG's low bits cycle quickly, which would skew small ranges.
  const next = (n: number) => Math.floor(((r.next().value as number) / 2_147_483_648) * n);
  // No S as first letter: the pairs SS, SA and SD are not used in Dutch postcodes.
  const first = 'ABCDEFGHJKLMNPRTVWXZ';
  const second = 'ABCDEFGHJKLMNPRSTVWXZ';
  const out: DemoPersonSeed[] = [];
  let publicFigure = false;
  for (let i = 0; i < count; i++) {
    const branchIndex = next(DEMO_BRANCHES.length);
    const b = DEMO_BRANCHES[branchIndex]!;
    const digits = b.postcodeFrom + next(b.postcodeTo - b.postcodeFrom + 1);
    const firstName = FIRST[next(FIRST.length)]!;
    const last = LAST[next(LAST.length)]!;
    const roll = next(20);
    let relation: DemoRelation =
      roll < 12 ? 'member' : roll < 14 ? 'former_member' : roll < 16 ? 'regular_contact' : 'non_member';
    if (relation === 'non_member' && !publicFigure) {
      relation = 'public_figure';
      publicFigure = true;
    }
    const age = next(10);
    const birthYear = 1940 + next(66);
    const shifts = 2 + next(3);
    const contactStart = 30 + next(300);
    out.push({
      branchIndex,
      firstName,
      ...splitLast(last),
      street: STREETS[next(STREETS.length)]!,
      houseNumber: `${1 + next(180)}${next(6) === 0 ? 'A' : ''}`,
      postcode: `${digits} ${first[next(first.length)]}${second[next(second.length)]}`,
      city: CITIES[branchIndex]!,
      email: `${`${firstName}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '')}@voorbeeld.invalid`,
      phone: next(3) === 0 ? null : `06-${String(10_000_000 + next(89_999_999)).slice(0, 8)}`,
      birthDate:
        age < 7
          ? `${birthYear}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`
          : null,
      ageBand: age >= 7 && age < 9 ? AGE_BANDS[next(AGE_BANDS.length)]! : null,
      language: next(15) === 0 ? 'en' : next(20) === 0 ? 'fy' : 'nl',
      candidateIndex: branchIndex === 0 && next(4) === 0 ? 0 : branchIndex === 1 && next(4) === 0 ? 1 : null,
      relation,
      memberSinceDaysAgo: 400 + next(9000),
      // Former members left between 1 month and 3 years ago: some are past the 2-year retention (R-50).
      memberUntilDaysAgo: relation === 'former_member' ? 30 + next(1050) : null,
      contactDaysAgo: Array.from({ length: shifts }, (_, k) => contactStart - k * (20 + next(40))).filter(
        (d) => d > 0,
      ),
      contactKind: next(2) === 0 ? 'ACTIVE_VOLUNTEER' : 'RECURRING_DONOR',
      tags: [
        ...(relation === 'member' && next(4) === 0 ? (['vrijwilliger'] as const) : []),
        ...(next(3) === 0 ? (['nieuwsbrief'] as const) : []),
      ],
      housingView: relation === 'member' && next(8) === 0 ? HOUSING_VIEWS[next(HOUSING_VIEWS.length)]! : null,
    });
  }
  return out;
}

/** The classified catalogue the demo party starts with (R-01, R-02, R-08). */
export const DEMO_FIELD_DEFINITIONS = [
  {
    key: 'vrijwilliger',
    labelNl: 'Vrijwilliger',
    labelEn: 'Volunteer',
    kind: 'tag',
    dataClass: 'political',
    proxyRisk: 'high',
  },
  {
    key: 'nieuwsbrief',
    labelNl: 'Nieuwsbrief',
    labelEn: 'Newsletter',
    kind: 'tag',
    dataClass: 'ordinary',
    proxyRisk: 'none',
  },
  {
    key: 'standpunt-wonen',
    labelNl: 'Standpunt wonen',
    labelEn: 'View on housing',
    kind: 'field',
    dataClass: 'political',
    proxyRisk: 'high',
  },
  {
    key: 'belnotitie',
    labelNl: 'Belnotitie',
    labelEn: 'Call note',
    kind: 'note',
    dataClass: 'ordinary',
    proxyRisk: 'none',
  },
  {
    key: 'gespreksnotitie-politiek',
    labelNl: 'Gespreksnotitie (politiek)',
    labelEn: 'Conversation note (political)',
    kind: 'note',
    dataClass: 'political',
    proxyRisk: 'high',
  },
] as const;

export const DEMO_CANDIDATES = [
  { displayName: 'Aletta Jacobs (fictieve kandidaat)', branchIndex: 0, listPosition: 1 },
  { displayName: 'Johan Rudolph Thorbecke (fictieve kandidaat)', branchIndex: 1, listPosition: 2 },
] as const;
