/**
 * A realistic, fictional Dutch member-administration export as CSV (UTF-8, `;`, header row), generated as
 * a stream with a deterministic seed, so every run and both engines import the very same bytes:
 *
 *   voornaam;tussenvoegsel;achternaam;e-mail;telefoon;straat;huisnummer;postcode;plaats;geboortedatum;lid sinds
 *   Sanne;van der;Berg;sanne.vanderberg.104@vb.invalid;06-48271123;Kerkstraat;12A;3512 JK;Utrecht;14-03-1987;01-09-2015
 *
 * - E-mail addresses are unique (the row number is in them) and end in `.invalid` (RFC 2606).
 * - Phone numbers are unique when present (85 % of rows): a bijection of the row number onto 06-xxxxxxxx,
 *   written in the formats people type (06-…, 06 …, +31 6 …). Dedupe by blind index finds nothing to merge.
 * - Postcodes are valid Dutch postcodes (1000–9999, two letters without F I O Q U Y and not SA SD SS)
 *   inside the real range of the place they name.
 * - Birth dates give ages 16–95 on 2026-11-01; "lid sinds" lies after the 16th birthday.
 *
 * The big file goes to os.tmpdir(), never to the repository.
 *
 *   npx tsx bench/lib/person-csv.ts --rows=1000000 [--seed=20261101] [--out=/tmp/persons.csv] [--date-format=nl|iso]
 */
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSV_HEADER = [
  'voornaam',
  'tussenvoegsel',
  'achternaam',
  'e-mail',
  'telefoon',
  'straat',
  'huisnummer',
  'postcode',
  'plaats',
  'geboortedatum',
  'lid sinds',
] as const;

export interface PersonCsvRow {
  firstName: string;
  infix: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  /** ISO YYYY-MM-DD */
  birthDate: string;
  /** ISO YYYY-MM-DD */
  memberSince: string;
}

export type DateFormat = 'nl' | 'iso';

export const DEFAULT_SEED = 20261101;

