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

/** Deterministic pseudo-random sequence so the demo looks the same everywhere. */
function* lcg(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield x;
  }
}

export interface DemoPersonSeed {
  branchIndex: number;
  firstName: string;
  lastName: string;
  postcode: string;
  email: string;
  phone: string | null;
  membershipStatus: 'lid' | 'oud-lid' | null;
  candidateIndex: number | null;
}

export function demoPersons(count: number): DemoPersonSeed[] {
  const r = lcg(1848);
  const next = (n: number) => (r.next().value as number) % n;
  const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
  const out: DemoPersonSeed[] = [];
  for (let i = 0; i < count; i++) {
    const branchIndex = next(DEMO_BRANCHES.length);
    const b = DEMO_BRANCHES[branchIndex]!;
    const digits = b.postcodeFrom + next(b.postcodeTo - b.postcodeFrom + 1);
    const firstName = FIRST[next(FIRST.length)]!;
    const lastName = LAST[next(LAST.length)]!;
    const roll = next(10);
    out.push({
      branchIndex,
      firstName,
      lastName,
      postcode: `${digits} ${letters[next(letters.length)]}${letters[next(letters.length)]}`,
      email: `${`${firstName}.${lastName}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '')}@voorbeeld.invalid`,
      phone: next(3) === 0 ? null : `06-${String(10_000_000 + next(89_999_999)).slice(0, 8)}`,
      membershipStatus: roll < 6 ? 'lid' : roll < 8 ? 'oud-lid' : null,
      candidateIndex: branchIndex === 0 && next(4) === 0 ? 0 : branchIndex === 1 && next(4) === 0 ? 1 : null,
    });
  }
  return out;
}

export const DEMO_CANDIDATES = [
  { displayName: 'Aletta Jacobs (fictieve kandidaat)', branchIndex: 0, listPosition: 1 },
  { displayName: 'Johan Rudolph Thorbecke (fictieve kandidaat)', branchIndex: 1, listPosition: 2 },
] as const;