/** mulberry32: small, fast, deterministic; good enough to pick names. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = (
  'Daan Sem Lucas Levi Finn Noah Milan Bram Luuk Jesse Thijs Sven Ruben Lars Stijn Tim Thomas Jan Piet Kees ' +
  'Willem Hendrik Johannes Cornelis Gerrit Pieter Jacobus Dirk Hans Peter Marco Erik Bas Joost Wouter Jeroen ' +
  'Mohammed Youssef Ahmed Mehmet Emre Rohan Arjun Kofi Jayden Dex Bodhi Ties Mees Guus Hugo Olivier Koen ' +
  'Emma Julia Mila Tess Sophie Zoë Sara Nora Evi Anna Lotte Fleur Sanne Lisa Eva Iris Femke Anouk Lieke Maud ' +
  'Maria Johanna Cornelia Anna Wilhelmina Geertje Hendrika Elisabeth Ingrid Marieke Annemiek Petra Monique ' +
  'Fatima Aïcha Yasmina Zeynep Elif Priya Amara Noor Saar Roos Fenna Jasmijn Esmée Chloë Noëlle Renée'
).split(' ');

const INFIX_LAST: [string, string][] = [
  ['van', 'Dijk'],
  ['de', 'Jong'],
  ['de', 'Vries'],
  ['van der', 'Berg'],
  ['van den', 'Berg'],
  ['van', 'Leeuwen'],
  ['de', 'Boer'],
  ['van der', 'Meer'],
  ['van', 'Wijk'],
  ['de', 'Groot'],
  ['van der', 'Linden'],
  ['van den', 'Heuvel'],
  ['de', 'Graaf'],
  ['van', 'Dam'],
  ['van der', 'Heijden'],
  ['ter', 'Horst'],
  ["van 't", 'Hof'],
  ['den', 'Hartog'],
  ['in het', 'Veld'],
  ['van', 'Beek'],
  ['de', 'Wit'],
  ['van', 'Vliet'],
  ['te', 'Velde'],
  ['van de', 'Kamp'],
];
const LAST = (
  'Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok Verhoeven ' +
  'Willems Janssen Koster Prins Huisman Postma Kuipers Vermeulen Maas Schouten Hoekstra Verbeek Timmermans ' +
  'Sanders Jacobs Evers Kramer Wouters Lambers Gerritsen Hermans Scholten Nijhuis Veenstra Bosman Kuiper ' +
  'Yılmaz Kaya El Amrani Bouzid Ramdin Sitaldin Tjon-A-Fong Nguyen Wang Mahabier Çelik Öztürk Ait Taleb'
).split(' ');

const STREETS = (
  'Kerkstraat;Schoolstraat;Molenweg;Dorpsstraat;Stationsweg;Julianastraat;Beatrixlaan;Wilhelminastraat;' +
  'Nieuwstraat;Marktplein;Kastanjelaan;Eikenlaan;Lindelaan;Parallelweg;Prinses Irenestraat;Oranjestraat;' +
  'Burgemeester de Withstraat;Van Goghstraat;Rembrandtlaan;Vondelstraat;Sportlaan;Industrieweg;Havenkade;' +
  'Zuiderdiep;Noorderhaven;Achter de Kerk;Sint Janstraat;Sluisweg;Dijkstraat;Hoofdstraat;Veldweg;Esdoornstraat'
).split(';');

/** Places and the first and last four postcode digits that (roughly) belong to them. */
export const PLACES: [string, number, number, number][] = [
  // name, from, to, weight
  ['Amsterdam', 1011, 1109, 9],
  ['Haarlem', 2011, 2037, 2],
  ['Leiden', 2311, 2334, 2],
  ["'s-Gravenhage", 2491, 2597, 6],
  ['Rotterdam', 3011, 3089, 7],
  ['Dordrecht', 3311, 3329, 1],
  ['Utrecht', 3511, 3585, 4],
  ['Amersfoort', 3811, 3829, 2],
  ['Arnhem', 6811, 6846, 2],
  ['Nijmegen', 6511, 6546, 2],
  ['Eindhoven', 5611, 5658, 3],
  ["'s-Hertogenbosch", 5211, 5237, 2],
  ['Tilburg', 5011, 5049, 3],
  ['Breda', 4811, 4839, 2],
  ['Maastricht', 6211, 6229, 2],
  ['Zwolle', 8011, 8043, 2],
  ['Enschede', 7511, 7548, 2],
  ['Groningen', 9711, 9747, 3],
  ['Leeuwarden', 8911, 8939, 1],
  ['Middelburg', 4331, 4339, 1],
  ['Assen', 9401, 9409, 1],
  ['Lelystad', 8211, 8245, 1],
  ['Almere', 1311, 1363, 2],
  ['Den Helder', 1781, 1789, 1],
];
const PLACE_TABLE: number[] = PLACES.flatMap((p, i) => Array.from({ length: p[3] }, () => i));

/** Letters used in Dutch postcodes (not F I O Q U Y); pairs SA, SD and SS are not issued. */
const PC_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'.split('');

const DOMAINS = ['vb.invalid', 'mail.invalid', 'post.invalid', 'thuis.invalid'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

const REF_DAY = Date.UTC(2026, 10, 1) / 86_400_000; // 2026-11-01 as days since epoch
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function emailLocal(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Row `i` (0-based) of the file with `seed`; pure in (seed, i) only through the sequential generator. */
export function* personRows(rows: number, seed = DEFAULT_SEED): Generator<PersonCsvRow> {
  const r = rng(seed);
  for (let i = 0; i < rows; i++) {
    const firstName = pick(r, FIRST);
    let infix = '';
    let lastName: string;
    if (r() < 0.3) [infix, lastName] = pick(r, INFIX_LAST);
    else lastName = pick(r, LAST);
    const local = `${emailLocal(firstName)}.${emailLocal(infix + lastName)}.${i}`;
    const email = `${local}@${DOMAINS[i % DOMAINS.length]}`;
    // (48271 · i + 12345) mod 10^8 is a bijection on 0…10^8−1 (48271 is prime to 10^8): unique numbers.
    const mobile = String((48271 * i + 12345) % 100_000_000).padStart(8, '0');
    const fmtPick = r();
    const phone =
      r() < 0.15
        ? ''
        : fmtPick < 0.6
          ? `06-${mobile}`
          : fmtPick < 0.85
            ? `06 ${mobile.slice(0, 4)} ${mobile.slice(4)}`
            : `+31 6 ${mobile}`;
    const place = PLACES[pick(r, PLACE_TABLE)]!;
    const digits = place[1] + Math.floor(r() * (place[2] - place[1] + 1));
    let letters = '';
    do letters = pick(r, PC_LETTERS) + pick(r, PC_LETTERS);
    while (letters === 'SA' || letters === 'SD' || letters === 'SS');
    const nr = 1 + Math.floor(r() ** 2 * 250);
    const add = r();
    const houseNumber =
      add < 0.8
        ? String(nr)
        : add < 0.9
          ? `${nr}${pick(r, ['A', 'B', 'C'])}`
          : `${nr}-${1 + Math.floor(r() * 4)}`;
    const ageDays = Math.floor((16 + r() * 79) * 365.25);
    const birthDay = REF_DAY - ageDays;
    // Member since: some day between the 16th birthday and today, weighted to recent years.
    const from = birthDay + Math.ceil(16 * 365.25);
    const sinceDay = REF_DAY - Math.floor(r() ** 2 * (REF_DAY - from));
    yield {
      firstName,
      infix,
      lastName,
      email,
      phone,
      street: pick(r, STREETS),
      houseNumber,
      postcode: `${digits} ${letters}`,
      city: place[0],
      birthDate: isoDay(birthDay),
      memberSince: isoDay(sinceDay),
    };
  }
}

function date(iso: string, format: DateFormat): string {
  if (format === 'iso' || iso === '') return iso;
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** Quote a field only when it needs it (it never does with the lists above; kept for safety). */
function field(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(p: PersonCsvRow, format: DateFormat = 'nl'): string {
  return [
    p.firstName,
    p.infix,
    p.lastName,
    p.email,
    p.phone,
    p.street,
    p.houseNumber,
    p.postcode,
    p.city,
    date(p.birthDate, format),
    date(p.memberSince, format),
  ]
    .map(field)
    .join(';');
}

export function defaultCsvPath(rows: number, seed = DEFAULT_SEED): string {
  return path.join(tmpdir(), `kk-bench-persons-${rows}-${seed}.csv`);
}

export interface GeneratedCsv {
  file: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSec: number;
  seed: number;
  dateFormat: DateFormat;
}

/** Write `rows` rows (plus the header) to `file`, streaming with back-pressure. */
export async function writePersonCsv(
  opts: { rows: number; seed?: number; file?: string; dateFormat?: DateFormat } = { rows: 1_000_000 },
): Promise<GeneratedCsv> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const file = opts.file ?? defaultCsvPath(opts.rows, seed);
  const dateFormat = opts.dateFormat ?? 'nl';
  const t0 = performance.now();
  const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const closed = once(out, 'close');
  let buf = `${CSV_HEADER.join(';')}\n`;
  for (const p of personRows(opts.rows, seed)) {
    buf += `${csvLine(p, dateFormat)}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await closed;
  const seconds = (performance.now() - t0) / 1000;
  return {
    file,
    rows: opts.rows,
    bytes: statSync(file).size,
    seconds,
    rowsPerSec: opts.rows / seconds,
    seed,
    dateFormat,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flags = Object.fromEntries(
    process.argv
      .slice(2)
      .map((a) => /^--([a-z-]+)=(.*)$/.exec(a))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const rows = Number((flags.rows ?? '1000000').replaceAll('_', ''));
  const g = await writePersonCsv({
    rows,
    seed: flags.seed ? Number(flags.seed) : undefined,
    file: flags.out,
    dateFormat: flags['date-format'] === 'iso' ? 'iso' : 'nl',
  });
  console.log(
    `${g.file}: ${g.rows.toLocaleString('en-US')} rows, ${(g.bytes / 2 ** 20).toFixed(1)} MiB in ${g.seconds.toFixed(2)} s ` +
      `(${Math.round(g.rowsPerSec).toLocaleString('en-US')} rows/s)`,
  );
}
